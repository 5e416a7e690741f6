// Supervisors' reports (issue 8) exported to CSV, XLSX and PDF and read back by other
// programs: the CSV by Python's csv module, the XLSX by openpyxl (typed cells, totals),
// the PDF by pdftotext. Figures match the database; no emergency number in any file;
// only supervisors may export.
#define BOOST_TEST_MODULE db_report_exports
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "bills_fixture.h"
#include "core/reporting/report.h"
#include "core/services/detail_requests.h"
#include "core/util/error.h"
#include "reports/report_export.h"

using namespace subdesk;
using test::BillsDesk;

using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

const std::string kReader = (std::filesystem::path(__FILE__).parent_path().parent_path() / "support/read_export.py").string();

Poco::JSON::Object::Ptr readBack(const std::string& file, const std::vector<std::string>& money) {
  std::string cmd = "/usr/bin/python3 '" + kReader + "' '" + file + "'";
  for (const auto& m : money) cmd += " " + m;
  return Poco::JSON::Parser().parse(test::run(cmd)).extract<Poco::JSON::Object::Ptr>();
}

struct ExportDesk : BillsDesk {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("subdesk-reports-" + db.name());
  reporting::Period period;
  std::string from, to;
  ExportDesk() {
    std::filesystem::create_directories(dir);
    from = text("SELECT (kyiv_day(now()) - 100)::text");
    to = text("SELECT kyiv_day(now())::text");
    period = {*reporting::parseIsoDay(from), *reporting::parseIsoDay(to)};
    // A charged and a waived detailed-bill fee, so the fee report has both kinds.
    services::DetailRequests agent(as("agent")), supervisor(as("supervisor"));
    const auto today = period.to;
    agent.request({account, 1, today, today, agent.quote(account).fee.fee, std::nullopt, services::newIdempotencyKey()});
    supervisor.request({account, 1, today, today, supervisor.quote(account).fee.fee, std::string("test waiver"),
                        services::newIdempotencyKey()});
  }
  ~ExportDesk() { std::filesystem::remove_all(dir); }
  std::string where() { return " WHERE day BETWEEN '" + from + "' AND '" + to + "'"; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(exports, ExportDesk)

BOOST_AUTO_TEST_CASE(every_report_in_every_format_reads_back_with_the_database_figures) {
  int nonEmpty = 0;
  for (const auto& report : reporting::allReports()) {
    std::vector<std::string> money, moneyArgs;
    const auto columns = report->columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].type != reporting::CellType::Money) continue;
      money.push_back(columns[i].key);
      moneyArgs.push_back(columns[i].key + ":" + std::to_string(i));
    }
    const std::string view = "report_" + std::string(report->name() == "sim-restores" ? "sim_restores"
                                                     : report->name() == "detail-fees" ? "detail_fees"
                                                     : report->name() == "password-resets" ? "password_resets"
                                                     : report->name());
    const long long rows = number("SELECT count(*) FROM " + view + where());
    if (rows > 0) ++nonEmpty;

    const std::string csv = (dir / (report->name() + ".csv")).string();
    auto r = reports::exportReport(as("supervisor"), *report, period, {reports::ExportFormat::Csv, csv, Language::Uk, true});
    BOOST_TEST(r.rows == rows, report->name());
    auto c = readBack(csv, moneyArgs);
    BOOST_TEST(c->getValue<long long>("rows") == rows, report->name());
    BOOST_TEST(c->getValue<int>("emergency") == 0);
    BOOST_TEST(c->getArray("header")->getElement<std::string>(0) == report->columns().front().key);

    const std::string xlsx = (dir / (report->name() + ".xlsx")).string();
    reports::exportReport(as("supervisor"), *report, period, {reports::ExportFormat::Xlsx, xlsx, Language::Uk, false});
    auto x = readBack(xlsx, moneyArgs);
    BOOST_TEST(x->getValue<long long>("rows") == rows, report->name());
    BOOST_TEST(x->getValue<bool>("typed"), report->name());
    BOOST_TEST(x->getValue<int>("emergency") == 0);
    if (rows > 0) BOOST_TEST(x->getValue<long long>("dates") > 0, report->name());
    for (const auto& m : money) {
      const long long sum = number("SELECT coalesce(sum(" + m + "), 0) FROM " + view + where());
      BOOST_TEST(c->getObject("sums")->getValue<long long>(m) == sum, report->name() << "." << m);
      if (rows > 0) BOOST_TEST(x->getObject("sums")->getValue<long long>(m) == sum, report->name() << "." << m);
      BOOST_TEST(x->getObject("totals")->getValue<long long>(m) == sum, report->name() << "." << m);
    }

    const std::string pdf = (dir / (report->name() + ".pdf")).string();
    reports::exportReport(as("supervisor"), *report, period, {reports::ExportFormat::Pdf, pdf, Language::En, false});
    const std::string t = test::run("pdftotext -layout '" + pdf + "' -");
    BOOST_TEST(t.find(report->title()) != std::string::npos, report->name());
    BOOST_TEST(t.find("Page 1") != std::string::npos);
  }
  BOOST_TEST(nonEmpty >= 3, "reports with rows: " << nonEmpty);
  BOOST_TEST(number("SELECT count(*) FROM report_detail_fees" + where() + " AND waived > 0") == 1);
}

BOOST_AUTO_TEST_CASE(only_supervisors_may_export) {
  const auto report = reporting::reportNamed("payments");
  for (const std::string g : {"agent", "sales"}) {
    try {
      reports::exportReport(as(g), *report, period, {reports::ExportFormat::Csv, (dir / "x.csv").string(), Language::Uk, false});
      BOOST_ERROR(g << " exported a report");
    } catch (const soci::soci_error& e) {
      BOOST_TEST(sqlState(e) == "42501");
    }
  }
}

BOOST_AUTO_TEST_CASE(a_cancelled_export_leaves_no_file) {
  auto token = std::make_shared<CancellationToken>();
  token->cancel();
  const std::string csv = (dir / "cancelled.csv").string();
  reporting::RunOptions run;
  run.cancel = token;
  const auto r = reports::exportReport(as("supervisor"), *reporting::reportNamed("operations"), period,
                                       {reports::ExportFormat::Csv, csv, Language::Uk, false}, run);
  BOOST_TEST(r.cancelled);
  BOOST_TEST(!std::filesystem::exists(csv));
}

BOOST_AUTO_TEST_CASE(an_export_refused_before_it_begins_leaves_an_earlier_file_alone) {
  const std::string pdf = (dir / "earlier.pdf").string();
  {
    std::ofstream earlier(pdf);
    earlier << "an earlier export";
  }
  const reporting::Period backwards{period.to, period.from};
  try {
    reports::exportReport(as("supervisor"), *reporting::reportNamed("payments"), backwards,
                          {reports::ExportFormat::Pdf, pdf, Language::En, false});
    BOOST_ERROR("a period that ends before it starts was exported");
  } catch (const UserError& e) {
    BOOST_TEST(e.code() == "bad_period");
  }
  std::ifstream back(pdf);
  const std::string was((std::istreambuf_iterator<char>(back)), std::istreambuf_iterator<char>());
  BOOST_TEST(was == "an earlier export");
}

BOOST_AUTO_TEST_SUITE_END()
