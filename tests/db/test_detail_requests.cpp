// Detailed-bill requests (issue 8): the fee the core quotes is the fee the database
// charges through the ledger; a supervisor's waiver is in the ledger too (the fee and an
// equal credit, so the balance does not move) and a recorded, audited request with its
// reason; agents cannot waive; a stale quote is refused; a retry with the same key
// charges once; the report of fees charged and waived agrees with the ledger.
#define BOOST_TEST_MODULE db_detail_requests
#include <boost/test/unit_test.hpp>

#include "bills_fixture.h"
#include "core/reporting/report.h"
#include "core/services/detail_requests.h"
#include "core/util/error.h"

using namespace subdesk;
using services::DetailRequestInput;
using services::DetailRequests;
using test::BillsDesk;

using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

struct FeeDesk : BillsDesk {
  // A fixed clock for everyone: 2026-11-20 in Kyiv.
  FeeDesk() {
    for (const std::string g : {"agent", "supervisor"}) as(g) << "SET subdesk.test_now = '2026-11-20 12:00:00+02'";
  }
  DetailRequestInput input(long long acc, Money fee, std::optional<std::string> reason = std::nullopt) {
    return {acc, 0, *reporting::parseIsoDay("2026-10-01"), *reporting::parseIsoDay("2026-10-31"), fee, reason,
            services::newIdempotencyKey()};
  }
  std::string id(long long v) { return std::to_string(v); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(detail_requests, FeeDesk)

BOOST_AUTO_TEST_CASE(first_request_of_the_month_costs_5_31_and_further_ones_1_06_through_the_ledger) {
  *admin << "UPDATE account SET selfcare_registered_on = NULL WHERE id = " + id(account);
  DetailRequests requests(as("agent"));
  const long long balance = number("SELECT balance FROM account WHERE id = " + id(account));
  auto q1 = requests.quote(account);
  BOOST_TEST(q1.fee.fee.kopecks() == 531);
  BOOST_TEST(q1.earlierThisMonth == 0);
  const auto r1 = requests.request(input(account, q1.fee.fee));
  BOOST_TEST(r1.fee.kopecks() == 531);
  BOOST_TEST(!r1.waived);
  BOOST_TEST(number("SELECT -amount FROM ledger WHERE kind = 'detail_fee' AND id = " + id(r1.ledgerId)) == 531);
  auto q2 = requests.quote(account);
  BOOST_TEST(q2.fee.fee.kopecks() == 106);
  BOOST_TEST(q2.earlierThisMonth == 1);
  const auto r2 = requests.request(input(account, q2.fee.fee));
  BOOST_TEST(r2.fee.kopecks() == 106);
  BOOST_TEST(number("SELECT balance FROM account WHERE id = " + id(account)) == balance - 531 - 106);
  BOOST_TEST(number("SELECT count(*) FROM detail_request WHERE account_id = " + id(account)) == 2);
  // Audited: the ledger rows, the requests, and the named read with the fee.
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE action = 'detailed_bill' AND account_id = " + id(account) +
                    " AND who = '" + login("agent") + "'") == 2);
  BOOST_TEST(number("SELECT sum((changes ->> 'fee')::bigint) FROM audit_log WHERE action = 'detailed_bill' "
                    "AND account_id = " + id(account)) == 637);
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE table_name = 'ledger' AND action = 'INSERT' AND row_id IN ('" +
                    id(r1.ledgerId) + "', '" + id(r2.ledgerId) + "')") == 2);
  // Charged, not waived: no credit row, and the request names its fee row.
  BOOST_TEST(number("SELECT count(*) FROM ledger WHERE kind = 'detail_fee_waiver' AND account_id = " + id(account)) == 0);
  BOOST_TEST(number("SELECT ledger_id FROM detail_request WHERE id = " + id(r2.requestId)) == r2.ledgerId);
  BOOST_TEST(number("SELECT count(*) FROM detail_request WHERE waiver_ledger_id IS NOT NULL AND account_id = " +
                    id(account)) == 0);
  BOOST_TEST(number("SELECT sum(amount) FROM ledger WHERE wallet = 'main' AND account_id = " + id(account)) ==
             number("SELECT balance FROM account WHERE id = " + id(account)));
}

BOOST_AUTO_TEST_CASE(the_preferential_period_costs_1_06_whatever_the_count_and_core_and_database_agree) {
  DetailRequests requests(as("agent"));
  struct Row {
    const char* registered;
    long long expected;
  };
  // Clock: 2026-11-20. Registered 2026-10-01: through 30 Nov -> 1.06; 2026-09-30: ended 31 Oct -> 5.31.
  for (const Row r : {Row{"2026-10-01", 106}, Row{"2026-11-20", 106}, Row{"2026-09-30", 531}, Row{"2026-11-21", 531}}) {
    *admin << "UPDATE account SET selfcare_registered_on = '" + std::string(r.registered) + "' WHERE id = " + id(account);
    const auto q = requests.quote(account);
    BOOST_TEST(q.fee.fee.kopecks() == r.expected, r.registered);
    long long db = 0;  // the database's rule, on the agent's (test) clock
    as("agent") << "SELECT detail_fee(" + id(account) + ")", soci::into(db);
    BOOST_TEST(db == r.expected, r.registered);
  }
  *admin << "UPDATE account SET selfcare_registered_on = '2026-10-15' WHERE id = " + id(account);
  for (int i = 0; i < 3; ++i) {
    const auto q = requests.quote(account);
    BOOST_TEST(requests.request(input(account, q.fee.fee)).fee.kopecks() == 106);
  }
}

BOOST_AUTO_TEST_CASE(a_supervisor_waives_with_a_reason_agents_cannot_and_the_waiver_is_audited) {
  *admin << "UPDATE account SET selfcare_registered_on = NULL WHERE id = " + id(account);
  const long long balance = number("SELECT balance FROM account WHERE id = " + id(account));
  try {
    DetailRequests(as("agent")).request(input(account, Money::fromKopecks(531), std::string("goodwill")));
    BOOST_ERROR("an agent waived a fee");
  } catch (const soci::soci_error& e) {
    BOOST_TEST(sqlState(e) == "42501");
  }
  DetailRequests supervisor(as("supervisor"));
  try {
    supervisor.request(input(account, Money::fromKopecks(531), std::string("  ")));
    BOOST_ERROR("a waiver without a reason");
  } catch (const soci::soci_error& e) {
    BOOST_TEST(sqlState(e) == "SD005");
  }
  const auto r = supervisor.request(input(account, supervisor.quote(account).fee.fee, std::string("network fault, complaint 77")));
  BOOST_TEST(r.waived);
  BOOST_TEST(r.fee.kopecks() == 531);
  BOOST_TEST(number("SELECT balance FROM account WHERE id = " + id(account)) == balance);
  // In the ledger: the fee, and its waiver credited back in the same transaction.
  BOOST_TEST_REQUIRE(r.ledgerId != 0);
  const std::string waiverRow = "(SELECT waiver_ledger_id FROM detail_request WHERE id = " + id(r.requestId) + ")";
  BOOST_TEST(number("SELECT -amount FROM ledger WHERE kind = 'detail_fee' AND id = " + id(r.ledgerId)) == 531);
  BOOST_TEST(number("SELECT amount FROM ledger WHERE kind = 'detail_fee_waiver' AND id = " + waiverRow) == 531);
  BOOST_TEST(number("SELECT count(*) FROM ledger WHERE kind IN ('detail_fee', 'detail_fee_waiver') AND account_id = " +
                    id(account)) == 2);
  BOOST_TEST(number("SELECT count(DISTINCT xmin::text) FROM ledger WHERE id IN (" + id(r.ledgerId) + ", " + waiverRow +
                    ")") == 1);
  BOOST_TEST(number("SELECT sum(amount) FROM ledger WHERE wallet = 'main' AND account_id = " + id(account)) ==
             number("SELECT balance FROM account WHERE id = " + id(account)));
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE table_name = 'ledger' AND action = 'INSERT' AND who = '" +
                    login("supervisor") + "' AND row_id IN ('" + id(r.ledgerId) + "', " + waiverRow + "::text)") == 2);
  BOOST_TEST(text("SELECT waive_reason FROM detail_request WHERE id = " + id(r.requestId)) == "network fault, complaint 77");
  BOOST_TEST(text("SELECT changes ->> 'reason' FROM audit_log WHERE action = 'detailed_bill' AND who = '" +
                  login("supervisor") + "'") == "network fault, complaint 77");
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE table_name = 'detail_request' AND action = 'INSERT' "
                    "AND row_id = '" + id(r.requestId) + "' AND changes -> 'waived' ->> 'new' = 'true'") == 1);
  // The waived request was the month's first: the next one costs 1.06.
  BOOST_TEST(supervisor.quote(account).fee.fee.kopecks() == 106);
  // A second waiver, then its retry with the same key: one more credit row, not two.
  auto second = input(account, supervisor.quote(account).fee.fee, std::string("second complaint"));
  const auto first = supervisor.request(second);
  BOOST_TEST(supervisor.request(second).requestId == first.requestId);
  BOOST_TEST(number("SELECT count(*) FROM ledger WHERE kind = 'detail_fee_waiver' AND account_id = " + id(account)) == 2);
  BOOST_TEST(number("SELECT balance FROM account WHERE id = " + id(account)) == balance);
}

BOOST_AUTO_TEST_CASE(the_report_of_fees_charged_and_waived_agrees_with_the_ledger) {
  *admin << "UPDATE account SET selfcare_registered_on = NULL WHERE id = " + id(account);
  DetailRequests supervisor(as("supervisor"));
  supervisor.request(input(account, supervisor.quote(account).fee.fee));                              // 5.31 charged
  supervisor.request(input(account, supervisor.quote(account).fee.fee, std::string("goodwill")));     // 1.06 waived
  supervisor.request(input(account, supervisor.quote(account).fee.fee));                              // 1.06 charged
  const std::string mine = " WHERE account = (SELECT number FROM account WHERE id = " + id(account) + ")";
  BOOST_TEST(number("SELECT sum(charged) FROM report_detail_fees" + mine) == 531 + 106);
  BOOST_TEST(number("SELECT sum(waived) FROM report_detail_fees" + mine) == 106);
  const std::string ledger = "SELECT coalesce(sum(amount), 0) FROM ledger WHERE account_id = " + id(account);
  // What the report says was charged is what the ledger took, net of waivers; what it
  // says was waived is what the ledger credited back.
  BOOST_TEST(-number(ledger + " AND kind IN ('detail_fee', 'detail_fee_waiver')") ==
             number("SELECT sum(charged) FROM report_detail_fees" + mine));
  BOOST_TEST(number(ledger + " AND kind = 'detail_fee_waiver'") == number("SELECT sum(waived) FROM report_detail_fees" + mine));
  BOOST_TEST(-number(ledger + " AND kind = 'detail_fee'") == number("SELECT sum(fee) FROM report_detail_fees" + mine));
}

BOOST_AUTO_TEST_CASE(a_stale_quote_is_refused_and_a_retry_charges_once) {
  *admin << "UPDATE account SET selfcare_registered_on = NULL WHERE id = " + id(account);
  DetailRequests requests(as("agent"));
  auto in = input(account, Money::fromKopecks(531));
  const auto first = requests.request(in);
  const auto again = requests.request(in);
  BOOST_TEST(again.requestId == first.requestId);
  BOOST_TEST(again.ledgerId == first.ledgerId);
  BOOST_TEST(number("SELECT count(*) FROM ledger WHERE kind = 'detail_fee' AND account_id = " + id(account)) == 1);
  try {
    requests.request(input(account, Money::fromKopecks(531)));  // the fee is 1.06 now
    BOOST_ERROR("a stale fee was charged");
  } catch (const soci::soci_error& e) {
    BOOST_TEST(sqlState(e) == "SD051");
  }
  auto future = input(account, Money::fromKopecks(106));
  future.to = *reporting::parseIsoDay("2026-12-01");
  try {
    requests.request(future);
    BOOST_ERROR("a period in the future");
  } catch (const soci::soci_error& e) {
    BOOST_TEST(sqlState(e) == "SD050");
  }
}

BOOST_AUTO_TEST_SUITE_END()
