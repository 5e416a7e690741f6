// SubscriberCard loaded by a real agent login on the demo data set: every tab's figures
// equal what SQL computes as superuser; emergency calls never show; the document stays
// masked (reveal refused to agents with 42501, audited for sales); the timeline works
// without the audit log for agents and with it for supervisors; card --json's document.
#define BOOST_TEST_MODULE subscriber_card
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "core/db/connection.h"
#include "core/services/card_json.h"
#include "core/services/subscriber_card.h"
#include "core/util/error.h"
#include "demo_desk.h"
#include "test_database.h"

using namespace subdesk::services;
using subdesk::test::RequireServer;
using subdesk::test::Template;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

const std::set<std::string> kEmergency = {"101", "102", "103", "104", "112"};

struct CardDesk : subdesk::test::DemoDesk {
  CardDesk() {
    // Charged calls to emergency numbers this month (the switch would never charge them;
    // these make sure the card filters by number, not by price), and a debt.
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO cdr(line_id, started_at, kind, direction, other_number, duration_s, charge)
        VALUES (1, date_trunc('month', now()) + interval '1 hour', 'voice', 'out', '112', 600, 777),
               (1, date_trunc('month', now()) + interval '2 hours', 'voice', 'out', '101', 125, 333);
      INSERT INTO ledger(account_id, amount, kind, idempotency_key, description)
        SELECT 1, -(balance + 5000), 'adjustment', 'test:debt', 'Test debt' FROM account WHERE id = 1;
    )");
  }
  std::string id(long long v) { return std::to_string(v); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(card, CardDesk)

BOOST_AUTO_TEST_CASE(an_agent_loads_the_full_card_with_the_database_figures) {
  // An open ticket and an enrolment of the focus line, besides what the demo made.
  *admin << "INSERT INTO ticket(customer_id, subject, body) VALUES (" + id(customer) + ", 'Швидкість', 'Падає')";
  *admin << "INSERT INTO promotion(code, name_uk, name_en, starts_on) VALUES ('card_test', 'Тест', 'Test', '2020-01-01')";
  *admin << "INSERT INTO promotion_enrollment(promotion_id, line_id) "
            "SELECT id, " + id(line) + " FROM promotion WHERE code = 'card_test'";
  SubscriberCard card(as("agent"), subdesk::Language::En);
  const CardData c = card.load({0, 0, line});
  BOOST_TEST(c.key.customerId == customer);
  BOOST_TEST(c.key.accountId == account);
  BOOST_TEST(c.key.lineId == line);

  // Overview
  BOOST_TEST(c.overview.customerName == text("SELECT last_name || ' ' || first_name || coalesce(' ' || patronymic, '') "
                                             "FROM customer WHERE id = " + id(customer)));
  BOOST_TEST(c.overview.accountNumber == text("SELECT number FROM account WHERE id = " + id(account)));
  BOOST_TEST_REQUIRE(!c.overview.lines.empty());
  BOOST_TEST(c.overview.lines[0].lineId == line);
  BOOST_TEST(c.overview.lines[0].msisdn == text("SELECT msisdn FROM line WHERE id = 1"));
  BOOST_TEST(c.overview.lines[0].tariffEn == text("SELECT t.name_en FROM line l JOIN tariff_plan t ON t.id = l.tariff_id WHERE l.id = 1"));
  BOOST_TEST(c.overview.lines[0].monthlyFee == number("SELECT t.monthly_fee FROM line l JOIN tariff_plan t ON t.id = l.tariff_id WHERE l.id = 1"));
  BOOST_TEST(c.overview.lines[0].iccid == text("SELECT iccid FROM sim WHERE line_id = 1 AND status = 'active'"));
  BOOST_TEST(static_cast<long long>(c.overview.services.size()) ==
             number("SELECT count(*) FROM line_service WHERE line_id = 1 AND starts_on <= current_date "
                    "AND (ends_on IS NULL OR ends_on >= current_date)"));
  BOOST_TEST(static_cast<long long>(c.overview.promotions.size()) ==
             number("SELECT count(*) FROM promotion_enrollment WHERE left_at IS NULL AND line_id = " + id(line)));
  BOOST_TEST_REQUIRE(!c.overview.promotions.empty());
  BOOST_TEST(c.overview.promotions.back().code == "card_test");
  BOOST_TEST(c.overview.promotions.back().endsOn.empty());
  BOOST_TEST(static_cast<long long>(c.overview.openTickets.size()) ==
             number("SELECT count(*) FROM ticket WHERE status = 'open' AND customer_id = " + id(customer)));
  BOOST_TEST_REQUIRE(!c.overview.openTickets.empty());
  BOOST_TEST(c.overview.openTickets.back().subject == "Швидкість");
  bool debt = false;
  for (const auto& w : c.overview.warnings) debt = debt || w.code == "debt";
  BOOST_TEST(debt);

  // Balance
  BOOST_TEST(c.balance.balance == number("SELECT balance FROM account WHERE id = " + id(account)));
  BOOST_TEST(c.balance.balance == -5000);
  BOOST_TEST(c.balance.bonusBalance == number("SELECT bonus_balance FROM account WHERE id = " + id(account)));
  BOOST_TEST(c.balance.disconnectThreshold == number("SELECT disconnect_threshold FROM account WHERE id = " + id(account)));
  const long long payments = number("SELECT count(*) FROM payment p JOIN account a ON a.id = p.account_id "
                                    "WHERE a.customer_id = " + id(customer));
  BOOST_TEST(static_cast<long long>(c.balance.lastPayments.size()) == std::min(payments, 10LL));
  if (!c.balance.lastPayments.empty()) {
    BOOST_TEST(c.balance.lastPayments[0].amount ==
               number("SELECT p.amount FROM payment p JOIN account a ON a.id = p.account_id WHERE a.customer_id = " +
                      id(customer) + " ORDER BY p.created_at DESC, p.id DESC LIMIT 1"));
  }

  // Current package: this Kyiv month, outgoing at home, never the emergency calls.
  const std::string month = "date_trunc('month', now() AT TIME ZONE 'Europe/Kyiv') AT TIME ZONE 'Europe/Kyiv'";
  const std::string notEmergency = "(other_number IS NULL OR other_number NOT IN ('101','102','103','104','112'))";
  BOOST_TEST(c.package.hasLine);
  BOOST_TEST(c.package.minutes.used ==
             number("SELECT coalesce(sum((duration_s + 59) / 60), 0) FROM cdr WHERE line_id = 1 AND kind = 'voice' "
                    "AND direction = 'out' AND NOT roaming AND started_at >= " + month + " AND " + notEmergency));
  BOOST_TEST(c.package.sms.used == number("SELECT count(*) FROM cdr WHERE line_id = 1 AND kind = 'sms' AND direction = "
                                          "'out' AND NOT roaming AND started_at >= " + month));
  BOOST_TEST(c.package.megabytes.used ==
             number("SELECT coalesce(sum((volume_kb + 1023) / 1024), 0) FROM cdr WHERE line_id = 1 AND kind = 'data' "
                    "AND NOT roaming AND started_at >= " + month));
  const long long includedMinutes = number("SELECT coalesce(t.minutes, -1) FROM line l JOIN tariff_plan t ON t.id = l.tariff_id WHERE l.id = 1");
  BOOST_TEST(c.package.minutes.unlimited() == (includedMinutes < 0));
  if (includedMinutes >= 0) BOOST_TEST(*c.package.minutes.included == includedMinutes);

  // Expenses: six months, each category as SQL sums it; the entries behind each bar add
  // up to it and never include an emergency number.
  BOOST_TEST_REQUIRE(c.expenses.size() == 6u);
  BOOST_TEST(c.expenses.back().month == text("SELECT to_char(now() AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM')"));
  long long shown = 0;
  for (const auto& m : c.expenses) {
    BOOST_TEST_INFO(m.month);
    const std::string inMonth = "to_char(started_at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM') = '" + m.month + "'";
    BOOST_TEST(m.calls == number("SELECT sum(charge) FROM cdr WHERE line_id IN (SELECT id FROM line WHERE account_id = " +
                                 id(account) + ") AND kind = 'voice' AND " + notEmergency + " AND " + inMonth));
    BOOST_TEST(m.data == number("SELECT sum(charge) FROM cdr WHERE line_id IN (SELECT id FROM line WHERE account_id = " +
                                id(account) + ") AND kind = 'data' AND " + inMonth));
    BOOST_TEST(m.fees == -number("SELECT sum(amount) FROM ledger WHERE account_id = " + id(account) +
                                 " AND wallet = 'main' AND kind IN ('monthly_fee', 'service_fee', 'detail_fee', "
                                 "'detail_fee_waiver', 'turbo') "
                                 "AND to_char(created_at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM') = '" + m.month + "'"));
    for (auto cat : {ExpenseCategory::Calls, ExpenseCategory::Sms, ExpenseCategory::Data, ExpenseCategory::Fees}) {
      long long sum = 0;
      for (const auto& e : card.expenseEntries(account, *subdesk::BillingMonth::parse(m.month), cat)) {
        sum += e.amount;
        BOOST_TEST(!kEmergency.contains(e.otherNumber));
        BOOST_TEST(e.amount > 0);
      }
      BOOST_TEST(sum == (cat == ExpenseCategory::Calls ? m.calls
                         : cat == ExpenseCategory::Sms ? m.sms
                         : cat == ExpenseCategory::Data ? m.data
                                                        : m.fees));
    }
    shown += m.calls;
  }
  // The planted emergency charges exist in the data and were left out.
  BOOST_TEST(number("SELECT count(*) FROM cdr WHERE line_id = 1 AND other_number IN ('112', '101', '103')") >= 3);
  BOOST_TEST(shown + 777 + 333 <= number("SELECT sum(charge) FROM cdr WHERE line_id IN (SELECT id FROM line WHERE "
                                         "account_id = " + id(account) + ") AND started_at >= " + month +
                                         " - interval '5 months'"));

  // Spending for a period: the ledger by kind.
  const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  const auto from = std::chrono::year_month_day(std::chrono::sys_days(today) - std::chrono::days(120));
  for (const auto& s : card.spending(account, from, today)) {
    BOOST_TEST_INFO(s.wallet << " " << s.kind);
    BOOST_TEST(s.total == number("SELECT sum(amount) FROM ledger WHERE account_id = " + id(account) + " AND wallet = '" +
                                 s.wallet + "' AND kind = '" + s.kind + "' AND created_at >= now() - interval '130 days'"));
  }

  // Profile: the document's kind, never its number.
  const std::string docNumber = text("SELECT doc_number FROM customer WHERE id = " + id(customer));
  BOOST_TEST(c.profile.docKind == text("SELECT doc_kind FROM customer WHERE id = " + id(customer)));
  BOOST_TEST(c.profile.docMask.find(docNumber.empty() ? std::string("\x01") : docNumber.substr(docNumber.size() - 2)) ==
             std::string::npos);
  BOOST_TEST(c.profile.lastName == text("SELECT last_name FROM customer WHERE id = " + id(customer)));
  BOOST_TEST(c.profile.deviceModel == text("SELECT device_model FROM line WHERE id = 1"));
  BOOST_TEST(static_cast<long long>(c.homeInternet.size()) ==
             number("SELECT count(*) FROM home_internet h JOIN account a ON a.id = h.account_id WHERE a.customer_id = " + id(customer)));

  // Timeline: no audit for an agent, and every other source is there.
  BOOST_TEST(!c.timeline.includesAudit);
  const long long events =
      number("SELECT (SELECT count(*) FROM ledger l JOIN account a ON a.id = l.account_id WHERE a.customer_id = " +
             id(customer) + " AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.ledger_id = l.id)) + (SELECT count(*) FROM "
             "payment p JOIN account a ON a.id = p.account_id WHERE a.customer_id = " + id(customer) +
             ") + (SELECT count(*) FROM interaction WHERE customer_id = " + id(customer) +
             ") + (SELECT count(*) FROM sim_swap s JOIN line l ON l.id = s.line_id JOIN account a ON a.id = l.account_id "
             "WHERE a.customer_id = " + id(customer) + ") + (SELECT count(*) FROM tariff_change t JOIN line l ON "
             "l.id = t.line_id JOIN account a ON a.id = l.account_id WHERE a.customer_id = " + id(customer) + ")");
  BOOST_TEST(static_cast<long long>(c.timeline.entries.size()) == std::min(events, 200LL));
  BOOST_TEST_REQUIRE(!c.timeline.entries.empty());
  BOOST_TEST(c.timeline.entries[0].kind == "ledger");  // the test debt is the newest event
  BOOST_TEST(c.timeline.entries[0].details == "Test debt");
  for (const auto& e : c.timeline.entries) BOOST_TEST(e.kind != "audit");

  // card --json: the same data, in the documented shape.
  std::ostringstream out;
  cardToJson(c)->stringify(out);
  Poco::JSON::Parser parser;
  const auto root = parser.parse(out.str()).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(root->getObject("key")->getValue<long long>("line_id") == line);
  BOOST_TEST(root->getObject("overview")->getValue<std::string>("name") == c.overview.customerName);
  BOOST_TEST(root->getObject("overview")->getArray("lines")->getObject(0)->getValue<std::string>("msisdn") ==
             c.overview.lines[0].msisdn);
  BOOST_TEST(root->getObject("balance")->getValue<long long>("balance") == -5000);
  BOOST_TEST(root->getObject("package")->getObject("minutes")->getValue<long long>("used") == c.package.minutes.used);
  BOOST_TEST(root->getArray("expenses")->size() == 6u);
  BOOST_TEST(root->getArray("expenses")->getObject(5)->getValue<long long>("calls") == c.expenses[5].calls);
  BOOST_TEST(root->getObject("profile")->getValue<std::string>("doc_kind") == c.profile.docKind);
  BOOST_TEST(!root->getObject("timeline")->getValue<bool>("includes_audit"));
  BOOST_TEST(root->getObject("timeline")->getArray("entries")->size() == c.timeline.entries.size());
  BOOST_TEST(out.str().find(docNumber.empty() ? std::string("\x01") : docNumber) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(document_reveal_is_for_office_staff_and_audited) {
  std::string state;
  try {
    SubscriberCard(as("agent")).revealDocument(customer);
  } catch (const soci::soci_error& e) {
    state = subdesk::sqlState(e);
  }
  BOOST_TEST(state == "42501");
  const auto doc = SubscriberCard(as("sales")).revealDocument(customer);
  BOOST_TEST(doc.docNumber == text("SELECT doc_number FROM customer WHERE id = " + id(customer)));
  BOOST_TEST(doc.docKind == text("SELECT doc_kind FROM customer WHERE id = " + id(customer)));
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE action = 'reveal_document' AND customer_id = " + id(customer) +
                    " AND who = '" + login("sales") + "'") == 1);
  // A supervisor's timeline shows the audit rows, the reveal among them.
  const Timeline t = SubscriberCard(as("supervisor")).timeline(customer);
  BOOST_TEST(t.includesAudit);
  bool reveal = false;
  for (const auto& e : t.entries) reveal = reveal || (e.kind == "audit" && e.action == "reveal_document");
  BOOST_TEST(reveal);
  for (const auto& e : t.entries) {
    if (e.staffLogin == login("sales")) BOOST_TEST(e.staffName == "Test sales");
  }
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_refused_with_not_found) {
  SubscriberCard card(as("agent"));
  BOOST_CHECK_EXCEPTION(card.load({999999999, 0, 0}), subdesk::UserError,
                        [](const subdesk::UserError& e) { return e.code() == "not_found"; });
  BOOST_CHECK_EXCEPTION(card.resolve({0, 0, 999999999}), subdesk::UserError,
                        [](const subdesk::UserError& e) { return e.code() == "not_found"; });
  // A customer alone: the mobile account with an open line is chosen.
  const CardKey k = card.resolve({customer, 0, 0});
  BOOST_TEST(k.accountId == account);
  BOOST_TEST(k.lineId == line);
}

BOOST_AUTO_TEST_SUITE_END()
