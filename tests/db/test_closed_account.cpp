// A closed account takes part in no money or account operation (migration 0033): a
// payment, an adjustment, a transfer from it or to it, a tariff change or a service on one
// of its lines are refused with SD042 and the operation's own sentence, and nothing moves.
#define BOOST_TEST_MODULE closed_account
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/account_transfer.h"
#include "core/services/balance_adjustment.h"
#include "core/services/line_services.h"
#include "core/services/payments.h"
#include "core/services/tariff_change.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::Money;
using subdesk::services::AccountTransfer;
using subdesk::services::BalanceAdjustment;
using subdesk::services::LineServices;
using subdesk::services::newIdempotencyKey;
using subdesk::services::PaymentMethod;
using subdesk::services::Payments;
using subdesk::services::TariffChange;
using subdesk::services::TariffChangeWhen;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {


// Customer 1 has account 1 (open, line 1) and account 2 (line 2, open on its own); the
// fixture credits both and then closes account 2.
struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;
  const std::vector<std::string> groups{"agent", "sales", "supervisor"};

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES
        (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee) VALUES
        (1, 'start', 'mobile', 'Старт', 'Start', 10000), (2, 'smart', 'mobile', 'Смарт', 'Smart', 15000);
      INSERT INTO service(id, code, kind, name_uk, name_en, monthly_fee) VALUES
        (1, 'music', 'mobile', 'Музика', 'Music', 3000);
      INSERT INTO customer(id, last_name, first_name, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', crypt('соняшник', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind) VALUES
        (1, '100000017', 1, 'mobile'), (2, '100000025', 1, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES
        (1, '+380671234567', 1, 1), (2, '+380671234568', 2, 1);
    )");
    for (const auto& g : groups) db.addStaff(g, g, 1, "Test " + g);
    Payments pay(as("sales"));
    pay.take({1, Money::fromKopecks(10000), PaymentMethod::Cash, "", "", "", newIdempotencyKey()});
    pay.take({2, Money::fromKopecks(10000), PaymentMethod::Cash, "", "", "", newIdempotencyKey()});
  }
  std::string login(const std::string& g) const { return db.login(g); }
  soci::session& as(const std::string& g) {
    auto& s = sessions[g];
    if (!s) s = db.connectAs(g);
    return *s;
  }
  void closeAccount2() { *admin << "UPDATE account SET status = 'closed', closed_at = now() WHERE id = 2"; }
  long long number(const std::string& q) {
    long long n = 0;
    *admin << q, soci::into(n);
    return n;
  }
  // Everything an operation could have changed, as one string; and the ledger matches.
  std::string state() {
    BOOST_TEST(number("SELECT count(*) FROM account a WHERE balance <> (SELECT coalesce(sum(amount), 0) "
                      "FROM ledger l WHERE l.account_id = a.id AND wallet = 'main')") == 0);
    std::string s;
    *admin << "SELECT string_agg(id || '=' || balance, ' ' ORDER BY id) || ' ledger=' || (SELECT count(*) "
              "FROM ledger)"
              " || ' payments=' || (SELECT count(*) FROM payment)"
              " || ' changes=' || (SELECT count(*) FROM tariff_change)"
              " || ' services=' || (SELECT count(*) FROM line_service) || ' tariffs=' || "
              "(SELECT string_agg(tariff_id::text, ',' ORDER BY id) FROM line) FROM account",
        soci::into(s);
    return s;
  }
};

// "CODE: message" of a failed call, "ok" when it succeeds.
template <class F>
std::string outcome(F&& f) {
  try {
    f();
    return "ok";
  } catch (const subdesk::UserError& e) {
    return e.code() + ": " + e.what();
  } catch (const std::exception& e) {
    return subdesk::sqlState(e);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(payment_to_a_closed_account_is_refused) {
  Desk d;
  d.closeAccount2();
  const std::string before = d.state();
  Payments pay(d.as("sales"));
  BOOST_TEST(outcome([&] {
               pay.take({2, Money::fromKopecks(5000), PaymentMethod::Cash, "", "", "", newIdempotencyKey()});
             }) == "SD042: This account is closed: no payment can be taken for it.");
  BOOST_TEST(outcome([&] {
               d.as("sales") << "SELECT payment_take(2, 5000, 'bank', NULL, NULL, 'ПД-1', 'k-closed-pay')";
             }) == "SD042");
  BOOST_TEST(d.state() == before);
  // The open account of the same customer still takes one.
  BOOST_TEST(outcome([&] {
               pay.take({1, Money::fromKopecks(5000), PaymentMethod::Cash, "", "", "", newIdempotencyKey()});
             }) == "ok");
  BOOST_TEST(d.number("SELECT balance FROM account WHERE id = 1") == 15000);
}

BOOST_AUTO_TEST_CASE(adjustment_of_a_closed_account_is_refused) {
  Desk d;
  BalanceAdjustment agent(d.as("agent")), supervisor(d.as("supervisor"));
  // Made before the account closed; its retry afterwards still answers, moving nothing.
  const std::string key = newIdempotencyKey();
  const auto id = agent.adjust(2, Money::fromKopecks(-2000), "double charge", key);
  d.closeAccount2();
  const std::string before = d.state();
  BOOST_TEST(agent.adjust(2, Money::fromKopecks(-2000), "double charge", key) == id);
  for (long long kopecks : {500LL, -500LL}) {
    BOOST_TEST(outcome([&] {
                 agent.adjust(2, Money::fromKopecks(kopecks), "outage", newIdempotencyKey());
               }) == "SD042: This account is closed: its balance cannot be adjusted.");
    BOOST_TEST(outcome([&] {
                 supervisor.adjust(2, Money::fromKopecks(kopecks * 100), "outage", newIdempotencyKey());
               }) == "SD042: This account is closed: its balance cannot be adjusted.");
  }
  BOOST_TEST(outcome([&] {
               d.as("agent") << "SELECT balance_adjust(2, 100, 'outage', 'k-closed-adjust')";
             }) == "SD042");
  BOOST_TEST(d.state() == before);
  BOOST_TEST(d.number("SELECT balance FROM account WHERE id = 2") == 8000);
  // The limit still comes first: above it is SD004, whatever the account.
  BOOST_TEST(outcome([&] {
               d.as("agent") << "SELECT balance_adjust(2, 10001, 'outage', 'k-closed-limit')";
             }) == "SD004");
}

BOOST_AUTO_TEST_CASE(transfer_from_or_to_a_closed_account_is_refused) {
  Desk d;
  auto& s = d.as("agent");
  long long interaction = 0;
  int ok = 0;
  s << "SELECT interaction_open('visit', NULL, 1)", soci::into(interaction);
  s << "SELECT interaction_verify(:i, 'code_word', 'соняшник')::int", soci::use(interaction), soci::into(ok);
  BOOST_TEST_REQUIRE(ok == 1);
  AccountTransfer move(s);
  d.closeAccount2();
  const std::string before = d.state();
  BOOST_TEST(outcome([&] { move.transfer(2, 1, Money::fromKopecks(1000), "", newIdempotencyKey()); }) ==
             "SD042: Account 100000025 is closed: no money can be moved from it.");
  BOOST_TEST(outcome([&] { move.transfer(1, 2, Money::fromKopecks(1000), "", newIdempotencyKey()); }) ==
             "SD042: Account 100000025 is closed: no money can be moved to it.");
  BOOST_TEST(outcome([&] { s << "SELECT balance_transfer(1, 2, 1000, NULL, 'k-closed-transfer')"; }) ==
             "SD042");
  BOOST_TEST(outcome([&] { s << "SELECT balance_transfer(2, 1, 1000, NULL, 'k-closed-transfer-2')"; }) ==
             "SD042");
  BOOST_TEST(d.state() == before);
}

BOOST_AUTO_TEST_CASE(tariff_change_and_services_on_a_closed_account_are_refused) {
  Desk d;
  TariffChange tariffs(d.as("agent"));
  LineServices services(d.as("agent"));
  d.closeAccount2();
  const std::string before = d.state();
  // Line 2 itself is still open: it is its account that is closed.
  BOOST_TEST(d.number("SELECT count(*) FROM line WHERE id = 2 AND status <> 'closed'") == 1);
  for (auto when : {TariffChangeWhen::Now, TariffChangeWhen::NextPeriod}) {
    BOOST_TEST(outcome([&] { tariffs.request(2, 2, when); }) ==
               "SD042: This line or its account is closed: the tariff cannot be changed.");
  }
  BOOST_TEST(outcome([&] { services.connect(2, 1); }) ==
             "SD042: This line or its account is closed: no service can be connected.");
  BOOST_TEST(outcome([&] { d.as("agent") << "SELECT service_connect(2, 1)"; }) == "SD042");
  BOOST_TEST(outcome([&] { d.as("agent") << "SELECT tariff_change_request(2, 2, 'now')"; }) == "SD042");
  BOOST_TEST(d.state() == before);
  // The line of the open account changes as before.
  BOOST_TEST(outcome([&] { tariffs.request(1, 2, TariffChangeWhen::Now); }) == "ok");
  BOOST_TEST(outcome([&] { services.connect(1, 1); }) == "ok");
  BOOST_TEST(d.number("SELECT tariff_id FROM line WHERE id = 1") == 2);
  BOOST_TEST(d.number("SELECT count(*) FROM line_service WHERE line_id = 1") == 1);
}
