// Call history (issue 8): the view cdr_visible is the only way staff read call records,
// so calls to emergency numbers never appear; keyset paging covers every record exactly
// once, newest first; filters by kind and number; opening a history is audited.
#define BOOST_TEST_MODULE db_call_history
#include <boost/test/unit_test.hpp>

#include <set>

#include "bills_fixture.h"
#include "core/reporting/report.h"
#include "core/services/call_history.h"
#include "core/util/error.h"

using namespace subdesk;
using services::CallHistory;
using services::HistoryFilter;
using test::BillsDesk;

using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

bool emergency(const std::string& n) { return n == "101" || n == "102" || n == "103" || n == "104" || n == "112"; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(history, BillsDesk)

BOOST_AUTO_TEST_CASE(staff_read_call_records_only_through_the_view_without_emergency_calls) {
  BOOST_TEST(number("SELECT count(*) FROM cdr WHERE line_id = 1 AND is_emergency_number(other_number)") >= 5);
  for (const std::string group : {"agent", "sales", "supervisor"}) {
    try {
      long long n = 0;
      as(group) << "SELECT count(*) FROM cdr", soci::into(n);
      BOOST_ERROR(group << " read cdr directly");
    } catch (const soci::soci_error& e) {
      BOOST_TEST(sqlState(e) == "42501", group << ": " << e.what());
    }
    long long visible = 0, leaked = 0;
    as(group) << "SELECT count(*), count(*) FILTER (WHERE other_number IN ('101','102','103','104','112')) "
                 "FROM cdr_visible WHERE line_id = 1",
        soci::into(visible), soci::into(leaked);
    BOOST_TEST(leaked == 0);
    BOOST_TEST(visible == number("SELECT count(*) FROM cdr WHERE line_id = 1") -
                              number("SELECT count(*) FROM cdr WHERE line_id = 1 AND is_emergency_number(other_number)"));
  }
}

BOOST_AUTO_TEST_CASE(keyset_pages_cover_the_period_once_newest_first_and_the_opening_is_audited) {
  const auto from = *reporting::parseIsoDay(lastMonthFrom());
  const auto to = *reporting::parseIsoDay(text("SELECT kyiv_day(now())::text"));
  CallHistory history(as("agent"), as("agent"));
  history.open(1, from, to);
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE action = 'call_history' AND line_id = 1 AND who = '" +
                    login("agent") + "' AND account_id = " + std::to_string(account) +
                    " AND changes ->> 'from' = '" + lastMonthFrom() + "'") == 1);

  HistoryFilter f{1, from, to, "", ""};
  std::set<long long> seen;
  std::optional<services::HistoryCursor> after;
  std::string previous = "9999";
  int pages = 0;
  do {
    auto page = history.page(f, after, 7);
    ++pages;
    for (const auto& r : page.records) {
      BOOST_TEST(!emergency(r.otherNumber), r.otherNumber);
      BOOST_TEST(seen.insert(r.id).second, "record " << r.id << " twice");
      BOOST_TEST((r.at <= previous), r.at << " after " << previous);
      previous = r.at;
    }
    after = page.next;
  } while (after && pages < 1000);
  const long long expected = number(
      "SELECT count(*) FROM cdr WHERE line_id = 1 AND NOT is_emergency_number(other_number) "
      "AND started_at >= (date_trunc('month', kyiv_day(now())) - interval '1 month')::timestamp AT TIME ZONE 'Europe/Kyiv'");
  BOOST_TEST(static_cast<long long>(seen.size()) == expected);
  BOOST_TEST(pages > 2);
}

BOOST_AUTO_TEST_CASE(filters_by_kind_and_number) {
  const auto from = *reporting::parseIsoDay(lastMonthFrom());
  const auto to = *reporting::parseIsoDay(text("SELECT kyiv_day(now())::text"));
  CallHistory history(as("agent"), as("agent"));
  auto sms = history.page({1, from, to, "sms", ""}, std::nullopt, 500);
  BOOST_TEST(!sms.records.empty());
  for (const auto& r : sms.records) BOOST_TEST(r.kind == "sms");
  for (const char* n : {"112", "103", "101", "104"}) {
    BOOST_TEST(history.page({1, from, to, "", n}, std::nullopt, 500).records.empty(), n);
  }
  const std::string other = text("SELECT other_number FROM cdr WHERE line_id = 1 AND kind = 'voice' AND other_number LIKE '+380%' "
                                 "AND started_at >= date_trunc('month', now()) - interval '1 month' LIMIT 1");
  BOOST_TEST_REQUIRE(!other.empty());
  const std::string digits = other.substr(other.size() - 7);
  auto byNumber = history.page({1, from, to, "", digits}, std::nullopt, 500);
  BOOST_TEST(!byNumber.records.empty());
  for (const auto& r : byNumber.records) BOOST_TEST(r.otherNumber.find(digits) != std::string::npos);
  BOOST_CHECK_THROW(history.page({1, from, to, "fax", ""}, std::nullopt, 10), UserError);
  BOOST_CHECK_THROW(history.page({1, from, to, "", "1%"}, std::nullopt, 10), UserError);
}

BOOST_AUTO_TEST_SUITE_END()
