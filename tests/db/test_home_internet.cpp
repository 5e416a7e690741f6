// Home internet in the database: signing (one transaction, RADIUS rows with a hash and
// never the password, duplicates, logins), vacation suspension and its day limit, turbo
// through the ledger, and what radius_usergroup/radius_reply show as the clock moves.
#define BOOST_TEST_MODULE home_internet
#include <boost/test/unit_test.hpp>

#include "core/security/home_password.h"
#include "core/services/home_contract_signing.h"
#include "core/services/home_suspension.h"
#include "core/services/home_turbo.h"
#include "core/util/error.h"
#include "home_fixture.h"

using subdesk::UserError;
using subdesk::security::HomePassword;
using subdesk::services::ContractRequest;
using subdesk::services::HomeContractSigning;
using subdesk::services::HomeSuspension;
using subdesk::services::HomeTurbo;
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
}  // namespace

BOOST_FIXTURE_TEST_SUITE(home_internet, HomeFixture)

BOOST_AUTO_TEST_CASE(signing_a_new_customer_provisions_radius_with_a_hash_only) {
  ContractRequest q;
  q.person = {"Бондар", "Іван", "Олегович", "1990-10-11", "id_card", "001234567", "067 765 43 21", "ivan@example.net"};
  q.address = "м. Київ, вул. Січових Стрільців, 5";
  q.tariffCode = "home100";
  q.familyMsisdn = "0671234567";
  const auto r = HomeContractSigning(as("sales1")).sign(q);

  BOOST_TEST(r.password.size() == HomePassword::kLength);
  BOOST_TEST(r.password.find_first_not_of(HomePassword::kAlphabet) == std::string::npos);
  BOOST_TEST(r.sheet.contractNumber == "HI-2024-000001");
  BOOST_TEST(r.sheet.login == r.sheet.accountNumber);  // the login is the personal account by default
  BOOST_TEST(r.sheet.customerName == "Бондар Іван Олегович");
  BOOST_TEST(r.sheet.speedMbps == 100);
  BOOST_TEST(r.sheet.officeNameUk == "Київ, Хрещатик");
  BOOST_TEST(number("SELECT count(*) FROM account WHERE number = '" + r.sheet.accountNumber +
                    "' AND kind = 'home' AND office_id = 1 AND account_number_valid(number)") == 1);
  BOOST_TEST(text("SELECT doc_number || ' ' || contact_phone FROM customer WHERE last_name = 'Бондар'") ==
             "001234567 +380677654321");
  // The family link: Olena's mobile account and the new home account share a family.
  BOOST_TEST(number("SELECT count(DISTINCT family_group_id) FROM account WHERE id IN (1, " +
                    std::to_string(r.accountId) + ") AND family_group_id IS NOT NULL") == 1);

  const std::string login = r.sheet.login;
  const std::string hash = text("SELECT value FROM radcheck WHERE username = '" + login +
                                "' AND attribute = 'Crypt-Password' AND op = ':='");
  BOOST_TEST(hash.rfind("$y$", 0) == 0, hash);
  BOOST_TEST(HomePassword::verify(r.password, hash));
  BOOST_TEST(!HomePassword::verify(r.password + "x", hash));
  BOOST_TEST(text("SELECT value FROM radcheck WHERE username = '" + login + "' AND attribute = 'Simultaneous-Use'") ==
             "1");
  BOOST_TEST(text("SELECT value FROM radreply WHERE username = '" + login +
                  "' AND attribute = 'Mikrotik-Rate-Limit'") == "100M/100M");
  BOOST_TEST(text("SELECT string_agg(groupname, ',' ORDER BY priority) FROM radius_usergroup WHERE username = '" +
                  login + "'") == "home_active,home");
}

BOOST_AUTO_TEST_CASE(no_radcheck_row_holds_a_cleartext_password) {
  const auto a = signForOlena();
  const auto b = signForOlena("olena.home");
  BOOST_TEST(b.sheet.login == "olena.home");
  // A scan of every RADIUS row and of everything audited: the passwords appear nowhere.
  for (const auto& password : {a.password, b.password}) {
    BOOST_TEST(number("SELECT count(*) FROM radcheck WHERE strpos(value, '" + password + "') > 0") == 0);
    BOOST_TEST(number("SELECT count(*) FROM radreply WHERE strpos(value, '" + password + "') > 0") == 0);
    BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE strpos(changes::text, '" + password + "') > 0") == 0);
    BOOST_TEST(number("SELECT count(*) FROM outbox") == 0);
  }
  BOOST_TEST(number("SELECT count(*) FROM radcheck WHERE attribute ILIKE '%password%' "
                    "AND NOT (attribute = 'Crypt-Password' AND value ~ '^\\$y\\$')") == 0);
  BOOST_TEST(number("SELECT count(*) FROM radcheck WHERE attribute = 'Crypt-Password'") == 2);
  // And the database refuses one, whoever writes it.
  std::string state;
  try {
    *admin << "INSERT INTO radcheck(username, attribute, op, value) VALUES ('x', 'Cleartext-Password', ':=', 'secret')";
  } catch (const soci::soci_error& e) {
    state = subdesk::sqlState(e);
  }
  BOOST_TEST(state == "23514");
}

BOOST_AUTO_TEST_CASE(duplicates_are_found_and_must_be_confirmed) {
  HomeContractSigning signing(as("sales1"));
  ContractRequest q;
  q.person = {"коваленко", "олена", "Петрівна", "1980-02-03", "passport", "ЗЗ999999", "", ""};
  q.address = "м. Київ, вул. Басейна, 1";
  q.tariffCode = "home100";
  const auto dups = signing.duplicates(q.person);
  BOOST_TEST_REQUIRE(dups.size() == 1u);
  BOOST_TEST(dups[0].customerId == 1);
  BOOST_TEST(dups[0].match == "name_birth_date");
  auto byDoc = q.person;
  byDoc.lastName = "Інша";
  byDoc.docNumber = "кв 123456";
  BOOST_TEST_REQUIRE(signing.duplicates(byDoc).size() == 1u);
  BOOST_TEST(signing.duplicates(byDoc)[0].match == "document");

  BOOST_TEST(refusal([&] { signing.sign(q); }) == "SD030");
  BOOST_TEST(number("SELECT count(*) FROM customer") == 2);
  q.duplicateConfirmed = true;
  BOOST_TEST(refusal([&] { signing.sign(q); }) == "");
  BOOST_TEST(number("SELECT count(*) FROM customer") == 3);
  // Agents do not sign contracts.
  BOOST_TEST(refusal([&] { HomeContractSigning(as("agent1")).sign(q); }) == "42501");
}

BOOST_AUTO_TEST_CASE(a_chosen_login_is_unique_and_valid) {
  signForOlena("olena");
  const long long before = number("SELECT count(*) FROM account");
  BOOST_TEST(refusal([&] { signForOlena("olena"); }) == "SD031");
  BOOST_TEST(refusal([&] { signForOlena("Olena Home!"); }) == "22023");
  BOOST_TEST(number("SELECT count(*) FROM account") == before);  // nothing half-made
  BOOST_TEST(number("SELECT count(*) FROM contract") == 1);
}

BOOST_AUTO_TEST_CASE(suspension_dates_and_the_days_per_year) {
  const auto c = signForOlena();
  HomeSuspension s(as("agent1"));
  const auto id = c.homeInternetId;
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-05-13", "2024-05-20"); }) == "SD032");  // in the past
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-05-20", "2024-05-19"); }) == "SD032");  // ends before it starts
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-05-14", "2024-08-12"); }) == "SD033");  // 91 days
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-06-01", "2024-07-30"); }) == "");       // 60 days
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-09-01", "2024-09-02"); }) == "SD032");  // one at a time
  BOOST_TEST(s.allowance(id).usedThisYear == 60);
  BOOST_TEST(s.allowance(id).daysPerYear == 90);

  const std::string group = "SELECT groupname FROM radius_usergroup WHERE priority = 0 AND username = '" +
                            c.sheet.login + "'";
  BOOST_TEST(text(group) == "home_active");
  clock("2024-06-01 00:00:00+03");
  BOOST_TEST(text(group) == "home_suspended");  // started by itself
  clock("2024-07-30 23:59:59+03");
  BOOST_TEST(text(group) == "home_suspended");
  clock("2024-07-31 00:00:00+03");
  BOOST_TEST(text(group) == "home_active");  // and ended by itself

  // Back to June 10: resume early; 10 days were used, so 80 are left this year.
  clock("2024-06-10 12:00:00+03");
  BOOST_TEST(text(group) == "home_suspended");
  BOOST_TEST(s.resume(id).value_or("") == "2024-06-10");
  BOOST_TEST(text(group) == "home_active");
  BOOST_TEST(s.allowance(id).usedThisYear == 10);
  BOOST_TEST(refusal([&] { s.resume(id); }) == "SD034");
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-07-01", "2024-09-19"); }) == "SD033");  // 81 days
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-07-01", "2024-09-18"); }) == "");       // 80 days
  BOOST_TEST(s.allowance(id).usedThisYear == 90);
  // A planned suspension cancelled before it starts counts nothing.
  BOOST_TEST(!s.resume(id).has_value());
  BOOST_TEST(s.allowance(id).usedThisYear == 10);
  // The limit is the administrator's setting.
  *admin << "UPDATE home_settings SET suspension_days_per_year = 12";
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-07-01", "2024-07-03"); }) == "SD033");
  BOOST_TEST(refusal([&] { s.suspend(id, "2024-07-01", "2024-07-02"); }) == "");
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE table_name = 'home_suspension'") >= 3);
}

BOOST_AUTO_TEST_CASE(turbo_is_charged_once_and_ends_by_itself) {
  const auto c = signForOlena();
  *admin << "INSERT INTO ledger(account_id, amount, kind, idempotency_key) VALUES (" + std::to_string(c.accountId) +
                ", 4000, 'payment', 'pay-1')";
  HomeTurbo turbo(as("agent1"));
  const std::string rate = "SELECT value FROM radius_reply WHERE attribute = 'Mikrotik-Rate-Limit' AND username = '" +
                           c.sheet.login + "'";
  BOOST_TEST(text(rate) == "100M/100M");
  const auto t = turbo.buy(c.homeInternetId, 3, "key-1");
  BOOST_TEST(t.until == "2024-05-14T17:02:00+03:00");
  BOOST_TEST(t.secondsLeft == 3 * 3600);
  BOOST_TEST(text(rate) == "200M/200M");
  // A retry with the same key charges nothing more and changes nothing.
  BOOST_TEST(turbo.buy(c.homeInternetId, 3, "key-1").until == t.until);
  BOOST_TEST(number("SELECT balance FROM account WHERE id = " + std::to_string(c.accountId)) == 4000 - 1200);
  BOOST_TEST(number("SELECT count(*) FROM ledger WHERE kind = 'turbo'") == 1);
  // Not enough money for 24 hours (3000 > 2800).
  BOOST_TEST(refusal([&] { turbo.buy(c.homeInternetId, 24, "key-2"); }) == "SD036");
  BOOST_TEST(refusal([&] { turbo.buy(c.homeInternetId, 2, "key-3"); }) == "22023");
  clock("2024-05-14 17:01:59+03");
  BOOST_TEST(text(rate) == "200M/200M");
  clock("2024-05-14 17:02:00+03");
  BOOST_TEST(text(rate) == "100M/100M");
  BOOST_TEST(turbo.current(c.homeInternetId).secondsLeft == 0);
}

BOOST_AUTO_TEST_SUITE_END()
