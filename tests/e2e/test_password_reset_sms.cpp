// A self-care password reset end to end: an agent verifies the caller and sends the code
// through the core (PasswordReset), the real subdesk-notifier delivers the outbox SMS
// through the real Kannel to the fake SMSC, and the code read off that SMS (as the
// subscriber would) verifies and sets the password exactly once through the functions the
// self-care site calls.
#define BOOST_TEST_MODULE password_reset_sms
#include <boost/test/unit_test.hpp>

#include <regex>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/security/password_hash.h"
#include "core/services/interactions.h"
#include "core/services/password_reset.h"
#include "core/util/error.h"
#include "notifier_fixture.h"

using namespace subdesk::test;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {
constexpr unsigned short kNoSmtp = 9;
constexpr const char* kLoginPassword = "E2e-reset-pass-2024";
constexpr const char* kNumber = "+380671234567";

struct ResetFixture : NotifierFixture {
  std::unique_ptr<soci::session> agent, site;
  ResetFixture() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES (1, 'CC1', 'Контакт-центр', 'Call centre', 'Київ', 'вул. Теплична, 3');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee) VALUES (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000);
      INSERT INTO customer(id, last_name, first_name, code_word_hash) VALUES (1, 'Коваленко', 'Олена', crypt('соняшник', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000017', 1, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (1, '+380671234567', 1, 1);
      INSERT INTO customer(id, last_name, first_name) VALUES (2, 'Шевчук', 'Андрій');
      INSERT INTO account(id, number, customer_id, kind) VALUES (2, '100000025', 2, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (2, '+380501112233', 2, 1);
    )");
    for (const std::string who : {"agent", "site"}) {
      *admin << "DROP ROLE IF EXISTS " + login(who);
      *admin << "CREATE ROLE " + login(who) + " LOGIN PASSWORD '" + kLoginPassword + "' IN ROLE " +
                    (who == "agent" ? "subdesk_agent" : "subdesk_selfcare");
    }
    *admin << "INSERT INTO staff(login, full_name, group_role, office_id) VALUES ('" + login("agent") +
                  "', 'Test', 'subdesk_agent', 1)";
    agent = subdesk::db::connect(db.conninfoAs(login("agent"), kLoginPassword));
    site = subdesk::db::connect(db.conninfoAs(login("site"), kLoginPassword));
  }
  ~ResetFixture() {
    agent.reset();
    site.reset();
    for (const std::string who : {"agent", "site"}) {
      try {
        *admin << "DROP ROLE IF EXISTS " + login(who);
      } catch (const std::exception& e) {
        BOOST_TEST_MESSAGE("could not drop role " << login(who) << ": " << e.what());
      }
    }
  }
  std::string login(const std::string& who) const { return db.name() + "_" + who; }

  // selfcare_verify_otp / selfcare_set_password as the site: "t", "f" or the SQLSTATE.
  std::string siteCall(const std::string& query, const std::string& code, const std::string& hash = {}) {
    try {
      std::string v;
      const std::string number = kNumber;
      if (hash.empty()) {
        *site << query, soci::use(number, "m"), soci::use(code, "c"), soci::into(v);
      } else {
        *site << query, soci::use(number, "m"), soci::use(code, "c"), soci::use(hash, "h"), soci::into(v);
      }
      return v;
    } catch (const soci::soci_error& e) {
      return subdesk::sqlState(e);
    }
  }
};
}  // namespace

BOOST_FIXTURE_TEST_CASE(a_reset_code_reaches_the_phone_once_and_works_once, ResetFixture) {
  Kannel kannel(dir.path());
  kannel.start();
  NotifierProcess notifier(dir.path(), "notifier", settings(kannel.sendsmsUrl(), kNoSmtp));

  // The agent: a call, the caller verified by the code word, the reset sent.
  subdesk::services::Interactions interactions(*agent);
  const auto call = interactions.open(subdesk::services::Channel::Call, kNumber, 1);
  BOOST_REQUIRE(interactions.verify(call, subdesk::services::VerifyMethod::CodeWord, "Соняшник"));
  subdesk::services::PasswordReset reset(*agent);
  const auto sent = reset.send(std::int64_t{1});
  BOOST_TEST((sent.validUntil - sent.sentAt == std::chrono::minutes(5)));
  const auto status = reset.status(1);
  BOOST_TEST(status.pending);
  BOOST_TEST(status.codesLastHour == 1);

  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return !kannel.received().empty(); }, 20s), tail(notifier.log()));
  BOOST_REQUIRE(waitUntil([&] { return count("SELECT count(*) FROM outbox WHERE status = 'sent'") == 1; }, 10s));
  // Nothing else arrives: exactly one SMS, to the line's number.
  std::this_thread::sleep_for(1s);
  BOOST_TEST(notifier.stop() == 0, tail(notifier.log()));
  const auto got = kannel.received();
  BOOST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0].to == kNumber);
  std::smatch m;
  BOOST_REQUIRE_MESSAGE(std::regex_search(got[0].text, m, std::regex("\\b([0-9]{6})\\b")), got[0].text);
  const std::string code = m[1];
  // The stored text no longer holds the code once sent.
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE body LIKE '%" + code + "%' OR secret IS NOT NULL") == 0);

  // The subscriber on the self-care site: a wrong code is counted, the right one verifies
  // (and stays pending), setting the password uses it up, and it never works again.
  const std::string wrong = code == "000000" ? "000001" : "000000";
  BOOST_TEST(siteCall("SELECT selfcare_verify_otp(:m, :c)::text", wrong) == "false");
  BOOST_TEST(siteCall("SELECT selfcare_verify_otp(:m, :c)::text", code) == "true");
  const std::string hash = subdesk::security::PasswordHash::hash("New-selfcare-pw-1");
  BOOST_TEST(siteCall("SELECT selfcare_set_password(:m, :c, :h)::text", code, hash) == "true");
  BOOST_TEST(siteCall("SELECT selfcare_verify_otp(:m, :c)::text", code) == "SD021");
  BOOST_TEST(siteCall("SELECT selfcare_set_password(:m, :c, :h)::text", code,
                      subdesk::security::PasswordHash::hash("Other-selfcare-pw-2")) == "SD021");
  std::string stored;
  const std::string number = kNumber;
  *site << "SELECT selfcare_check_password(:m)", soci::use(number), soci::into(stored);
  BOOST_TEST(stored == hash);
  BOOST_TEST(subdesk::security::PasswordHash::verify("New-selfcare-pw-1", stored));
  // The other subscriber got nothing.
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE recipient = '+380501112233'") == 0);
}
