// The permission model, as the database enforces it: a real login role of each staff
// group tries every guarded action. The table below IS the documentation of the model.
#define BOOST_TEST_MODULE permissions
#include <boost/test/unit_test.hpp>

#include <array>
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

// Expected outcomes: OK, an SQLSTATE, or "=N": succeeds and the number it selects is N.
constexpr const char* OK = "ok";
constexpr const char* DENIED = "42501";      // insufficient_privilege
constexpr const char* UNVERIFIED = "SD001";  // no verified interaction in the last 30 minutes
constexpr const char* OVER_LIMIT = "SD004";  // above the role's per-operation adjustment limit
constexpr const char* NO_REASON = "SD005";   // mandatory text missing
constexpr const char* NO_DOCUMENT = "SD024";  // SIM restore without an ID document checked
constexpr const char* CARD_NUMBER = "SD040";  // a full card number in a text
constexpr const char* NO_SERVICE = "SD046";   // the service cannot be connected
constexpr const char* NOT_POSSIBLE = "SD048";  // the tariff change is not possible
constexpr const char* NO_PROMOTION = "SD047";  // the line cannot join the promotion
constexpr const char* NO_FAMILY = "SD049";     // the family group cannot be changed
constexpr const char* NOT_ENROLLED = "SD053";  // the line is not in the promotion
constexpr const char* NO_ANSWER = "SD054";     // the ticket cannot be answered

constexpr std::array<const char*, 4> kGroups{"agent", "sales", "supervisor", "admin"};

// Scenarios of several steps (one transaction each, like every row of the table).
constexpr const char* kEditContactVerified = R"(DO $$
DECLARE i bigint := interaction_open('call', '+380671234567', 1);
BEGIN
  PERFORM interaction_verify(i, 'code_word', 'Соняшник');
  PERFORM customer_update_contact(1, (SELECT version FROM customer WHERE id = 1),
                                  'olena@ukr.net', '+380501112233', 'Київ, вул. Січових Стрільців, 5');
  PERFORM interaction_close(i, 'contact details updated');
END $$)";
constexpr const char* kVerifyByDocument = R"(DO $$
DECLARE i bigint := interaction_open('visit', NULL, 1);
BEGIN
  IF NOT interaction_verify(i, 'document', 'кв 123456', 'passport') THEN RAISE 'not verified'; END IF;
  PERFORM interaction_close(i, 'identity checked');
END $$)";

constexpr const char* kResetVerified = R"(DO $$
DECLARE i bigint := interaction_open('call', '+380671234567', 1);
BEGIN
  PERFORM interaction_verify(i, 'code_word', 'соняшник');
  PERFORM password_reset_send(1);
  PERFORM interaction_close(i, 'self-care password reset code sent');
END $$)";
constexpr const char* kSendVerificationCode = R"(DO $$
DECLARE i bigint := interaction_open('call', '+380671234568', 1);
BEGIN
  PERFORM verification_code_send(i, 2);
  PERFORM interaction_close(i, 'caller did not read the code back');
END $$)";
// A SIM restore from the office's own stock (the first SIM of it the member of staff
// sees), replacing the SIM now active on line 1.
constexpr const char* kRestoreCodeWord = R"(DO $$
DECLARE i bigint := interaction_open('visit', NULL, 1);
BEGIN
  PERFORM interaction_verify(i, 'code_word', 'соняшник');
  PERFORM sim_restore(1, (SELECT iccid FROM sim WHERE status = 'in_stock' AND office_id = current_staff_office()
                          ORDER BY iccid LIMIT 1),
                      'lost', (SELECT iccid FROM sim WHERE line_id = 1 AND status = 'active'));
END $$)";
constexpr const char* kRestoreDocument = R"(DO $$
DECLARE i bigint := interaction_open('visit', NULL, 1);
BEGIN
  IF NOT interaction_verify(i, 'document', 'кв 123456', 'passport') THEN RAISE 'not verified'; END IF;
  PERFORM sim_restore(1, (SELECT iccid FROM sim WHERE status = 'in_stock' AND office_id = current_staff_office()
                          ORDER BY iccid LIMIT 1),
                      'lost', (SELECT iccid FROM sim WHERE line_id = 1 AND status = 'active'));
  PERFORM interaction_close(i, 'SIM restored');
END $$)";
constexpr const char* kRestoreOtherOffice = R"(DO $$
DECLARE i bigint := interaction_open('visit', NULL, 1);
BEGIN
  IF NOT interaction_verify(i, 'document', 'кв 123456', 'passport') THEN RAISE 'not verified'; END IF;
  PERFORM sim_restore(1, '8938001000000000044', 'lost', (SELECT iccid FROM sim WHERE line_id = 1 AND status = 'active'));
END $$)";
constexpr const char* kFamilyCreate = R"(DO $$
DECLARE i bigint := interaction_open('visit', NULL, 1);
BEGIN
  PERFORM interaction_verify(i, 'code_word', 'соняшник');
  PERFORM family_create(1, 'Родина Коваленків');
  PERFORM interaction_close(i, 'family group created');
END $$)";
constexpr const char* kFamilyAddRemove = R"(DO $$
DECLARE i bigint := interaction_open('visit', NULL, 1);
  g bigint := (SELECT id FROM family_group WHERE owner_customer_id = 1);
BEGIN
  PERFORM interaction_verify(i, 'code_word', 'соняшник');
  PERFORM family_add(g, 2);
  PERFORM family_remove(g, 2);
  PERFORM interaction_close(i, 'home account added and removed');
END $$)";
constexpr const char* kTicketOpen = R"(DO $$
DECLARE i bigint := interaction_open('call', '+380671234567', 1);
BEGIN
  PERFORM ticket_open(i, 'Швидкість', 'Увечері падає швидкість');
  PERFORM interaction_close(i, 'complaint recorded');
END $$)";
constexpr const char* kTicketAnswer = R"(DO $$
DECLARE i bigint := interaction_open('call', '+380671234567', 1);
  t bigint := ticket_open(i, 'Рахунок', 'Поясніть плату');
BEGIN
  PERFORM ticket_answer(t, 'Це абонентська плата за травень');
  PERFORM interaction_close(i, 'request answered');
END $$)";

struct Rule {
  const char* action;  // what is tried
  const char* sql;     // how: the one statement the staff member's session runs
  int auditRows;       // audit rows a success leaves behind
  const char* agent;
  const char* sales;
  const char* supervisor;
  const char* admin;
};

// clang-format off
const std::vector<Rule> kRules = {
// action                                      sql                                                                             audit  agent       sales       supervisor  admin
{"read a customer's name",                     "SELECT count(*) FROM customer WHERE last_name = 'Коваленко'",                  0,     "=1",       "=1",       "=1",       DENIED},
{"read customer.doc_number directly",          "SELECT doc_number FROM customer",                                              0,     DENIED,     DENIED,     DENIED,     DENIED},
{"read customer.tax_number directly",          "SELECT tax_number FROM customer",                                              0,     DENIED,     DENIED,     DENIED,     DENIED},
{"read customer.code_word_hash directly",      "SELECT code_word_hash FROM customer",                                          0,     DENIED,     DENIED,     DENIED,     DENIED},
{"read sim.puk directly",                      "SELECT puk FROM sim",                                                          0,     DENIED,     DENIED,     DENIED,     DENIED},
{"read self-care credentials",                 "SELECT * FROM selfcare_credential",                                            0,     DENIED,     DENIED,     DENIED,     DENIED},
{"reveal_document() (audited)",                "SELECT * FROM reveal_document(1)",                                             1,     DENIED,     OK,         OK,         DENIED},
{"audit a sensitive read (audit_read)",        "SELECT audit_read('call_history', NULL, NULL, 1, '{\"month\": \"2024-05\"}')", 1,     OK,         OK,         OK,         DENIED},
{"read the audit log",                         "SELECT * FROM audit_log ORDER BY id DESC LIMIT 5",                            0,     DENIED,     DENIED,     OK,         OK},
{"UPDATE audit_log",                           "UPDATE audit_log SET who = current_user",                                      0,     DENIED,     DENIED,     DENIED,     DENIED},
{"DELETE FROM audit_log",                      "DELETE FROM audit_log",                                                        0,     DENIED,     DENIED,     DENIED,     DENIED},
{"TRUNCATE audit_log",                         "TRUNCATE audit_log",                                                           0,     DENIED,     DENIED,     DENIED,     DENIED},
{"INSERT INTO audit_log (forge a row)",        "INSERT INTO audit_log(action) VALUES ('forged')",                              0,     DENIED,     DENIED,     DENIED,     DENIED},
{"INSERT INTO ledger (plain SQL money)",       "INSERT INTO ledger(account_id, amount, kind, idempotency_key) "
                                               "VALUES (1, 5000000, 'adjustment', 'plain-sql')",                               0,     DENIED,     DENIED,     DENIED,     DENIED},
{"UPDATE account SET balance (plain SQL)",     "UPDATE account SET balance = balance + 5000000 WHERE id = 1",                  0,     DENIED,     DENIED,     DENIED,     DENIED},
{"SET ROLE subdesk_supervisor (climb)",        "SET LOCAL ROLE subdesk_supervisor",                                            0,     DENIED,     DENIED,     OK,         DENIED},
{"balance_adjust +50.00 UAH",                  "SELECT balance_adjust(1, 5000, 'dropped calls', gen_random_uuid()::text)",     1,     OK,         OK,         OK,         DENIED},
{"balance_adjust -50.00 UAH",                  "SELECT balance_adjust(1, -5000, 'double top-up', gen_random_uuid()::text)",    1,     OK,         OK,         OK,         DENIED},
{"balance_adjust +500.00 UAH",                 "SELECT balance_adjust(1, 50000, 'outage', gen_random_uuid()::text)",           1,     OVER_LIMIT, OK,         OK,         DENIED},
{"balance_adjust +5,000.00 UAH",               "SELECT balance_adjust(1, 500000, 'outage', gen_random_uuid()::text)",          1,     OVER_LIMIT, OVER_LIMIT, OK,         DENIED},
{"balance_adjust +50,000.00 UAH",              "SELECT balance_adjust(1, 5000000, 'outage', gen_random_uuid()::text)",         1,     OVER_LIMIT, OVER_LIMIT, OVER_LIMIT, DENIED},
{"balance_adjust without a reason",            "SELECT balance_adjust(1, 5000, '  ', gen_random_uuid()::text)",                0,     NO_REASON,  NO_REASON,  NO_REASON,  DENIED},
{"read SIMs on lines",                         "SELECT count(*) FROM sim WHERE status <> 'in_stock'",                          0,     "=1",       "=1",       "=1",       DENIED},
{"read own office's SIM stock",                "SELECT count(*) FROM sim WHERE status = 'in_stock' AND office_id = 1",         0,     "=0",       "=2",       "=2",       DENIED},
{"read another office's SIM stock",            "SELECT count(*) FROM sim WHERE status = 'in_stock' AND office_id = 2",         0,     "=0",       "=0",       "=0",       DENIED},
{"take a SIM from own office's stock",         "SELECT sim_from_own_stock('8938001000000000028')",                             0,     DENIED,     OK,         OK,         DENIED},
{"take a SIM from another office's stock",     "SELECT sim_from_own_stock('8938001000000000044')",                             0,     DENIED,     DENIED,     DENIED,     DENIED},
{"UPDATE sim directly",                        "UPDATE sim SET office_id = 1",                                                 0,     DENIED,     DENIED,     DENIED,     DENIED},
{"INSERT INTO tariff_plan",                    "INSERT INTO tariff_plan(code, kind, name_uk, name_en, monthly_fee) "
                                               "VALUES ('t-' || gen_random_uuid(), 'mobile', 'Новий', 'New', 10000)",          0,     DENIED,     DENIED,     DENIED,     OK},
{"UPDATE customer directly",                   "UPDATE customer SET email = 'x@example.com'",                                  0,     DENIED,     DENIED,     DENIED,     DENIED},
{"edit contact details, nobody verified",      "SELECT customer_update_contact(1, (SELECT version FROM customer WHERE id = 1), "
                                               "'olena@ukr.net', NULL, NULL)",                                                 0,     UNVERIFIED, UNVERIFIED, UNVERIFIED, DENIED},
{"edit contact details, code word verified",   kEditContactVerified,                                                           4,     OK,         OK,         OK,         DENIED},
{"verify a caller by ID document",             kVerifyByDocument,                                                              3,     DENIED,     OK,         OK,         DENIED},
{"close a colleague's interaction",            "SELECT interaction_close(1000, 'not mine')",                                   0,     DENIED,     DENIED,     DENIED,     DENIED},
{"file a change under a colleague's call",     "DO $$ BEGIN SET LOCAL subdesk.interaction_id = '1000'; "
                                               "PERFORM balance_adjust(1, 100, 'test', gen_random_uuid()::text); END $$",      0,     DENIED,     DENIED,     DENIED,     DENIED},
{"send a password-reset code, nobody verified", "SELECT sent_at FROM password_reset_send(1)",                                   0,     UNVERIFIED, UNVERIFIED, UNVERIFIED, DENIED},
{"send a password-reset code, caller verified", kResetVerified,                                                                4,     OK,         OK,         OK,         DENIED},
{"send a caller-verification code by SMS",     kSendVerificationCode,                                                          3,     OK,         OK,         OK,         DENIED},
{"see when the last code was sent",            "SELECT count(*) FROM otp_status(1)",                                           0,     "=1",       "=1",       "=1",       DENIED},
{"read the text or code of an SMS",            "SELECT body, secret FROM outbox",                                              0,     DENIED,     DENIED,     DENIED,     DENIED},
{"call the self-care site's functions",        "SELECT selfcare_check_password('+380671234567')",                              0,     DENIED,     DENIED,     DENIED,     DENIED},
{"restore a SIM, code word verified",          kRestoreCodeWord,                                                               0,     DENIED,     NO_DOCUMENT, NO_DOCUMENT, DENIED},
{"restore a SIM from another office's stock",  kRestoreOtherOffice,                                                            0,     DENIED,     DENIED,     DENIED,     DENIED},
{"restore a SIM, ID document checked",         kRestoreDocument,                                                               6,     DENIED,     OK,         OK,         DENIED},
{"read sim_swap_recent (72 hours)",            "SELECT count(*) FROM sim_swap_recent",                                         0,     "=2",       "=2",       "=2",       DENIED},
{"change a lost SIM back (UPDATE sim)",        "UPDATE sim SET status = 'active' WHERE status = 'lost'",                       0,     DENIED,     DENIED,     DENIED,     DENIED},
{"take a cash payment (payment_take)",         "SELECT payment_take(1, 5000, 'cash', NULL, NULL, NULL, gen_random_uuid()::text)", 2,  DENIED,     OK,         OK,         DENIED},
{"record a bank transfer (payment_take)",      "SELECT payment_take(1, 5000, 'bank', NULL, NULL, 'ПД-1', gen_random_uuid()::text)", 2, OK,        OK,         OK,         DENIED},
{"payment with a card number as receipt",      "SELECT payment_take(1, 5000, 'bank', NULL, NULL, '4111 1111 1111 1111', gen_random_uuid()::text)", 0, CARD_NUMBER, CARD_NUMBER, CARD_NUMBER, DENIED},
{"charge a fee (account_charge, billing only)", "SELECT account_charge(1, 100, 'service_fee', 'x', gen_random_uuid()::text)",  0,     DENIED,     DENIED,     DENIED,     DENIED},
{"transfer money, nobody verified",            "SELECT balance_transfer(1, 2, 100, 'x', gen_random_uuid()::text)",             0,     UNVERIFIED, UNVERIFIED, UNVERIFIED, DENIED},
{"change the tariff to the same one",          "SELECT tariff_change_request(1, 1, 'now')",                                    0,     NOT_POSSIBLE, NOT_POSSIBLE, NOT_POSSIBLE, DENIED},
{"connect an unknown service",                 "SELECT service_connect(1, 999)",                                               0,     NO_SERVICE, NO_SERVICE, NO_SERVICE, DENIED},
{"edit the profile, nobody verified",          "SELECT customer_update_profile(1, (SELECT version FROM customer WHERE id = 1), "
                                               "'Коваленко', 'Олена', NULL, NULL, NULL, NULL, true, false)",                   0,     UNVERIFIED, UNVERIFIED, UNVERIFIED, DENIED},
{"list the promotions a line may join",       "SELECT count(*) FROM promotion_offers(1)",                                     0,     "=1",       "=1",       "=1",       DENIED},
{"join and leave a promotion",                 "DO $$ BEGIN PERFORM promotion_join(1, 1); PERFORM promotion_leave(1, 1); END $$", 2,  OK,         OK,         OK,         DENIED},
{"join a promotion for another tariff",        "SELECT promotion_join(1, 2)",                                                  0,     NO_PROMOTION, NO_PROMOTION, NO_PROMOTION, DENIED},
{"leave a promotion never joined",             "SELECT promotion_leave(1, 1)",                                                 0,     NOT_ENROLLED, NOT_ENROLLED, NOT_ENROLLED, DENIED},
{"create a family group, nobody verified",     "SELECT family_create(1, 'Родина')",                                            0,     UNVERIFIED, UNVERIFIED, UNVERIFIED, DENIED},
{"create a family group, owner verified",      kFamilyCreate,                                                                  4,     OK,         NO_FAMILY,  NO_FAMILY,  DENIED},
{"add and remove a family account, verified",  kFamilyAddRemove,                                                               5,     OK,         OK,         OK,         DENIED},
{"add a family account, nobody verified",      "SELECT family_add((SELECT id FROM family_group), 2)",                          0,     UNVERIFIED, UNVERIFIED, UNVERIFIED, DENIED},
{"UPDATE account SET family_group_id (plain)", "UPDATE account SET family_group_id = NULL",                                    0,     DENIED,     DENIED,     DENIED,     DENIED},
{"record a feedback ticket",                   kTicketOpen,                                                                    3,     OK,         OK,         OK,         DENIED},
{"answer a ticket by e-mail",                  kTicketAnswer,                                                                  4,     OK,         OK,         OK,         DENIED},
{"answer an answered ticket",                  "SELECT ticket_answer((SELECT min(id) FROM ticket WHERE status = 'answered'), 'again')", 0, NO_ANSWER, NO_ANSWER, NO_ANSWER, DENIED},
{"INSERT INTO ticket (plain SQL)",             "INSERT INTO ticket(customer_id, subject, body) VALUES (1, 'x', 'y')",          0,     DENIED,     DENIED,     DENIED,     DENIED},
{"INSERT INTO outbox (plain SQL e-mail)",      "INSERT INTO outbox(channel, recipient, body) VALUES ('email', 'a@b.cd', 'x')", 0,     DENIED,     DENIED,     DENIED,     DENIED},
};
// clang-format on

// A migrated database with a little data and one login role per staff group.
struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address, is_callcentre) VALUES
        (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1', false),
        (2, 'LV1', 'Львів, Ринок', 'Lviv, Rynok', 'Львів', 'пл. Ринок, 1', false),
        (3, 'CC1', 'Контакт-центр', 'Call centre', 'Київ', 'вул. Теплична, 3', true);
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee)
        VALUES (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000);
      INSERT INTO customer(id, last_name, first_name, doc_kind, doc_number, tax_number, email,
                           contact_phone, code_word_hash)
        VALUES (1, 'Коваленко', 'Олена', 'passport', 'КВ123456', '1234567890', 'olena.koval@gmail.com',
                '+380671234567', crypt('соняшник', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000017', 1, 'mobile'), (2, '100000025', 1, 'home');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (1, '+380671234567', 1, 1), (2, '+380671234568', 1, 1);
      INSERT INTO sim(iccid, imsi, puk, status, office_id, line_id) VALUES
        ('8938001000000000010', '255010000000001', '11111111', 'active', NULL, 1),
        ('8938001000000000028', '255010000000002', '22222222', 'in_stock', 1, NULL),
        ('8938001000000000036', '255010000000003', '33333333', 'in_stock', 1, NULL),
        ('8938001000000000044', '255010000000004', '44444444', 'in_stock', 2, NULL),
        ('8938001000000000051', '255010000000005', '55555555', 'in_stock', 2, NULL),
        ('8938001000000000069', '255010000000006', '66666666', 'in_stock', 2, NULL);
      INSERT INTO interaction(id, staff_login, channel, customer_id) VALUES (1000, 'colleague', 'call', 1);
      INSERT INTO promotion(id, code, name_uk, name_en, starts_on, tariff_ids) VALUES
        (1, 'welcome', 'Вітаємо', 'Welcome', '2020-01-01', NULL), (2, 'other', 'Інший', 'Other', '2020-01-01', '{999}');
      SELECT setval('customer_id_seq', 100), setval('account_id_seq', 100), setval('line_id_seq', 100),
             setval('interaction_id_seq', 2000), setval('office_id_seq', 100), setval('tariff_plan_id_seq', 100);
    )");
    for (const std::string group : kGroups) db.addStaff(group, group, group == "agent" ? 3 : 1, "Test " + group);
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
  long long count(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
};

// Runs one rule's SQL in its own transaction: "ok", "=N" (when a number is wanted), or
// the SQLSTATE it failed with (message: the server's text).
std::string attempt(soci::session& sql, const std::string& statement, bool wantNumber, std::string& message) {
  try {
    soci::transaction tx(sql);
    std::string result = OK;
    if (wantNumber) {
      long long n = -1;
      sql << statement, soci::into(n);
      result = "=" + std::to_string(n);
    } else {
      sql << statement;
    }
    tx.commit();
    return result;
  } catch (const soci::soci_error& e) {
    message = e.get_error_message();
    return subdesk::sqlState(e);
  }
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(permissions, Desk)

BOOST_AUTO_TEST_CASE(every_group_against_every_guarded_action) {
  for (const Rule& rule : kRules) {
    const std::array<const char*, 4> expected{rule.agent, rule.sales, rule.supervisor, rule.admin};
    bool wantNumber = false;
    for (const char* e : expected) wantNumber = wantNumber || e[0] == '=';
    for (std::size_t g = 0; g < kGroups.size(); ++g) {
      const std::string group = kGroups[g];
      const std::string want = expected[g];
      const long long before = lastAuditId();
      std::string message;
      const std::string got = attempt(as(group), rule.sql, wantNumber, message);
      const bool succeeded = got == OK || got[0] == '=';
      BOOST_TEST_CONTEXT(rule.action << " as " << group << (message.empty() ? "" : ": " + message)) {
        BOOST_TEST(got == want);
        // A success leaves exactly its audit rows, all in the staff member's name; a
        // refusal leaves none.
        const long long rows = count("SELECT count(*) FROM audit_log WHERE id > " + std::to_string(before));
        BOOST_TEST(rows == (succeeded ? rule.auditRows : 0));
        const long long foreign = count("SELECT count(*) FROM audit_log WHERE id > " + std::to_string(before) +
                                        " AND who <> '" + login(group) + "'");
        BOOST_TEST(foreign == 0);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(adjustment_limits_hold_whatever_the_route) {
  soci::session& agent = as("agent");
  std::string message;
  BOOST_TEST(attempt(agent, "SELECT balance_adjust(1, 10000, 'outage', 'a-1')", false, message) == OK);
  BOOST_TEST(attempt(agent, "SELECT balance_adjust(1, 10001, 'outage', 'a-2')", false, message) == OVER_LIMIT);
  BOOST_TEST(message.find("100.01 UAH exceeds your limit of 100.00 UAH") != std::string::npos, message);
  BOOST_TEST(attempt(as("sales"), "SELECT balance_adjust(1, -100001, 'outage', 's-1')", false, message) == OVER_LIMIT);
  BOOST_TEST(message.find("limit of 1,000.00 UAH") != std::string::npos, message);
  BOOST_TEST(attempt(as("supervisor"), "SELECT balance_adjust(1, 1000001, 'outage', 'v-1')", false, message) == OVER_LIMIT);
  BOOST_TEST(message.find("limit of 10,000.00 UAH") != std::string::npos, message);
  // Plain SQL around the function: no INSERT on the ledger, no UPDATE on the balance,
  // no way to become a bigger role.
  BOOST_TEST(attempt(agent, "INSERT INTO ledger(account_id, amount, kind, idempotency_key) "
                            "VALUES (1, 50000, 'adjustment', 'plain')", false, message) == DENIED);
  BOOST_TEST(attempt(agent, "UPDATE account SET balance = 50000 WHERE id = 1", false, message) == DENIED);
  BOOST_TEST(attempt(agent, "SET LOCAL ROLE subdesk_supervisor", false, message) == DENIED);
  BOOST_TEST(attempt(agent, "SET LOCAL ROLE subdesk_owner", false, message) == DENIED);
  // The only movement is the agent's 100.00 UAH.
  BOOST_TEST(count("SELECT balance FROM account WHERE id = 1") == 10000);
  BOOST_TEST(count("SELECT count(*) FROM ledger") == 1);
}

BOOST_AUTO_TEST_CASE(adjustment_is_idempotent) {
  soci::session& sales = as("sales");
  long long first = 0, second = 0;
  sales << "SELECT balance_adjust(1, 25000, 'tariff error', 'key-7')", soci::into(first);
  sales << "SELECT balance_adjust(1, 25000, 'tariff error', 'key-7')", soci::into(second);
  BOOST_TEST(first == second);
  BOOST_TEST(count("SELECT balance FROM account WHERE id = 1") == 25000);
  BOOST_TEST(count("SELECT count(*) FROM ledger WHERE kind = 'adjustment'") == 1);
  BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE table_name = 'ledger' AND who = '" + login("sales") + "'") == 1);
  // The same key for another amount is a mistake, not a retry.
  std::string message;
  BOOST_TEST(attempt(sales, "SELECT balance_adjust(1, 26000, 'tariff error', 'key-7')", false, message) == "SD007");
  // The ledger row says who, why and with which key.
  std::string description, key, createdBy;
  *admin << "SELECT description, idempotency_key, created_by FROM ledger WHERE id = " + std::to_string(first),
      soci::into(description), soci::into(key), soci::into(createdBy);
  BOOST_TEST(description == "tariff error");
  BOOST_TEST(key == "adjust:key-7");
  BOOST_TEST(createdBy == login("sales"));
}

BOOST_AUTO_TEST_SUITE_END()
