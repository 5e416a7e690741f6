// Home internet in the database: bonus transfers (verification, limits, idempotency, two
// desks sending the same key at once) and the office password reissue.
#define BOOST_TEST_MODULE home_bonus_password
#include <boost/test/unit_test.hpp>

#include <barrier>
#include <thread>

#include "core/security/home_password.h"
#include "core/services/home_bonus_transfer.h"
#include "core/services/home_password_reissue.h"
#include "core/util/error.h"
#include "home_fixture.h"

using subdesk::UserError;
using subdesk::security::HomePassword;
using subdesk::services::HomeBonusTransfer;
using subdesk::services::HomePasswordReissue;
using subdesk::services::PasswordDelivery;
using subdesk::test::HomeFixture;
using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {
template <class F>
std::string refusal(F&& f) {
  try {
    f();
    return "";
  } catch (const UserError& e) {
    BOOST_TEST_MESSAGE(e.code() << ": " << e.what());
    return e.code();
  }
}

struct BonusFixture : HomeFixture {
  subdesk::services::SignedContract contract = signForOlena();
  std::string home = std::to_string(contract.accountId);
  BonusFixture() {
    *admin << "INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key) VALUES (" + home +
                  ", 'bonus', 200000, 'bonus_accrual', 'accrual-1')";
  }
  std::string balances() {
    return text("SELECT string_agg(id || ':' || bonus_balance, ' ' ORDER BY id) FROM account WHERE id IN (1, 2, " +
                home + ")");
  }
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(home_bonus, BonusFixture)

BOOST_AUTO_TEST_CASE(transfer_needs_a_verified_interaction_and_moves_both_sides) {
  HomeBonusTransfer t(as("agent1"));
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "067 123 45 67", 10000, "k1"); }) == "SD001");
  visit(as("agent1"));
  const auto id = t.transfer(contract.accountId, "067 123 45 67", 10000, "k1");
  BOOST_TEST(id > 0);
  BOOST_TEST(balances() == "1:10000 2:0 " + home + ":190000");
  BOOST_TEST(number("SELECT count(*) FROM ledger WHERE kind = 'bonus_transfer' AND wallet = 'bonus'") == 2);
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE table_name = 'bonus_transfer' AND interaction_id IS NOT NULL") ==
             1);
  // Not to another customer's line.
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "+380501112233", 100, "k2"); }) == "SD038");
  BOOST_TEST(balances() == "1:10000 2:0 " + home + ":190000");
}

BOOST_AUTO_TEST_CASE(a_retry_with_the_same_key_never_transfers_twice) {
  HomeBonusTransfer t(as("agent1"));
  visit(as("agent1"));
  const auto first = t.transfer(contract.accountId, "0671234567", 5000, "retry-key");
  BOOST_TEST(t.transfer(contract.accountId, "+380671234567", 5000, "retry-key") == first);
  BOOST_TEST(balances() == "1:5000 2:0 " + home + ":195000");
  // The same key for another transfer is a mistake, not a transfer.
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "0671234567", 6000, "retry-key"); }) == "SD007");
  BOOST_TEST(balances() == "1:5000 2:0 " + home + ":195000");
}

BOOST_AUTO_TEST_CASE(per_transfer_and_per_month_limits) {
  HomeBonusTransfer t(as("agent1"));
  visit(as("agent1"));
  const auto l = t.limits(contract.accountId);
  BOOST_TEST(l.perTransfer == 50000);
  BOOST_TEST(l.perMonth == 100000);
  BOOST_TEST(l.available == 200000);
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "0671234567", 50001, "a"); }) == "SD037");
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "0671234567", 50000, "b"); }) == "");
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "0671234567", 40000, "c"); }) == "");
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "0671234567", 10001, "d"); }) == "SD037");  // 100,010 > 100,000
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "0671234567", 10000, "e"); }) == "");
  BOOST_TEST(t.limits(contract.accountId).transferredThisMonth == 100000);
  // A new month starts from zero (Kyiv calendar).
  clock("2024-06-01 00:00:01+03");
  visit(as("agent1"));
  BOOST_TEST(t.limits(contract.accountId).transferredThisMonth == 0);
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "0671234567", 50000, "f"); }) == "");
  // More than the account has.
  *admin << "UPDATE home_settings SET bonus_transfer_max = 500000, bonus_transfer_month_max = 1000000";
  BOOST_TEST(refusal([&] { t.transfer(contract.accountId, "0671234567", 100001, "g"); }) == "SD036");
  BOOST_TEST(balances() == "1:150000 2:0 " + home + ":50000");
}

BOOST_AUTO_TEST_CASE(two_desks_sending_the_same_key_at_once_transfer_once) {
  // Two connections of the same agent (a desk retrying while its first call still runs).
  auto second = db.connectAs("agent1");
  *second << "SET subdesk.test_now = '" + std::string(kNow) + "'";
  visit(as("agent1"));
  std::barrier sync(2);
  long long ids[2] = {0, 0};
  std::string errors[2];
  auto run = [&](int i, soci::session& s) {
    try {
      HomeBonusTransfer t(s);
      sync.arrive_and_wait();
      ids[i] = t.transfer(contract.accountId, "0671234567", 7000, "same-key");
    } catch (const std::exception& e) {
      errors[i] = e.what();
    }
  };
  for (int round = 0; round < 5; ++round) {
    const std::string key = "same-key";
    std::thread a(run, 0, std::ref(as("agent1")));
    std::thread b(run, 1, std::ref(*second));
    a.join();
    b.join();
    BOOST_TEST(errors[0] == "");
    BOOST_TEST(errors[1] == "");
    BOOST_TEST(ids[0] == ids[1]);
  }
  BOOST_TEST(number("SELECT count(*) FROM bonus_transfer") == 1);
  BOOST_TEST(number("SELECT count(*) FROM ledger WHERE kind = 'bonus_transfer'") == 2);
  BOOST_TEST(balances() == "1:7000 2:0 " + home + ":193000");
}

BOOST_AUTO_TEST_CASE(password_reissue_replaces_the_radius_hash) {
  const std::string login = contract.sheet.login;
  const std::string hashQuery = "SELECT value FROM radcheck WHERE attribute = 'Crypt-Password' AND username = '" + login + "'";
  const std::string oldHash = text(hashQuery);
  HomePasswordReissue reissue(as("sales1"));
  BOOST_TEST(refusal([&] { reissue.reissue(contract.homeInternetId, PasswordDelivery::Print); }) == "SD001");
  BOOST_TEST(text(hashQuery) == oldHash);
  visit(as("sales1"));
  const auto printed = reissue.reissue(contract.homeInternetId, PasswordDelivery::Print);
  BOOST_TEST(printed.login == login);
  BOOST_TEST(printed.outboxId == 0);
  const std::string newHash = text(hashQuery);
  BOOST_TEST(HomePassword::verify(printed.password, newHash));
  BOOST_TEST(!HomePassword::verify(contract.password, newHash));
  BOOST_TEST(number("SELECT count(*) FROM radcheck WHERE username = '" + login + "'") == 2);

  const auto sms = reissue.reissue(contract.homeInternetId, PasswordDelivery::Sms);
  BOOST_TEST(sms.password.empty());  // the desk never sees a password it sends
  BOOST_TEST(sms.recipient == "+380671234567");
  const std::string secret = text("SELECT secret FROM outbox WHERE id = " + std::to_string(sms.outboxId));
  BOOST_TEST(HomePassword::verify(secret, text(hashQuery)));
  BOOST_TEST(text("SELECT channel || ' ' || recipient FROM outbox WHERE id = " + std::to_string(sms.outboxId)) ==
             "sms +380671234567");
  const auto mail = reissue.reissue(contract.homeInternetId, PasswordDelivery::Email);
  BOOST_TEST(mail.recipient == "olena@example.net");
  BOOST_TEST(number("SELECT count(*) FROM radcheck WHERE strpos(value, '" +
                    text("SELECT secret FROM outbox WHERE id = " + std::to_string(mail.outboxId)) + "') > 0") == 0);
  *admin << "UPDATE customer SET email = NULL WHERE id = 1";
  BOOST_TEST(refusal([&] { reissue.reissue(contract.homeInternetId, PasswordDelivery::Email); }) == "SD039");
  // Agents on the phone do not reissue passwords.
  visit(as("agent1"));
  BOOST_TEST(refusal([&] { HomePasswordReissue(as("agent1")).reissue(contract.homeInternetId, PasswordDelivery::Sms); }) ==
             "42501");
}

BOOST_AUTO_TEST_SUITE_END()
