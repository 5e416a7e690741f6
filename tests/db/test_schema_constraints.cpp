// The database itself rejects bad data, whatever client writes it.
#define BOOST_TEST_MODULE schema_constraints
#include <boost/test/unit_test.hpp>

#include <soci/postgresql/soci-postgresql.h>

#include "core/util/error.h"
#include "test_database.h"

using subdesk::test::TestDatabase;
using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

// Runs one statement and returns its SQLSTATE, or "" when it succeeded.
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

struct Catalogue {
  TestDatabase db;
  std::unique_ptr<soci::session> sql = db.admin();
  Catalogue() {
    *sql << "INSERT INTO office(id, code, name_uk, name_en, city, address) "
            "VALUES (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1')";
    *sql << "INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee) "
            "VALUES (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000)";
    *sql << "INSERT INTO customer(id, last_name, first_name) VALUES (1, 'Коваленко', 'Олена')";
    *sql << "INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000009', 1, 'mobile')";
    for (const char* seq : {"office_id_seq", "tariff_plan_id_seq", "customer_id_seq", "account_id_seq"}) {
      *sql << "SELECT setval('" + std::string(seq) + "', 100)";
    }
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(constraints, Catalogue)

BOOST_AUTO_TEST_CASE(iccid_check_digit_is_enforced) {
  const std::string sim = "INSERT INTO sim(iccid, imsi, puk, office_id) VALUES ('";
  // 893800100000000000 + its Luhn digit 2: only the right digit is accepted.
  BOOST_TEST(stateOf(*sql, sim + "8938001000000000003', '255010000000001', '12345678', 1)") == "23514");
  BOOST_TEST(stateOf(*sql, sim + "893800100000000000', '255010000000002', '12345678', 1)") == "23514");
  BOOST_TEST(stateOf(*sql, sim + "1238001000000000004', '255010000000003', '12345678', 1)") == "23514");
  BOOST_TEST(stateOf(*sql, sim + "8938001000000000002', '255010000000004', '12345678', 1)") == "");
}

BOOST_AUTO_TEST_CASE(msisdn_must_be_ukrainian_mobile_e164) {
  const std::string line = "INSERT INTO line(msisdn, account_id, tariff_id) VALUES ('";
  BOOST_TEST(stateOf(*sql, line + "0671234567', 1, 1)") == "23514");      // national form
  BOOST_TEST(stateOf(*sql, line + "+380441234567', 1, 1)") == "23514");   // Kyiv landline
  BOOST_TEST(stateOf(*sql, line + "+48601234567', 1, 1)") == "23514");    // Polish mobile
  BOOST_TEST(stateOf(*sql, line + "+38067123456', 1, 1)") == "23514");    // one digit short
  BOOST_TEST(stateOf(*sql, line + "+380671234567', 1, 1)") == "");
}

BOOST_AUTO_TEST_CASE(one_open_line_per_msisdn) {
  BOOST_TEST(stateOf(*sql, "INSERT INTO line(msisdn, account_id, tariff_id) VALUES ('+380501112233', 1, 1)") == "");
  BOOST_TEST(stateOf(*sql, "INSERT INTO line(msisdn, account_id, tariff_id) VALUES ('+380501112233', 1, 1)") == "23505");
  // Once closed, the number may be issued again.
  *sql << "UPDATE line SET status = 'closed', closed_at = now() WHERE msisdn = '+380501112233'";
  BOOST_TEST(stateOf(*sql, "INSERT INTO line(msisdn, account_id, tariff_id) VALUES ('+380501112233', 1, 1)") == "");
}

BOOST_AUTO_TEST_CASE(one_active_sim_per_line) {
  *sql << "INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (1, '+380501112233', 1, 1)";
  BOOST_TEST(stateOf(*sql, "INSERT INTO sim(iccid, imsi, puk, status, line_id) VALUES "
                           "('8938001000000000002', '255010000000004', '12345678', 'active', 1)") == "");
  BOOST_TEST(stateOf(*sql, "INSERT INTO sim(iccid, imsi, puk, status, line_id) VALUES "
                           "('8938001000000000010', '255010000000005', '12345678', 'active', 1)") == "23505");
}

BOOST_AUTO_TEST_CASE(account_number_and_foreign_keys) {
  BOOST_TEST(stateOf(*sql, "INSERT INTO account(number, customer_id, kind) VALUES ('100000008', 1, 'mobile')") == "23514");
  BOOST_TEST(stateOf(*sql, "INSERT INTO account(number, customer_id, kind) VALUES ('100000017', 999, 'mobile')") == "23503");
  BOOST_TEST(stateOf(*sql, "INSERT INTO account(number, customer_id, kind) VALUES ('100000017', 1, 'prepaid')") == "23514");
  BOOST_TEST(stateOf(*sql, "INSERT INTO customer(last_name, first_name) VALUES ('Шевченко', NULL)") == "23502");
}

BOOST_AUTO_TEST_CASE(balance_moves_only_through_the_ledger) {
  *sql << "INSERT INTO ledger(account_id, amount, kind, idempotency_key) VALUES (1, 12345, 'payment', 'k1')";
  *sql << "INSERT INTO ledger(account_id, amount, kind, idempotency_key) VALUES (1, -345, 'monthly_fee', 'k2')";
  long long balance = 0;
  *sql << "SELECT balance FROM account WHERE id = 1", soci::into(balance);
  BOOST_TEST(balance == 12000);
  BOOST_TEST(stateOf(*sql, "INSERT INTO ledger(account_id, amount, kind, idempotency_key) VALUES (1, 1, 'payment', 'k1')") == "23505");
  BOOST_TEST(stateOf(*sql, "UPDATE ledger SET amount = 1") == "42501");
  BOOST_TEST(stateOf(*sql, "DELETE FROM ledger") == "42501");
  BOOST_TEST(stateOf(*sql, "TRUNCATE ledger CASCADE") == "42501");
}

BOOST_AUTO_TEST_CASE(names_are_searchable_whatever_the_apostrophe) {
  *sql << "INSERT INTO customer(last_name, first_name) VALUES ('Мар’яненко', 'Ганна')";
  std::string name;
  *sql << "SELECT search_name FROM customer WHERE last_name LIKE 'Мар%'", soci::into(name);
  BOOST_TEST(name == "мар'яненко ганна");
  std::string other;
  *sql << "SELECT normalize_name('  МАРʼЯНЕНКО   Ганна ')", soci::into(other);
  BOOST_TEST(other == name);
}

BOOST_AUTO_TEST_SUITE_END()
