// Money operations of issue 7 one by one: payments (cash, card at the POS terminal, bank),
// manual adjustments within the role's limit, transfers between a customer's accounts,
// fees; every happy path and every refusal, and that a refusal moves nothing.
#define BOOST_TEST_MODULE money_operations
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/account_transfer.h"
#include "core/services/balance_adjustment.h"
#include "core/services/payments.h"
#include "core/util/error.h"
#include "outcome.h"
#include "test_database.h"

using subdesk::Money;
using subdesk::services::AccountTransfer;
using subdesk::services::BalanceAdjustment;
using subdesk::services::newIdempotencyKey;
using subdesk::services::PaymentMethod;
using subdesk::services::PaymentRequest;
using subdesk::services::Payments;
using subdesk::test::outcome;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

constexpr const char* kCard = "4111 1111 1111 1111";

struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;
  const std::map<std::string, std::string> staff{
      {"agent", "agent"}, {"sales", "sales"}, {"supervisor", "supervisor"}, {"billing", "billing"}};

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES
        (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1');
      INSERT INTO customer(id, last_name, first_name, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', crypt('соняшник', gen_salt('bf', 4))),
        (2, 'Smith', 'John', NULL);
      INSERT INTO account(id, number, customer_id, kind, disconnect_threshold, status, closed_at) VALUES
        (1, '100000017', 1, 'mobile', 0, 'active', NULL),
        (2, '100000025', 1, 'home', 0, 'active', NULL),
        (3, '100000033', 2, 'mobile', 0, 'active', NULL),
        (4, '100000041', 1, 'mobile', 0, 'closed', now());
    )");
    for (const auto& [who, group] : staff) {
      if (group == "billing") {
        db.addLogin(who, "subdesk_billing");
      } else {
        db.addStaff(who, group, 1, "Test " + who);
      }
    }
  }
  std::string login(const std::string& who) const { return db.login(who); }
  soci::session& as(const std::string& who) {
    auto& s = sessions[who];
    if (!s) s = db.connectAs(who);
    return *s;
  }
  long long number(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
  long long balance(int account) { return number("SELECT balance FROM account WHERE id = " + std::to_string(account)); }
  // Everything money could have changed, as one string.
  std::string money() {
    std::string s;
    *admin << "SELECT string_agg(id || '=' || balance, ' ' ORDER BY id) || ' ledger=' || (SELECT count(*) FROM ledger)"
              " || ' payments=' || (SELECT count(*) FROM payment) FROM account",
        soci::into(s);
    return s;
  }
  void verify(soci::session& s, int customer) {
    long long id = 0;
    int ok = 0;
    s << "SELECT interaction_open('visit', NULL, " + std::to_string(customer) + ")", soci::into(id);
    s << "SELECT interaction_verify(" + std::to_string(id) + ", 'code_word', 'соняшник')::int", soci::into(ok);
    BOOST_TEST_REQUIRE(ok == 1);
  }
};

// The SQLSTATE (or UserError code) a call fails with, "ok" when it succeeds.
PaymentRequest cash(long long account, long long kopecks, std::string key = newIdempotencyKey()) {
  return {account, Money::fromKopecks(kopecks), PaymentMethod::Cash, "", "", "", std::move(key)};
}

}  // namespace

BOOST_AUTO_TEST_CASE(cash_payment_credits_once_per_key) {
  Desk d;
  Payments pay(d.as("sales"));
  const std::string key = newIdempotencyKey();
  const auto id = pay.take(cash(1, 15000, key));
  BOOST_TEST(d.balance(1) == 15000);
  // A double click, a retry after a timeout: the same key gives the same payment, no money.
  BOOST_TEST(pay.take(cash(1, 15000, key)) == id);
  BOOST_TEST(d.balance(1) == 15000);
  BOOST_TEST(d.number("SELECT count(*) FROM ledger WHERE kind = 'payment' AND account_id = 1") == 1);
  // The same key for another amount is a mistake, not a payment.
  BOOST_TEST(outcome([&] { pay.take(cash(1, 20000, key)); }) == "SD007");
  BOOST_TEST(d.balance(1) == 15000);

  const auto r = pay.receipt(id);
  BOOST_TEST(r.accountNumber == "100000017");
  BOOST_TEST(r.amount == 15000);
  BOOST_TEST(r.method == "cash");
  BOOST_TEST(r.officeNameEn == "Kyiv, Khreshchatyk");
  BOOST_TEST(r.staffName == "Test sales");
  BOOST_TEST(r.balanceNow == 15000);
}

BOOST_AUTO_TEST_CASE(card_payment_keeps_rrn_and_last_four_only) {
  Desk d;
  Payments pay(d.as("sales"));
  PaymentRequest r{1, Money::fromKopecks(50000), PaymentMethod::Pos, "123456789012", "1111", "", newIdempotencyKey()};
  const auto id = pay.take(r);
  BOOST_TEST(d.number("SELECT count(*) FROM payment WHERE id = " + std::to_string(id) +
                      " AND rrn = '123456789012' AND card_last4 = '1111' AND method = 'pos'") == 1);
  // No RRN, a bad RRN, more than four digits, a card number anywhere: refused, nothing moves.
  const std::string before = d.money();
  r.idempotencyKey = newIdempotencyKey();
  for (auto [rrn, last4, receipt, want] :
       {std::tuple{"", "1111", "", "22023"}, {"12345", "1111", "", "22023"}, {"123456789012", "11112", "", "22023"},
        {"123456789012", kCard, "", "SD040"}, {kCard, "", "", "SD040"}, {"123456789012", "", kCard, "SD040"}}) {
    r.rrn = rrn;
    r.cardLast4 = last4;
    r.receiptNo = receipt;
    BOOST_TEST(outcome([&] { pay.take(r); }) == want, rrn << " / " << last4 << " / " << receipt);
  }
  // The database refuses the same on its own, whoever bypasses the core.
  auto& s = d.as("sales");
  const auto direct = [&](const std::string& call) {
    return outcome([&] { s << "SELECT payment_take(1, 5000, " + call + ", gen_random_uuid()::text)"; });
  };
  BOOST_TEST(direct("'pos', NULL, '1111', NULL") == "SD043");
  BOOST_TEST(direct("'pos', '123456789012', '41111', NULL") == "SD043");
  BOOST_TEST(direct("'pos', '123456789012', '4111111111111111', NULL") == "SD040");
  BOOST_TEST(direct("'cash', NULL, NULL, 'чек 4111-1111-1111-1111'") == "SD040");
  BOOST_TEST(direct("'cash', '123456789012', NULL, NULL") == "SD043");
  BOOST_TEST(direct("'cheque', NULL, NULL, NULL") == "22023");
  BOOST_TEST(d.money() == before);
  // Even the owner cannot store a card number in a free-text column.
  BOOST_TEST(outcome([&] {
               *d.admin << "INSERT INTO ledger(account_id, amount, kind, idempotency_key, description) "
                           "VALUES (1, 100, 'adjustment', 'x', 'card 4111111111111111')";
             }) == "23514");
  BOOST_TEST(outcome([&] {
               *d.admin << "INSERT INTO ticket(customer_id, subject, body) VALUES (1, 'card', '5500 0000 0000 0004')";
             }) == "23514");
}

BOOST_AUTO_TEST_CASE(payment_refusals) {
  Desk d;
  const std::string before = d.money();
  auto& s = d.as("sales");
  const auto take = [&](const std::string& args) {
    return outcome([&] { s << "SELECT payment_take(" + args + ", gen_random_uuid()::text)"; });
  };
  BOOST_TEST(take("1, 0, 'cash', NULL, NULL, NULL") == "SD041");           // nothing
  BOOST_TEST(take("1, -5000, 'cash', NULL, NULL, NULL") == "SD041");       // negative
  BOOST_TEST(take("1, 10000001, 'cash', NULL, NULL, NULL") == "SD041");    // above 100,000.00 UAH
  BOOST_TEST(take("4, 5000, 'cash', NULL, NULL, NULL") == "SD042");        // closed account
  BOOST_TEST(take("999, 5000, 'cash', NULL, NULL, NULL") == "SD042");      // no such account
  BOOST_TEST(outcome([&] { Payments(s).take(cash(1, 0)); }) == "22023");  // the core refuses first
  // Agents at the call centre take no cash and no card, but may record a bank transfer.
  Payments agent(d.as("agent"));
  BOOST_TEST(outcome([&] { agent.take(cash(1, 5000)); }) == "42501");
  BOOST_TEST(d.money() == before);
  BOOST_TEST(outcome([&] {
               agent.take({1, Money::fromKopecks(5000), PaymentMethod::Bank, "", "", "ПД-77", newIdempotencyKey()});
             }) == "ok");
  BOOST_TEST(d.balance(1) == 5000);
  // Nobody updates a balance or writes the ledger directly.
  BOOST_TEST(outcome([&] { d.as("supervisor") << "UPDATE account SET balance = 1 WHERE id = 1"; }) == "42501");
}

BOOST_AUTO_TEST_CASE(adjustment_within_role_limit) {
  Desk d;
  BalanceAdjustment agent(d.as("agent")), supervisor(d.as("supervisor"));
  BOOST_TEST(agent.limit()->kopecks() == 10000);
  BOOST_TEST(supervisor.limit()->kopecks() == 1000000);
  const std::string key = newIdempotencyKey();
  const auto id = agent.adjust(1, Money::fromKopecks(5000), "dropped calls", key);
  BOOST_TEST(agent.adjust(1, Money::fromKopecks(5000), "dropped calls", key) == id);
  BOOST_TEST(d.balance(1) == 5000);
  BOOST_TEST(outcome([&] { agent.adjust(1, Money::fromKopecks(10001), "outage", newIdempotencyKey()); }) == "SD004");
  BOOST_TEST(outcome([&] { agent.adjust(1, Money::fromKopecks(-10001), "outage", newIdempotencyKey()); }) == "SD004");
  BOOST_TEST(outcome([&] { agent.adjust(1, Money::fromKopecks(500), "  ", newIdempotencyKey()); }) == "SD005");
  BOOST_TEST(outcome([&] { agent.adjust(1, Money::fromKopecks(0), "zero", newIdempotencyKey()); }) == "22023");
  BOOST_TEST(outcome([&] { agent.adjust(1, Money::fromKopecks(500), "card 4111111111111111", newIdempotencyKey()); }) ==
             "SD040");
  BOOST_TEST(outcome([&] { supervisor.adjust(1, Money::fromKopecks(900000), "outage", newIdempotencyKey()); }) == "ok");
  BOOST_TEST(d.balance(1) == 905000);
  BOOST_TEST(d.number("SELECT count(*) FROM audit_log WHERE table_name = 'ledger'") == 2);
}

BOOST_AUTO_TEST_CASE(transfer_between_own_accounts_of_a_verified_caller) {
  Desk d;
  auto& s = d.as("sales");
  Payments(s).take(cash(1, 10000));
  AccountTransfer move(s);
  BOOST_TEST(outcome([&] { move.transfer(1, 2, Money::fromKopecks(3000), "home internet", newIdempotencyKey()); }) ==
             "SD001");
  d.verify(s, 1);
  const std::string key = newIdempotencyKey();
  move.transfer(1, 2, Money::fromKopecks(3000), "home internet", key);
  move.transfer(1, 2, Money::fromKopecks(3000), "home internet", key);  // retried: once
  BOOST_TEST(d.balance(1) == 7000);
  BOOST_TEST(d.balance(2) == 3000);
  // Both rows are transfers in the ledger (0034), not adjustments; the same key with
  // another amount is refused.
  BOOST_TEST(d.number("SELECT count(*) FROM ledger WHERE kind = 'transfer' AND idempotency_key LIKE 'transfer:" +
                      key + ":%'") == 2);
  BOOST_TEST(outcome([&] { move.transfer(1, 2, Money::fromKopecks(3100), "home internet", key); }) == "SD007");
  // A transfer written before 0034 (kind 'adjustment') retried with its key returns it.
  const std::string old = newIdempotencyKey();
  *d.admin << "INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description) VALUES "
              "(1, 'main', -500, 'adjustment', 'transfer:" + old + ":out', 'Transfer to 100000025'), "
              "(2, 'main', 500, 'adjustment', 'transfer:" + old + ":in', 'Transfer from 100000017')";
  move.transfer(1, 2, Money::fromKopecks(500), "", old);
  BOOST_TEST(d.balance(1) == 6500);
  BOOST_TEST(d.balance(2) == 3500);
  BOOST_TEST(outcome([&] { move.transfer(1, 3, Money::fromKopecks(100), "", newIdempotencyKey()); }) == "SD045");
  BOOST_TEST(outcome([&] { move.transfer(1, 2, Money::fromKopecks(6501), "", newIdempotencyKey()); }) == "SD044");
  BOOST_TEST(outcome([&] { move.transfer(1, 4, Money::fromKopecks(100), "", newIdempotencyKey()); }) == "SD042");
  BOOST_TEST(outcome([&] { move.transfer(1, 2, Money::fromKopecks(-100), "", newIdempotencyKey()); }) == "SD041");
  BOOST_TEST(d.balance(1) == 6500);
  // A family group joins the accounts of different customers.
  *d.admin << "INSERT INTO family_group(id, name, owner_customer_id) VALUES (1, 'Коваленки', 1)";
  *d.admin << "UPDATE account SET family_group_id = 1 WHERE id IN (1, 3)";
  BOOST_TEST(outcome([&] { move.transfer(1, 3, Money::fromKopecks(100), "", newIdempotencyKey()); }) == "ok");
  BOOST_TEST(d.balance(3) == 100);
}

BOOST_AUTO_TEST_CASE(fees_never_below_the_threshold) {
  Desk d;
  Payments(d.as("sales")).take(cash(1, 1000));
  auto& billing = d.as("billing");
  const auto charge = [&](long long amount, const std::string& key) {
    return outcome([&] {
      billing << "SELECT account_charge(1, :m, 'service_fee', 'Roaming', :k)", soci::use(amount), soci::use(key);
    });
  };
  BOOST_TEST(charge(600, "fee-1") == "ok");
  BOOST_TEST(charge(600, "fee-1") == "ok");  // retried: once
  BOOST_TEST(d.balance(1) == 400);
  BOOST_TEST(charge(401, "fee-2") == "SD044");
  BOOST_TEST(charge(-5, "fee-3") == "SD041");
  BOOST_TEST(d.balance(1) == 400);
  BOOST_TEST(outcome([&] {
               d.as("supervisor") << "SELECT account_charge(1, 100, 'service_fee', 'x', 'fee-4')";
             }) == "42501");
}
