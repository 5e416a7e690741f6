// Caller verification: the database refuses a sensitive operation unless the staff member
// has an open interaction with that customer whose caller was verified in the last 30
// minutes. Time is moved with the test clock (subdesk.test_now), which only a database
// configured by a superuser honours.
#define BOOST_TEST_MODULE verification
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

constexpr const char* kEdit = "SELECT customer_update_contact(1, (SELECT version FROM customer WHERE id = 1), "
                              "'olena@ukr.net', '+380501112233', NULL)";

std::string stateOf(soci::session& sql, const std::string& statement) {
  try {
    soci::transaction tx(sql);
    sql << statement;
    tx.commit();
    return "";
  } catch (const soci::soci_error& e) {
    return subdesk::sqlState(e);
  }
}

struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address)
        VALUES (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee)
        VALUES (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000);
      INSERT INTO customer(id, last_name, first_name, doc_kind, doc_number, contact_phone, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', 'passport', 'КВ123456', '+380671234567', crypt('соняшник', gen_salt('bf', 4))),
        (2, 'Шевченко', 'Тарас', NULL, NULL, NULL, crypt('кобзар', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000017', 1, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (1, '+380671234567', 1, 1);
    )");
    for (const std::string group : {"agent", "sales"}) db.addStaff(group, group, 1);
  }
  std::string login(const std::string& group) const { return db.login(group); }
  soci::session& as(const std::string& group) {
    auto& s = sessions[group];
    if (!s) s = db.connectAs(group);
    return *s;
  }
  // What only a superuser may do: let this database honour the test clock.
  void allowTestClock() { *admin << "ALTER DATABASE " + db.name() + " SET subdesk.allow_test_clock = on"; }
  long long open(soci::session& s, long long customer) {
    long long id = 0;
    s << "SELECT interaction_open('call', '+380671234567', " + std::to_string(customer) + ")", soci::into(id);
    return id;
  }
  bool verify(soci::session& s, long long interaction, const std::string& method, const std::string& secret,
              const std::string& docKind = "") {
    int ok = 0;
    s << "SELECT interaction_verify(" + std::to_string(interaction) + ", '" + method + "', '" + secret + "', " +
             (docKind.empty() ? std::string("NULL") : "'" + docKind + "'") + ")::int",
        soci::into(ok);
    return ok == 1;
  }
  long long number(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(verification, Desk)

BOOST_AUTO_TEST_CASE(sensitive_operation_needs_a_fresh_verified_interaction) {
  allowTestClock();
  soci::session& agent = as("agent");
  // No interaction at all.
  BOOST_TEST(stateOf(agent, kEdit) == "SD001");
  // An interaction whose caller is not verified.
  const long long unverified = open(agent, 1);
  BOOST_TEST(stateOf(agent, kEdit) == "SD001");
  // Verified 31 minutes ago: too old.
  agent << "SET subdesk.test_now = '" + std::string("2024-05-14 10:00:00+03") + "'";
  const long long old = open(agent, 1);
  BOOST_TEST(verify(agent, old, "code_word", "соняшник"));
  agent << "SET subdesk.test_now = '2024-05-14 10:31:00+03'";
  BOOST_TEST(stateOf(agent, kEdit) == "SD001");
  // ... while at 29 minutes it still counted.
  agent << "SET subdesk.test_now = '2024-05-14 10:29:00+03'";
  BOOST_TEST(stateOf(agent, kEdit) == "");
  // Fresh (real time again): succeeds, and the edit is filed under that interaction.
  agent << "RESET subdesk.test_now";
  BOOST_TEST(stateOf(agent, kEdit) == "SD001");
  const long long fresh = open(agent, 1);
  BOOST_TEST(verify(agent, fresh, "code_word", "  СОНЯШНИК "));
  BOOST_TEST(stateOf(agent, kEdit) == "");
  BOOST_TEST(number("SELECT interaction_id FROM audit_log WHERE table_name = 'customer' ORDER BY id DESC LIMIT 1") ==
             fresh);
  BOOST_TEST(number("SELECT version FROM customer WHERE id = 1") == 3);
  // Closed: the window ends with the call.
  agent << "SELECT interaction_close(" + std::to_string(fresh) + ", 'e-mail changed')";
  BOOST_TEST(stateOf(agent, kEdit) == "SD001");
  (void)unverified;
}

BOOST_AUTO_TEST_CASE(verification_counts_only_for_its_customer_and_its_staff_member) {
  soci::session& agent = as("agent");
  soci::session& sales = as("sales");
  // Taras verified does not let anyone edit Olena.
  const long long taras = open(agent, 2);
  BOOST_TEST(verify(agent, taras, "code_word", "кобзар"));
  BOOST_TEST(stateOf(agent, kEdit) == "SD001");
  // A colleague's verified call does not help the agent.
  const long long salesCall = open(sales, 1);
  BOOST_TEST(verify(sales, salesCall, "document", "КВ 123456", "passport"));
  BOOST_TEST(stateOf(agent, kEdit) == "SD001");
  BOOST_TEST(stateOf(sales, kEdit) == "");
  // ... and the agent cannot touch it.
  const std::string id = std::to_string(salesCall);
  BOOST_TEST(stateOf(agent, "SELECT interaction_verify(" + id + ", 'code_word', 'соняшник')") == "42501");
  BOOST_TEST(stateOf(agent, "SELECT interaction_close(" + id + ", 'not mine')") == "42501");
  BOOST_TEST(stateOf(agent, "SELECT interaction_attach_customer(" + id + ", 2)") == "42501");
  // Attaching another customer voids a verification.
  BOOST_TEST(stateOf(sales, "SELECT interaction_attach_customer(" + id + ", 2)") == "");
  BOOST_TEST(stateOf(sales, kEdit) == "SD001");
}

BOOST_AUTO_TEST_CASE(verification_methods) {
  allowTestClock();
  soci::session& agent = as("agent");
  soci::session& sales = as("sales");
  // Code word: wrong answers are counted; the third closes the door on that interaction.
  const long long call = open(agent, 1);
  BOOST_TEST(!verify(agent, call, "code_word", "ромашка"));
  BOOST_TEST(!verify(agent, call, "code_word", "волошка"));
  BOOST_TEST(!verify(agent, call, "code_word", "мак"));
  BOOST_TEST(number("SELECT verify_failures FROM interaction WHERE id = " + std::to_string(call)) == 3);
  BOOST_TEST(stateOf(agent, "SELECT interaction_verify(" + std::to_string(call) + ", 'code_word', 'соняшник')") ==
             "SD006");
  // No code word on file, no document on file: cannot verify that way.
  *admin << "UPDATE customer SET code_word_hash = NULL WHERE id = 2";
  const long long taras = open(sales, 2);
  BOOST_TEST(stateOf(sales, "SELECT interaction_verify(" + std::to_string(taras) + ", 'code_word', 'кобзар')") ==
             "SD006");
  BOOST_TEST(stateOf(sales, "SELECT interaction_verify(" + std::to_string(taras) + ", 'document', '001', 'id_card')") ==
             "SD006");

  // Document: office staff only; kind and number must match the document on file.
  const long long visit = open(sales, 1);
  const std::string v = std::to_string(visit);
  BOOST_TEST(stateOf(agent, "SELECT interaction_verify(" + std::to_string(open(agent, 1)) +
                                ", 'document', 'КВ123456', 'passport')") == "42501");
  BOOST_TEST(!verify(sales, visit, "document", "КВ123457", "passport"));
  BOOST_TEST(!verify(sales, visit, "document", "КВ123456", "id_card"));
  BOOST_TEST(verify(sales, visit, "document", "кв 123456", "passport"));
  BOOST_TEST(number("SELECT count(*) FROM interaction WHERE id = " + v +
                    " AND verified_by = 'document' AND verified_doc_kind = 'passport'") == 1);

  // One-time code sent by SMS (issued by the OTP machinery; here written by hand).
  *admin << "INSERT INTO selfcare_credential(line_id, otp_hash, otp_purpose, otp_sent_at, otp_expires_at) "
            "VALUES (1, crypt('482915', gen_salt('bf', 4)), 'verification', now(), now() + interval '5 minutes')";
  const long long otpCall = open(agent, 1);
  BOOST_TEST(!verify(agent, otpCall, "otp", "000000"));
  BOOST_TEST(number("SELECT otp_attempts FROM selfcare_credential WHERE line_id = 1") == 1);
  BOOST_TEST(verify(agent, otpCall, "otp", "482915"));
  BOOST_TEST(number("SELECT count(*) FROM selfcare_credential WHERE line_id = 1 AND otp_hash IS NULL") == 1);
  // Used once: the same code again finds nothing pending.
  const long long again = open(agent, 1);
  BOOST_TEST(stateOf(agent, "SELECT interaction_verify(" + std::to_string(again) + ", 'otp', '482915')") == "SD006");
  // An expired code is not accepted (six minutes later on the test clock).
  *admin << "UPDATE selfcare_credential SET otp_hash = crypt('111222', gen_salt('bf', 4)), otp_purpose = 'verification', "
            "otp_expires_at = now() + interval '5 minutes' WHERE line_id = 1";
  agent << "SET subdesk.test_now = '" + std::string("infinity") + "'";
  BOOST_TEST(stateOf(agent, "SELECT interaction_verify(" + std::to_string(again) + ", 'otp', '111222')") == "SD006");
  agent << "RESET subdesk.test_now";
  BOOST_TEST(verify(agent, again, "otp", "111222"));
  BOOST_TEST(stateOf(agent, "SELECT interaction_verify(" + std::to_string(again) + ", 'palm_reading', 'x')") == "22023");
}

BOOST_AUTO_TEST_CASE(interactions_close_with_a_wrap_up_note) {
  soci::session& agent = as("agent");
  const long long call = open(agent, 1);
  const std::string id = std::to_string(call);
  BOOST_TEST(stateOf(agent, "SELECT interaction_close(" + id + ", '   ')") == "SD005");
  BOOST_TEST(stateOf(agent, "SELECT interaction_close(" + id + ", NULL)") == "SD005");
  BOOST_TEST(stateOf(agent, "SELECT interaction_close(" + id + ", 'asked about roaming prices')") == "");
  BOOST_TEST(stateOf(agent, "SELECT interaction_close(" + id + ", 'again')") == "SD002");
  BOOST_TEST(stateOf(agent, "SELECT interaction_verify(" + id + ", 'code_word', 'соняшник')") == "SD002");
  // Staff write interactions only through these functions.
  BOOST_TEST(stateOf(agent, "UPDATE interaction SET verified_by = 'otp', verified_at = now()") == "42501");
  BOOST_TEST(stateOf(agent, "INSERT INTO interaction(channel, customer_id, verified_by, verified_at) "
                            "VALUES ('call', 1, 'otp', now())") == "42501");
}

BOOST_AUTO_TEST_CASE(contact_edit_uses_optimistic_locking) {
  soci::session& agent = as("agent");
  const long long call = open(agent, 1);
  BOOST_TEST(verify(agent, call, "code_word", "соняшник"));
  int version = 0;
  agent << "SELECT customer_update_contact(1, 1, 'olena@ukr.net', NULL, 'Київ')", soci::into(version);
  BOOST_TEST(version == 2);
  // The desk still shows version 1: someone else's edit in between is not overwritten.
  BOOST_TEST(stateOf(agent, "SELECT customer_update_contact(1, 1, 'other@ukr.net', NULL, NULL)") == "SD003");
  BOOST_TEST(stateOf(agent, "SELECT customer_update_contact(1, 2, 'not-an-email', NULL, NULL)") == "23514");
  BOOST_TEST(stateOf(agent, "SELECT customer_update_contact(1, 2, 'other@ukr.net', '', '')") == "");
  // Changing the code word is a personal-data edit too; the new word verifies the next call.
  BOOST_TEST(stateOf(agent, "SELECT customer_set_code_word(1, 'Калина')") == "");
  BOOST_TEST(number("SELECT version FROM customer WHERE id = 1") == 4);
  const long long next = open(agent, 1);
  BOOST_TEST(!verify(agent, next, "code_word", "соняшник"));
  BOOST_TEST(verify(agent, next, "code_word", "калина"));
  agent << "SELECT interaction_close(" + std::to_string(call) + ", 'done')";
  agent << "SELECT interaction_close(" + std::to_string(next) + ", 'done')";
  BOOST_TEST(stateOf(agent, "SELECT customer_set_code_word(1, 'Тополя')") == "SD001");
}

BOOST_AUTO_TEST_CASE(the_test_clock_is_ignored_unless_the_database_allows_it) {
  soci::session& agent = as("agent");
  agent << "SET subdesk.test_now = '2000-01-01 00:00:00+00'";
  // A staff member cannot switch the test clock on: not for the session, not for their
  // role, not for the database.
  agent << "SET subdesk.allow_test_clock = on";
  int year = 0;
  agent << "SELECT extract(year FROM subdesk_now())::int", soci::into(year);
  BOOST_TEST(year > 2000);
  BOOST_TEST(stateOf(agent, "ALTER DATABASE " + db.name() + " SET subdesk.allow_test_clock = on") == "42501");
  BOOST_TEST(stateOf(agent, "ALTER ROLE " + login("agent") + " IN DATABASE " + db.name() +
                                " SET subdesk.allow_test_clock = on") == "42501");
  agent << "SELECT extract(year FROM subdesk_now())::int", soci::into(year);
  BOOST_TEST(year > 2000);
  // A superuser can, for a test database.
  allowTestClock();
  agent << "SELECT extract(year FROM subdesk_now())::int", soci::into(year);
  BOOST_TEST(year == 2000);
}

BOOST_AUTO_TEST_SUITE_END()
