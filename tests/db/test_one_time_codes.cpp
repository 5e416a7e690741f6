// One-time codes, rule by rule, with the clock moved by the test (subdesk.test_now)
// instead of sleeping: 5 minutes of validity, single use, 3 tries, a new code replaces
// the old one, 3 codes per line per hour, verification required, the SMS in the outbox.
#define BOOST_TEST_MODULE one_time_codes
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/password_reset.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::UserError;
using subdesk::services::PasswordReset;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

constexpr const char* kNumber = "+380671234567";

struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;
  const std::map<std::string, std::string> roles{
      {"agent", "subdesk_agent"}, {"sales", "subdesk_sales"}, {"site", "subdesk_selfcare"}};

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      ALTER DATABASE )" + db.name() + R"( SET subdesk.allow_test_clock = on;
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES (1, 'CC1', 'Контакт-центр', 'Call centre', 'Київ', 'вул. Теплична, 3');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee) VALUES (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000);
      INSERT INTO customer(id, last_name, first_name, language, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', 'uk', crypt('соняшник', gen_salt('bf', 4))),
        (2, 'Smith', 'John', 'en', crypt('sunflower', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000017', 1, 'mobile'), (2, '100000025', 2, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (1, '+380671234567', 1, 1), (2, '+380931234567', 2, 1);
    )");
    for (const auto& [who, role] : roles) {
      if (who == "site") {
        db.addLogin(who, role);
      } else {
        db.addStaff(who, role.substr(std::string("subdesk_").size()), 1);
      }
    }
  }
  std::string login(const std::string& who) const { return db.login(who); }
  soci::session& as(const std::string& who) {
    auto& s = sessions[who];
    if (!s) s = db.connectAs(who);
    return *s;
  }
  // Every session of the test on the same clock.
  void at(const std::string& time) {
    for (const auto& [who, role] : roles) as(who) << "SET subdesk.test_now = '2024-05-14 " + time + "+03'";
  }
  // The agent's verified call with this customer.
  long long verifiedCall(long long customer = 1) {
    long long id = 0;
    int ok = 0;
    as("agent") << "SELECT interaction_open('call', NULL, " + std::to_string(customer) + ")", soci::into(id);
    as("agent") << "SELECT interaction_verify(" + std::to_string(id) + ", 'code_word', '" +
                       (customer == 1 ? "соняшник" : "sunflower") + "')::int",
        soci::into(ok);
    BOOST_TEST_REQUIRE(ok == 1);
    return id;
  }
  std::string text(const std::string& query) {
    std::string v;
    soci::indicator ind = soci::i_null;
    *admin << query, soci::into(v, ind);
    return ind == soci::i_ok ? v : "";
  }
  long long number(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
  // What the SMS carried (only the test, as superuser, can read it).
  std::string lastCode() { return text("SELECT secret FROM outbox ORDER BY id DESC LIMIT 1"); }
  // "t", "f" or the SQLSTATE of selfcare_verify_otp as the self-care site calls it.
  std::string siteVerify(const std::string& code, const std::string& msisdn = kNumber) {
    return outcome(as("site"), "SELECT selfcare_verify_otp('" + msisdn + "', '" + code + "')::text");
  }
  static std::string outcome(soci::session& s, const std::string& query) {
    try {
      std::string v;
      s << query, soci::into(v);
      return v;
    } catch (const soci::soci_error& e) {
      return subdesk::sqlState(e);
    }
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(one_time_codes, Desk)

BOOST_AUTO_TEST_CASE(refused_without_a_verified_caller) {
  at("14:00:00");
  BOOST_TEST(outcome(as("agent"), "SELECT sent_at::text FROM password_reset_send(1)") == "SD001");
  try {
    PasswordReset(as("agent")).send(1);
    BOOST_ERROR("sent without verification");
  } catch (const UserError& e) {
    BOOST_TEST(e.code() == "SD001");
  }
  BOOST_TEST(number("SELECT count(*) FROM outbox") == 0);
  BOOST_TEST(number("SELECT count(*) FROM selfcare_credential") == 0);
}

BOOST_AUTO_TEST_CASE(agent_sends_a_code_the_desk_never_sees) {
  at("14:02:00");
  const long long call = verifiedCall();
  PasswordReset reset(as("agent"));
  const auto sent = reset.send(1);
  BOOST_TEST(sent.describe() == "Sent at 14:02, valid until 14:07.");
  BOOST_TEST((sent.validUntil - sent.sentAt).count() == 300);
  BOOST_TEST(sent.resendAllowedAtLocal == "14:02");
  // The outbox row: an SMS to the line's number, in the customer's language, with the
  // code in the text and in `secret` for the notifier to scrub.
  const std::string code = lastCode();
  BOOST_TEST(code.size() == 6u);
  BOOST_TEST(text("SELECT channel || ' ' || recipient || ' ' || status || ' ' || customer_id || ' ' || "
                  "interaction_id "
                  "FROM outbox") == "sms +380671234567 queued 1 " + std::to_string(call));
  const std::string body = text("SELECT body FROM outbox");
  BOOST_TEST(body.find(code) != std::string::npos, body);
  BOOST_TEST(body.find("5 хвилин") != std::string::npos, body);
  // Only a bcrypt hash is stored, the one interaction_verify checks with crypt().
  BOOST_TEST(number("SELECT count(*) FROM selfcare_credential WHERE otp_hash <> '" + code +
                    "' AND otp_hash LIKE '$2%' "
                    "AND crypt('" +
                    code + "', otp_hash) = otp_hash AND otp_purpose = 'password_reset'") == 1);
  // The desk cannot read the code: not in the outbox, not in the credentials.
  BOOST_TEST(outcome(as("agent"), "SELECT secret FROM outbox") == "42501");
  BOOST_TEST(outcome(as("agent"), "SELECT body FROM outbox") == "42501");
  BOOST_TEST(outcome(as("agent"), "SELECT otp_hash FROM selfcare_credential") == "42501");
  // Audited, under the call.
  BOOST_TEST(number("SELECT count(*) FROM audit_log WHERE table_name = 'selfcare_credential' AND who = '" +
                    login("agent") + "' AND interaction_id = " + std::to_string(call)) == 1);
  // The status the desk shows beside the button.
  at("14:03:00");
  const auto st = reset.status(1);
  BOOST_TEST(st.everSent);
  BOOST_TEST(st.pending);
  BOOST_TEST(st.triesLeft == 3);
  BOOST_TEST(st.codesLastHour == 1);
  BOOST_TEST(st.resendAllowedNow);
  BOOST_TEST(st.times.describe() == "Sent at 14:02, valid until 14:07.");
  BOOST_TEST(!reset.status(2).everSent);
  // Sales staff may send codes too; an English-speaking customer gets English.
  long long salesCall = 0;
  int ok = 0;
  as("sales") << "SELECT interaction_open('visit', NULL, 2)", soci::into(salesCall);
  as("sales") << "SELECT interaction_verify(" + std::to_string(salesCall) +
                     ", 'code_word', 'sunflower')::int",
      soci::into(ok);
  PasswordReset(as("sales")).send(2);
  BOOST_TEST(text("SELECT body FROM outbox ORDER BY id DESC LIMIT 1").find("Valid for 5 minutes") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_code_expires_at_exactly_five_minutes) {
  at("10:00:00");
  verifiedCall();
  PasswordReset(as("agent")).send(1);
  const std::string code = lastCode();
  at("10:04:59");
  BOOST_TEST(siteVerify(code) == "true");
  at("10:05:00");
  BOOST_TEST(siteVerify(code) == "SD021");
  BOOST_TEST(!PasswordReset(as("agent")).status(1).pending);

  // The same for a caller-verification code read back to the agent.
  at("10:10:00");
  const std::string call = std::to_string(verifiedCall());
  as("agent") << "SELECT sent_at FROM verification_code_send(" + call + ", 1)";
  const std::string vcode = lastCode();
  BOOST_TEST(text("SELECT body FROM outbox ORDER BY id DESC LIMIT 1").find("підтвердження особи") !=
             std::string::npos);
  at("10:15:00");
  BOOST_TEST(outcome(as("agent"), "SELECT interaction_verify(" + call + ", 'otp', '" + vcode + "')::text") ==
             "SD006");
  at("10:14:59");
  BOOST_TEST(outcome(as("agent"), "SELECT interaction_verify(" + call + ", 'otp', '" + vcode + "')::text") ==
             "true");
}

BOOST_AUTO_TEST_CASE(a_code_is_used_once) {
  at("11:00:00");
  verifiedCall();
  PasswordReset(as("agent")).send(1);
  const std::string code = lastCode();
  const std::string hash = "$scrypt$ln=15,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + std::string(43, 'A');
  const std::string set =
      "SELECT selfcare_set_password('+380671234567', '" + code + "', '" + hash + "')::text";
  BOOST_TEST(outcome(as("site"), set) == "true");
  BOOST_TEST(outcome(as("site"), set) == "SD021");
  BOOST_TEST(siteVerify(code) == "SD021");
}

BOOST_AUTO_TEST_CASE(three_wrong_tries_kill_a_code) {
  at("12:00:00");
  verifiedCall();
  PasswordReset reset(as("agent"));
  reset.send(1);
  const std::string code = lastCode();
  const std::string wrong = code == "000000" ? "111111" : "000000";
  BOOST_TEST(siteVerify(wrong) == "false");
  BOOST_TEST(siteVerify("12345") == "false");  // malformed counts as wrong
  BOOST_TEST(reset.status(1).triesLeft == 1);
  BOOST_TEST(siteVerify(code) == "true");  // two wrong tries: the right one still works
  BOOST_TEST(siteVerify(wrong) == "false");
  BOOST_TEST(siteVerify(code) == "SD022");  // the third wrong try killed it
  BOOST_TEST(reset.status(1).triesLeft == 0);
  BOOST_TEST(!reset.status(1).pending);
}

BOOST_AUTO_TEST_CASE(a_new_code_kills_the_old_one) {
  at("13:00:00");
  verifiedCall();
  PasswordReset reset(as("agent"));
  reset.send(1);
  const std::string first = lastCode();
  at("13:01:00");
  const auto second = reset.send(1);
  const std::string code = lastCode();
  BOOST_TEST(second.sentAtLocal == "13:01");
  if (first != code) BOOST_TEST(siteVerify(first) == "false");
  BOOST_TEST(siteVerify(code) == "true");
  BOOST_TEST(number("SELECT count(*) FROM outbox") == 2);
}

BOOST_AUTO_TEST_CASE(at_most_three_codes_per_line_per_hour) {
  at("15:00:00");
  const std::string call = std::to_string(verifiedCall());
  PasswordReset reset(as("agent"));
  reset.send(1);
  at("15:10:00");
  as("agent") << "SELECT sent_at FROM verification_code_send(" + call + ", 1)";  // shares the limit
  at("15:20:00");
  const auto third = reset.send(1);
  BOOST_TEST(third.resendAllowedAtLocal == "16:00");
  at("15:30:00");
  verifiedCall();  // the one from 15:00 is 30 minutes old: no longer counts
  const auto st = reset.status(1);
  BOOST_TEST(st.codesLastHour == 3);
  BOOST_TEST(!st.resendAllowedNow);
  BOOST_TEST(st.times.resendAllowedAtLocal == "16:00");
  try {
    reset.send(1);
    BOOST_ERROR("a fourth code in the hour was sent");
  } catch (const UserError& e) {
    BOOST_TEST(e.code() == "SD020");
    BOOST_TEST(std::string(e.what()).find("16:00") != std::string::npos, e.what());
  }
  // The database refuses it too, whatever the desk does.
  BOOST_TEST(outcome(as("agent"), "SELECT sent_at::text FROM password_reset_send(1)") == "SD020");
  at("15:59:59");
  verifiedCall();
  BOOST_TEST(outcome(as("agent"), "SELECT sent_at::text FROM password_reset_send(1)") == "SD020");
  // Another line is not affected.
  verifiedCall(2);
  BOOST_TEST(outcome(as("agent"), "SELECT sent_at::text FROM password_reset_send(2)") != "SD020");
  at("16:00:00");
  verifiedCall();
  BOOST_TEST(reset.send(1).sentAtLocal == "16:00");
  BOOST_TEST(number("SELECT count(*) FROM outbox WHERE recipient = '+380671234567'") == 4);
  BOOST_TEST(number("SELECT count(*) FROM otp_issue WHERE line_id = 1") == 4);
}

BOOST_AUTO_TEST_CASE(codes_are_six_digits_and_vary) {
  at("17:00:00");
  const std::string call = std::to_string(verifiedCall());
  // One an hour, to stay within the rate limit.
  for (int h = 0; h < 20; ++h) {
    as("agent") << "SET subdesk.test_now = '2024-05-15 " + std::to_string(h) + ":00:00+03'";
    as("agent") << "SELECT sent_at FROM verification_code_send(" + call + ", 1)";
  }
  BOOST_TEST(number("SELECT count(*) FROM outbox WHERE secret ~ '^[0-9]{6}$'") == 20);
  BOOST_TEST(number("SELECT count(DISTINCT secret) FROM outbox") >= 19);
}

BOOST_AUTO_TEST_SUITE_END()
