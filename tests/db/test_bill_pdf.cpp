// The detailed bill (issue 8) from the database to a PDF read back by poppler: no
// emergency call in the data or the file, subtotals per kind, totals equal to what the
// ledger debited for the month to the kopeck, the number, "page X of Y", both languages.
#define BOOST_TEST_MODULE db_bill_pdf
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>

#include "bills_fixture.h"
#include "core/domain/money.h"
#include "core/domain/msisdn.h"
#include "core/reporting/report.h"
#include "core/services/detailed_bill.h"
#include "reports/bill_pdf.h"

using namespace subdesk;
using test::BillsDesk;

using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

BOOST_FIXTURE_TEST_SUITE(bill, BillsDesk)

BOOST_AUTO_TEST_CASE(last_month_bill_matches_the_ledger_and_reads_back_from_the_pdf) {
  const auto from = *reporting::parseIsoDay(lastMonthFrom());
  const auto to = *reporting::parseIsoDay(lastMonthTo());
  const auto bill = services::DetailedBill(as("agent")).load(account, 0, from, to);

  BOOST_TEST_REQUIRE(!bill.records.empty());
  for (const auto& r : bill.records) {
    BOOST_TEST((r.otherNumber != "112" && r.otherNumber != "103" && r.otherNumber != "101"), r.otherNumber);
  }
  const std::string range = "started_at >= '" + lastMonthFrom() + "'::timestamp AT TIME ZONE 'Europe/Kyiv' AND started_at < ('" +
                            lastMonthTo() + "'::date + 1)::timestamp AT TIME ZONE 'Europe/Kyiv'";
  const std::string lines = "line_id IN (SELECT id FROM line WHERE account_id = " + std::to_string(account) + ")";
  BOOST_TEST(static_cast<long long>(bill.records.size()) ==
             number("SELECT count(*) FROM cdr WHERE " + lines + " AND " + range + " AND NOT is_emergency_number(other_number)"));
  BOOST_TEST(bill.subtotal("voice") == number("SELECT coalesce(sum(charge), 0) FROM cdr WHERE kind = 'voice' AND " + lines +
                                              " AND " + range + " AND NOT is_emergency_number(other_number)"));
  // The demo posts each month's usage to the ledger; the bill's total is what the ledger debited.
  BOOST_TEST(bill.ledgerUsage > 0);
  BOOST_TEST(bill.total() == bill.ledgerTotal());
  BOOST_TEST(bill.total() == number("SELECT -sum(amount) FROM ledger WHERE account_id = " + std::to_string(account) +
                                    " AND wallet = 'main' AND amount < 0 AND kind IN ('usage', 'monthly_fee', 'service_fee', "
                                    "'detail_fee', 'turbo') AND created_at >= '" + lastMonthFrom() +
                                    "'::timestamp AT TIME ZONE 'Europe/Kyiv' AND created_at < ('" + lastMonthTo() +
                                    "'::date + 1)::timestamp AT TIME ZONE 'Europe/Kyiv'"));

  const auto dir = std::filesystem::temp_directory_path() / ("subdesk-bill-" + db.name());
  std::filesystem::create_directories(dir);
  for (const Language lang : {Language::Uk, Language::En}) {
    const std::string pdf = (dir / (lang == Language::Uk ? "uk.pdf" : "en.pdf")).string();
    const int pages = reports::saveBillPdf(bill, lang, pdf);
    BOOST_TEST(pages >= 1);
    const std::string textOut = test::run("pdftotext -layout '" + pdf + "' -");
    const std::string national = Msisdn::parse(bill.msisdns.front())->national();
    BOOST_TEST(textOut.find(national) != std::string::npos, national);
    BOOST_TEST(textOut.find(bill.accountNumber) != std::string::npos);
    BOOST_TEST(textOut.find(Money::fromKopecks(bill.total()).format(lang)) != std::string::npos,
               Money::fromKopecks(bill.total()).format(lang));
    BOOST_TEST(textOut.find(Money::fromKopecks(bill.subtotal("data")).format(lang)) != std::string::npos);
    const std::string pageLabel = lang == Language::Uk ? "Сторінка 1 з " + std::to_string(pages)
                                                       : "Page 1 of " + std::to_string(pages);
    BOOST_TEST(textOut.find(pageLabel) != std::string::npos, pageLabel);
    BOOST_TEST(textOut.find(lang == Language::Uk ? "Детальний рахунок" : "Detailed bill") != std::string::npos);
    // No emergency number as a party anywhere in the file.
    BOOST_TEST(!std::regex_search(textOut, std::regex("(^|\\s)(101|102|103|104|112)(\\s|$)")));
    test::run("pdftoppm -png -r 50 -f 1 -l 1 '" + pdf + "' '" + (dir / "page").string() + "'");
    bool png = false;
    for (const auto& e : std::filesystem::directory_iterator(dir)) png = png || e.path().extension() == ".png";
    BOOST_TEST(png);
  }
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_bill_of_one_line_lists_only_that_line) {
  const auto from = *reporting::parseIsoDay(lastMonthFrom());
  const auto to = *reporting::parseIsoDay(text("SELECT kyiv_day(now())::text"));
  const auto bill = services::DetailedBill(as("agent")).load(account, 1, from, to);
  BOOST_TEST(bill.msisdns.size() == 1u);
  BOOST_TEST(bill.msisdns.front() == text("SELECT msisdn FROM line WHERE id = 1"));
  for (const auto& r : bill.records) BOOST_TEST(r.msisdn == bill.msisdns.front());
}

BOOST_AUTO_TEST_SUITE_END()
