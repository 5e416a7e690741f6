// Self-care passwords through the functions the self-care site calls: the site's core
// hashes with scrypt, the database keeps the hash, the site's core verifies it.
#define BOOST_TEST_MODULE selfcare_password
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/security/password_hash.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::security::PasswordHash;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

constexpr const char* kNumber = "+380671234567";

struct Site {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::unique_ptr<soci::session> agent;
  std::unique_ptr<soci::session> site;

  Site() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES (1, 'CC1', 'Контакт-центр', 'Call centre', 'Київ', 'вул. Теплична, 3');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee) VALUES (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000);
      INSERT INTO customer(id, last_name, first_name, code_word_hash) VALUES (1, 'Коваленко', 'Олена', crypt('соняшник', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000017', 1, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (1, '+380671234567', 1, 1);
    )");
    db.addStaff("agent", "agent", 1);
    db.addLogin("site", "subdesk_selfcare");
    agent = db.connectAs("agent");
    site = db.connectAs("site");
  }
  std::string login(const std::string& who) const { return db.login(who); }
  // The agent resets the password within a verified call; returns the code the SMS carries.
  std::string sendCode() {
    long long call = 0;
    int ok = 0;
    *agent << "SELECT interaction_open('call', NULL, 1)", soci::into(call);
    *agent << "SELECT interaction_verify(" + std::to_string(call) + ", 'code_word', 'соняшник')::int",
        soci::into(ok);
    BOOST_TEST_REQUIRE(ok == 1);
    *agent << "SELECT sent_at FROM password_reset_send(1)";
    std::string code;
    *admin << "SELECT secret FROM outbox ORDER BY id DESC LIMIT 1", soci::into(code);
    return code;
  }
  // "t"/"f", the stored hash, "NULL", or the SQLSTATE.
  static std::string call(soci::session& s, const std::string& query, const std::string& a,
                          const std::string& b = {}, const std::string& c = {}) {
    try {
      std::string v;
      soci::indicator ind = soci::i_null;
      if (c.size() || query.find(":c") != std::string::npos) {
        s << query, soci::use(a, "a"), soci::use(b, "b"), soci::use(c, "c"), soci::into(v, ind);
      } else if (query.find(":b") != std::string::npos) {
        s << query, soci::use(a, "a"), soci::use(b, "b"), soci::into(v, ind);
      } else {
        s << query, soci::use(a, "a"), soci::into(v, ind);
      }
      return ind == soci::i_ok ? v : "NULL";
    } catch (const soci::soci_error& e) {
      return subdesk::sqlState(e);
    }
  }
  std::string setPassword(const std::string& code, const std::string& hash,
                          const std::string& msisdn = kNumber) {
    return call(*site, "SELECT selfcare_set_password(:a, :b, :c)::text", msisdn, code, hash);
  }
  std::string storedHash(const std::string& msisdn = kNumber) {
    return call(*site, "SELECT selfcare_check_password(:a)", msisdn);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(selfcare_password, Site)

BOOST_AUTO_TEST_CASE(set_and_check_with_real_scrypt_hashes) {
  BOOST_TEST(storedHash() == "NULL");
  const std::string code = sendCode();
  BOOST_TEST(call(*site, "SELECT selfcare_verify_otp(:a, :b)::text", kNumber, code) == "true");
  const std::string hash = PasswordHash::hash("Весна-у-Києві-2024");
  BOOST_TEST(setPassword(code, hash) == "true");
  // Login: the site gets the stored hash and its core verifies the password.
  const std::string stored = storedHash();
  BOOST_TEST(stored == hash);
  BOOST_TEST(PasswordHash::verify("Весна-у-Києві-2024", stored));
  BOOST_TEST(!PasswordHash::verify("весна-у-києві-2024", stored));
  // The change is audited in the site's name, the hash masked.
  std::string changes;
  *admin << "SELECT changes::text FROM audit_log WHERE table_name = 'selfcare_credential' AND who = '" +
                login("site") + "' ORDER BY id DESC LIMIT 1",
      soci::into(changes);
  BOOST_TEST(changes.find("\"password_hash\": {\"new\": \"***\"") != std::string::npos, changes);
  BOOST_TEST(changes.find("$scrypt$") == std::string::npos, changes);

  // A second reset replaces the password; the old one no longer verifies.
  const std::string next = sendCode();
  BOOST_TEST(setPassword(next, PasswordHash::hash("Літо-в-Одесі-2025")) == "true");
  BOOST_TEST(!PasswordHash::verify("Весна-у-Києві-2024", storedHash()));
  BOOST_TEST(PasswordHash::verify("Літо-в-Одесі-2025", storedHash()));
}

BOOST_AUTO_TEST_CASE(only_a_strong_scrypt_hash_is_stored) {
  const std::string code = sendCode();
  // Weaker than ln=15, r=8; not scrypt at all; a password in clear.
  const std::string weak = PasswordHash::hash("x1").replace(0, 13, "$scrypt$ln=14");
  BOOST_TEST(setPassword(code, weak) == "22023");
  BOOST_TEST(setPassword(code, "$scrypt$ln=15,r=4,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + std::string(43, 'A')) ==
             "22023");
  BOOST_TEST(setPassword(code, "$2b$08$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234") == "22023");
  BOOST_TEST(setPassword(code, "Весна-у-Києві-2024") == "22023");
  // None of that used up the code or a try.
  BOOST_TEST(setPassword(code, PasswordHash::hash("Весна-у-Києві-2024")) == "true");
}

BOOST_AUTO_TEST_CASE(wrong_code_unknown_number_and_closed_line) {
  const std::string code = sendCode();
  const std::string hash = PasswordHash::hash("Весна-у-Києві-2024");
  const std::string wrong = code == "999999" ? "999998" : "999999";
  BOOST_TEST(setPassword(wrong, hash) == "false");
  BOOST_TEST(storedHash() == "NULL");
  // A number with no line, or with no code pending, says nothing more than "no code".
  BOOST_TEST(setPassword(code, hash, "+380501112233") == "SD021");
  BOOST_TEST(call(*site, "SELECT selfcare_verify_otp(:a, :b)::text", "+380501112233", code) == "SD021");
  BOOST_TEST(storedHash("+380501112233") == "NULL");
  BOOST_TEST(setPassword(code, hash) == "true");
  // A closed line has no self-care login any more.
  *admin << "UPDATE line SET status = 'closed', closed_at = now() WHERE id = 1";
  BOOST_TEST(storedHash() == "NULL");
}

BOOST_AUTO_TEST_CASE(the_site_may_call_its_functions_and_nothing_else) {
  BOOST_TEST(call(*site, "SELECT count(*)::text FROM selfcare_credential WHERE line_id <> :a::bigint", "0") ==
             "42501");
  BOOST_TEST(call(*site, "SELECT msisdn FROM line WHERE msisdn = :a", kNumber) == "42501");
  BOOST_TEST(call(*site, "SELECT sent_at::text FROM password_reset_send(:a::bigint)", "1") == "42501");
  BOOST_TEST(call(*site, "SELECT body FROM outbox WHERE recipient = :a", kNumber) == "42501");
  // ... and the desk may not call the site's functions.
  BOOST_TEST(call(*agent, "SELECT selfcare_check_password(:a)", kNumber) == "42501");
  BOOST_TEST(call(*agent, "SELECT selfcare_verify_otp(:a, :b)::text", kNumber, "123456") == "42501");
}

BOOST_AUTO_TEST_SUITE_END()
