// The audit trail: one row per change of subscriber data, in the staff member's name,
// with the subject resolved and personal data masked; sensitive reads audited; the log
// append-only for everyone.
#define BOOST_TEST_MODULE audit
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

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
      INSERT INTO service(id, code, kind, name_uk, name_en, monthly_fee)
        VALUES (1, 'roaming', 'mobile', 'Роумінг', 'Roaming', 0);
      INSERT INTO customer(id, last_name, first_name, doc_kind, doc_number, tax_number, email,
                           contact_phone, code_word_hash)
        VALUES (1, 'Коваленко', 'Олена', 'passport', 'КВ123456', '1234567890', 'olena.koval@gmail.com',
                '+380671234567', crypt('соняшник', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000017', 1, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (1, '+380671234567', 1, 1);
      SELECT setval('customer_id_seq', 100), setval('account_id_seq', 100), setval('line_id_seq', 100);
    )");
    for (const std::string group : {"agent", "sales", "admin"}) db.addStaff(group, group, 1);
  }
  std::string login(const std::string& group) const { return db.login(group); }
  soci::session& as(const std::string& group) {
    auto& s = sessions[group];
    if (!s) s = db.connectAs(group);
    return *s;
  }
  long long lastAuditId() {
    long long id = 0;
    *admin << "SELECT coalesce(max(id), 0) FROM audit_log", soci::into(id);
    return id;
  }
  // One text value computed by the superuser ("" for NULL).
  std::string text(const std::string& query) {
    std::string v;
    soci::indicator ind = soci::i_ok;
    *admin << query, soci::into(v, ind);
    return ind == soci::i_null ? "" : v;
  }
  // SQLSTATE of a statement run as the owner of every table (SET ROLE subdesk_owner).
  std::string asOwner(const std::string& statement) {
    try {
      soci::transaction tx(*admin);
      *admin << "SET LOCAL ROLE subdesk_owner";
      *admin << statement;
      tx.commit();
      return "";
    } catch (const soci::soci_error& e) {
      return subdesk::sqlState(e);
    }
  }
  long long number(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(audit, Desk)

BOOST_AUTO_TEST_CASE(a_contact_edit_leaves_exactly_its_rows_masked) {
  const long long before = lastAuditId();
  soci::session& agent = as("agent");
  long long iid = 0;
  agent << "SELECT interaction_open('call', '+380671234567', 1)", soci::into(iid);
  int verified = 0;
  agent << "SELECT interaction_verify(" + std::to_string(iid) + ", 'code_word', 'соняшник')::int", soci::into(verified);
  BOOST_TEST(verified == 1);
  int version = 0;
  agent << "SELECT customer_update_contact(1, 1, 'olena@ukr.net', '+380501112233', NULL)", soci::into(version);
  BOOST_TEST(version == 2);

  const std::string since = " FROM audit_log WHERE id > " + std::to_string(before);
  // open, verify, edit: three rows, all the agent's, all filed under the interaction.
  BOOST_TEST(number("SELECT count(*)" + since) == 3);
  BOOST_TEST(number("SELECT count(*)" + since + " AND who = '" + login("agent") + "' AND interaction_id = " +
                    std::to_string(iid) + " AND customer_id = 1") == 3);
  BOOST_TEST(text("SELECT string_agg(action || ' ' || table_name, ', ' ORDER BY id)" + since) ==
             "INSERT interaction, UPDATE interaction, UPDATE customer");

  BOOST_TEST(text("SELECT changes -> 'email' ->> 'old'" + since + " AND table_name = 'customer'") == "ol***@gmail.com");
  BOOST_TEST(text("SELECT changes -> 'email' ->> 'new'" + since + " AND table_name = 'customer'") == "ol***@ukr.net");
  BOOST_TEST(text("SELECT changes -> 'contact_phone' ->> 'old'" + since + " AND table_name = 'customer'") ==
             "+380 67 *** ** 67");
  BOOST_TEST(text("SELECT changes -> 'contact_phone' ->> 'new'" + since + " AND table_name = 'customer'") ==
             "+380 50 *** ** 33");
  BOOST_TEST(text("SELECT changes -> 'version' ->> 'new'" + since + " AND table_name = 'customer'") == "2");
  // Only what changed is listed: the names and the document did not change.
  BOOST_TEST(number("SELECT count(*)" + since + " AND table_name = 'customer' AND changes ? 'last_name'") == 0);
  BOOST_TEST(text("SELECT changes -> 'verified_by' ->> 'new'" + since + " AND action = 'UPDATE' AND table_name = 'interaction'") ==
             "code_word");
  // Nothing personal in clear anywhere in the agent's rows.
  BOOST_TEST(number("SELECT count(*)" + since +
                    " AND (changes::text LIKE '%olena%' OR changes::text LIKE '%1112233%' OR changes::text LIKE '%4567%')") == 0);
}

BOOST_AUTO_TEST_CASE(every_subscriber_table_is_audited_with_its_subject) {
  const long long before = lastAuditId();
  subdesk::db::executeScript(*admin, R"(
    INSERT INTO customer(id, last_name, first_name, doc_kind, doc_number, tax_number)
      VALUES (2, 'Шевченко', 'Тарас', 'id_card', '001234567', '2222222222');
    INSERT INTO sim(id, iccid, imsi, puk, status, line_id)
      VALUES (1, '8938001000000000010', '255010000000001', '12345678', 'active', 1);
    INSERT INTO line_service(id, line_id, service_id) VALUES (1, 1, 1);
    INSERT INTO selfcare_credential(line_id, password_hash) VALUES (1, 'scrypt$secret-hash');
    INSERT INTO ledger(account_id, amount, kind, idempotency_key) VALUES (1, 10000, 'payment', 'p-1');
    INSERT INTO ticket(id, customer_id, subject, body) VALUES (1, 1, 'Роумінг', 'Не працює роумінг');
    UPDATE line SET device_model = 'Pixel 8' WHERE id = 1;
    UPDATE line SET device_model = 'Pixel 8' WHERE id = 1;  -- changes nothing: no row
    DELETE FROM line_service WHERE id = 1;
  )");
  const std::string since = " FROM audit_log WHERE id > " + std::to_string(before);
  // customer, sim, line_service, selfcare_credential, ledger (the balance it moves is not
  // a second row), ticket, line update, line_service delete.
  BOOST_TEST(text("SELECT string_agg(action || ' ' || table_name, ', ' ORDER BY id)" + since) ==
             "INSERT customer, INSERT sim, INSERT line_service, INSERT selfcare_credential, INSERT ledger, "
             "INSERT ticket, UPDATE line, DELETE line_service");
  BOOST_TEST(number("SELECT count(*)" + since + " AND who = 'postgres'") == 8);
  // Subjects: a line's row gives its account and customer.
  BOOST_TEST(text("SELECT concat_ws('/', customer_id, account_id, line_id, row_id)" + since + " AND table_name = 'sim'") ==
             "1/1/1/1");
  BOOST_TEST(text("SELECT concat_ws('/', customer_id, account_id, line_id, row_id)" + since +
                  " AND table_name = 'selfcare_credential'") == "1/1/1/1");
  BOOST_TEST(text("SELECT concat_ws('/', customer_id, account_id)" + since + " AND table_name = 'ledger'") == "1/1");
  BOOST_TEST(text("SELECT concat_ws('/', customer_id, row_id)" + since + " AND table_name = 'customer'") == "2/2");
  // Masked: document, tax number, PUK, password hash.
  BOOST_TEST(text("SELECT changes -> 'doc_number' ->> 'new'" + since + " AND table_name = 'customer'") == "***");
  BOOST_TEST(text("SELECT changes -> 'tax_number' ->> 'new'" + since + " AND table_name = 'customer'") == "***");
  BOOST_TEST(text("SELECT changes -> 'puk' ->> 'new'" + since + " AND table_name = 'sim'") == "***");
  BOOST_TEST(text("SELECT changes -> 'password_hash' ->> 'new'" + since + " AND table_name = 'selfcare_credential'") ==
             "***");
  BOOST_TEST(number("SELECT count(*)" + since +
                    " AND (changes::text LIKE '%001234567%' OR changes::text LIKE '%2222222222%' "
                    "OR changes::text LIKE '%12345678\"%' OR changes::text LIKE '%secret-hash%')") == 0);
  // An update lists old and new of what changed; a delete the old values.
  BOOST_TEST(text("SELECT changes::text" + since + " AND table_name = 'line'") ==
             R"({"device_model": {"new": "Pixel 8", "old": null}})");
  BOOST_TEST(text("SELECT changes -> 'service_id' ->> 'old'" + since + " AND action = 'DELETE'") == "1");
  BOOST_TEST(number("SELECT balance FROM account WHERE id = 1") == 10000);
}

BOOST_AUTO_TEST_CASE(the_interaction_setting_files_changes_under_ones_own_call) {
  soci::session& agent = as("agent");
  long long mine = 0;
  agent << "SELECT interaction_open('call', NULL, 1)", soci::into(mine);
  *admin << "INSERT INTO interaction(id, staff_login, channel) VALUES (900, 'colleague', 'call')";
  const long long before = lastAuditId();
  agent << "SET subdesk.interaction_id = '" + std::to_string(mine) + "'";
  agent << "SELECT balance_adjust(1, 500, 'goodwill', 'g-1')";
  BOOST_TEST(number("SELECT interaction_id FROM audit_log WHERE id > " + std::to_string(before)) == mine);
  BOOST_TEST(number("SELECT interaction_id FROM ledger WHERE idempotency_key = 'adjust:g-1'") == mine);
  // Someone else's call, or nonsense, is refused rather than filed wrongly.
  agent << "SET subdesk.interaction_id = '900'";
  BOOST_TEST(stateOf(agent, "SELECT balance_adjust(1, 500, 'goodwill', 'g-2')") == "42501");
  agent << "SET subdesk.interaction_id = 'call-7'";
  BOOST_TEST(stateOf(agent, "SELECT balance_adjust(1, 500, 'goodwill', 'g-3')") == "22023");
  agent << "SET subdesk.interaction_id = ''";
  BOOST_TEST(stateOf(agent, "SELECT balance_adjust(1, 500, 'goodwill', 'g-4')") == "");
  BOOST_TEST(text("SELECT coalesce(interaction_id::text, 'none') FROM audit_log ORDER BY id DESC LIMIT 1") == "none");
}

BOOST_AUTO_TEST_CASE(sensitive_reads_are_audited) {
  const long long before = lastAuditId();
  std::string kind, number_, tax;
  as("sales") << "SELECT doc_kind, doc_number, tax_number FROM reveal_document(1)", soci::into(kind),
      soci::into(number_), soci::into(tax);
  BOOST_TEST(kind == "passport");
  BOOST_TEST(number_ == "КВ123456");
  BOOST_TEST(tax == "1234567890");
  as("agent") << "SELECT audit_read('call_history', NULL, NULL, 1, '{\"month\": \"2024-05\"}')";
  const std::string since = " FROM audit_log WHERE id > " + std::to_string(before);
  BOOST_TEST(text("SELECT string_agg(concat_ws(' ', who, action, customer_id, account_id, line_id, changes), '; ' ORDER BY id)" +
                  since) == login("sales") + " reveal_document 1; " + login("agent") +
                                " call_history 1 1 1 {\"month\": \"2024-05\"}");
  // Named reads are lower-case names: they cannot pose as a change.
  BOOST_TEST(stateOf(as("agent"), "SELECT audit_read('UPDATE', 1, NULL, NULL)") == "22023");
  // Nobody at the desk reads the document columns directly, whatever their group.
  for (const char* group : {"agent", "sales", "admin"}) {
    BOOST_TEST(stateOf(as(group), "SELECT doc_number FROM customer") == "42501");
    BOOST_TEST(stateOf(as(group), "SELECT tax_number FROM customer WHERE id = 1") == "42501");
  }
  BOOST_TEST(stateOf(as("agent"), "SELECT * FROM reveal_document(1)") == "42501");
}

BOOST_AUTO_TEST_CASE(the_audit_log_is_append_only_for_everyone) {
  as("agent") << "SELECT audit_read('call_history', 1, NULL, NULL)";
  const long long rows = number("SELECT count(*) FROM audit_log");
  const std::vector<std::string> changes = {"UPDATE audit_log SET who = 'nobody'", "DELETE FROM audit_log",
                                            "TRUNCATE audit_log"};
  for (const auto& change : changes) {
    BOOST_TEST_CONTEXT(change) {
      BOOST_TEST(stateOf(as("admin"), change) == "42501");
      // The owner of the table, and even the superuser, are refused by the trigger.
      BOOST_TEST(asOwner(change) == "42501");
      BOOST_TEST(stateOf(*admin, change) == "42501");
    }
  }
  BOOST_TEST(stateOf(as("admin"), "INSERT INTO audit_log(action) VALUES ('forged')") == "42501");
  BOOST_TEST(number("SELECT count(*) FROM audit_log") == rows);
  // A TRUNCATE of an audited table (only the owner could) is itself audited.
  const long long before = lastAuditId();
  BOOST_TEST(asOwner("TRUNCATE ticket") == "");
  BOOST_TEST(text("SELECT action || ' ' || table_name || ' ' || who FROM audit_log WHERE id > " + std::to_string(before)) ==
             "TRUNCATE ticket postgres");
}

BOOST_AUTO_TEST_SUITE_END()
