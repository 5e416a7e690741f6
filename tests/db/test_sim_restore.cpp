// SIM restore at the office: one transaction with every effect, refusals that change
// nothing, and two desks racing for the same line or the same stock SIM.
#define BOOST_TEST_MODULE sim_restore
#include <boost/test/unit_test.hpp>

#include <barrier>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/sim_restore.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::UserError;
using subdesk::services::SimRestore;
using subdesk::services::SimRestoreReason;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

constexpr const char* kOld = "8938001000000000010";     // active on line 1
constexpr const char* kStock1 = "8938001000000000028";  // office 1 stock
constexpr const char* kStock2 = "8938001000000000036";  // office 1 stock
constexpr const char* kOtherOffice = "8938001000000000044";
constexpr const char* kActiveElsewhere = "8938001000000000051";  // active on line 4
constexpr const char* kLost = "8938001000000000069";             // lost, was on line 3
constexpr const char* kUnknown = "8938001000000000093";          // valid, not in the database
constexpr const char* kBadCheckDigit = "8938001000000000029";

struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;
  const std::map<std::string, std::pair<std::string, int>> staff{
      {"sales1", {"sales", 1}}, {"sales2", {"sales", 1}}, {"lviv", {"sales", 2}}, {"agent", {"agent", 1}}};

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      ALTER DATABASE )" + db.name() + R"( SET subdesk.allow_test_clock = on;
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES
        (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1'),
        (2, 'LV1', 'Львів, Ринок', 'Lviv, Rynok', 'Львів', 'пл. Ринок, 1');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee) VALUES (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000);
      INSERT INTO service(id, code, kind, name_uk, name_en, monthly_fee) VALUES (1, 'roam', 'mobile', 'Роумінг', 'Roaming', 0);
      INSERT INTO customer(id, last_name, first_name, doc_kind, doc_number, language, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', 'passport', 'КВ123456', 'uk', crypt('соняшник', gen_salt('bf', 4))),
        (2, 'Smith', 'John', 'foreign_passport', 'AB1234567', 'en', NULL);
      INSERT INTO account(id, number, customer_id, kind, balance, bonus_balance) VALUES
        (1, '100000017', 1, 'mobile', 12345, 500), (2, '100000025', 2, 'mobile', 0, 0);
      INSERT INTO line(id, msisdn, account_id, tariff_id, status, closed_at) VALUES
        (1, '+380671234567', 1, 1, 'active', NULL), (2, '+380501112233', 1, 1, 'closed', now()),
        (3, '+380671110000', 1, 1, 'active', NULL), (4, '+380931234567', 2, 1, 'active', NULL);
      INSERT INTO line_service(line_id, service_id) VALUES (1, 1);
      INSERT INTO sim(iccid, imsi, puk, status, office_id, line_id) VALUES
        ('8938001000000000010', '255010000000001', '11111111', 'active', NULL, 1),
        ('8938001000000000028', '255010000000002', '22222222', 'in_stock', 1, NULL),
        ('8938001000000000036', '255010000000003', '33333333', 'in_stock', 1, NULL),
        ('8938001000000000044', '255010000000004', '44444444', 'in_stock', 2, NULL),
        ('8938001000000000051', '255010000000005', '55555555', 'active', 1, 4),
        ('8938001000000000069', '255010000000006', '66666666', 'lost', 1, 3);
    )");
    for (const auto& [who, what] : staff) db.addStaff(who, what.first, what.second, "Test " + who);
  }
  std::string login(const std::string& who) const { return db.login(who); }
  soci::session& as(const std::string& who) {
    auto& s = sessions[who];
    if (!s) {
      s = db.connectAs(who);
      *s << "SET subdesk.test_now = '2024-05-14 14:02:00+03'";
    }
    return *s;
  }
  // An office visit of this customer, verified by document (or by code word).
  long long visit(soci::session& s, long long customer, bool document = true) {
    long long id = 0;
    s << "SELECT interaction_open('visit', NULL, " + std::to_string(customer) + ")", soci::into(id);
    int ok = 0;
    if (document) {
      const std::string doc = customer == 1 ? "'КВ 123456', 'passport'" : "'AB1234567', 'foreign_passport'";
      s << "SELECT interaction_verify(" + std::to_string(id) + ", 'document', " + doc + ")::int",
          soci::into(ok);
    } else {
      s << "SELECT interaction_verify(" + std::to_string(id) + ", 'code_word', 'соняшник')::int",
          soci::into(ok);
    }
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
  // Everything a restore could change, as one string.
  std::string state() {
    return text(
               "SELECT string_agg(iccid || ':' || status || ':' || coalesce(line_id::text, '-'), ' ' ORDER "
               "BY iccid) "
               "FROM sim") +
           text("SELECT ' swaps=' || count(*) FROM sim_swap") +
           text("SELECT ' sms=' || count(*) FROM outbox") +
           text("SELECT ' audit=' || count(*) FROM audit_log WHERE table_name IN ('sim', 'sim_swap')");
  }
};

// The UserError code a restore fails with ("" if it succeeds).
std::string refusal(SimRestore& sims, long long line, const std::string& iccid,
                    const std::string& old = kOld) {
  try {
    sims.restore(line, iccid, SimRestoreReason::Lost, old);
    return "";
  } catch (const UserError& e) {
    BOOST_TEST_MESSAGE(e.code() << ": " << e.what());
    return e.code();
  }
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sim_restore, Desk)

BOOST_AUTO_TEST_CASE(one_transaction_with_every_effect) {
  soci::session& sales = as("sales1");
  const long long iid = visit(sales, 1);
  SimRestore sims(sales);
  const auto c = sims.check(1, "8938 0010 0000 0000 028");
  BOOST_TEST(c.ok, c.reason);
  BOOST_TEST(c.oldIccid == kOld);
  BOOST_TEST(c.msisdn == "+380671234567");
  BOOST_TEST(c.newIccid == kStock1);
  BOOST_TEST(c.officeNameUk == "Київ, Хрещатик");

  const auto r = sims.restore(1, "8938 0010 0000 0000 028", SimRestoreReason::Stolen, c.oldIccid);
  BOOST_TEST(r.swapId > 0);
  BOOST_TEST(r.msisdn == "+380671234567");
  BOOST_TEST(r.oldIccid == kOld);
  BOOST_TEST(r.newIccid == kStock1);
  BOOST_TEST(r.reason == "stolen");
  BOOST_TEST(r.docKind == "passport");
  BOOST_TEST(r.officeNameEn == "Kyiv, Khreshchatyk");
  BOOST_TEST(r.staffLogin == login("sales1"));
  BOOST_TEST(r.staffName == "Test sales1");
  BOOST_TEST(r.swappedAtLocal == "14.05.2024 14:02");

  // Old SIM lost, new SIM active on the same line; number, tariff, services, money kept.
  BOOST_TEST(text("SELECT status || ':' || line_id FROM sim WHERE iccid = '" + std::string(kOld) + "'") ==
             "lost:1");
  BOOST_TEST(text("SELECT status || ':' || line_id FROM sim WHERE iccid = '" + std::string(kStock1) + "'") ==
             "active:1");
  BOOST_TEST(text("SELECT msisdn || ':' || tariff_id || ':' || status FROM line WHERE id = 1") ==
             "+380671234567:1:active");
  BOOST_TEST(number("SELECT count(*) FROM line_service WHERE line_id = 1 AND ends_on IS NULL") == 1);
  BOOST_TEST(text("SELECT balance || ':' || bonus_balance FROM account WHERE id = 1") == "12345:500");
  // The sim_swap row.
  BOOST_TEST(text("SELECT reason || ':' || doc_kind || ':' || office_id || ':' || staff_login || ':' || "
                  "interaction_id "
                  "FROM sim_swap") == "stolen:passport:1:" + login("sales1") + ":" + std::to_string(iid));
  // Audit: both SIMs and the swap, in the staff member's name, under the visit.
  BOOST_TEST(
      number("SELECT count(*) FROM audit_log WHERE table_name IN ('sim', 'sim_swap') AND action <> 'INSERT' "
             "OR table_name = 'sim_swap'") == 3);
  BOOST_TEST(
      number("SELECT count(*) FROM audit_log WHERE (table_name = 'sim' AND action = 'UPDATE' OR table_name = "
             "'sim_swap') AND who = '" +
             login("sales1") + "' AND interaction_id = " + std::to_string(iid) +
             " AND line_id = 1 AND customer_id = 1") == 3);
  // The SMS: to the number, where and when, and whom to call.
  BOOST_TEST(text("SELECT channel || ' ' || recipient || ' ' || status FROM outbox") ==
             "sms +380671234567 queued");
  const std::string body = text("SELECT body FROM outbox");
  BOOST_TEST(body.find("Київ, Хрещатик") != std::string::npos, body);
  BOOST_TEST(body.find("14.05.2024 о 14:02") != std::string::npos, body);
  BOOST_TEST(body.find("0 800 300-466") != std::string::npos, body);
  BOOST_TEST(
      number("SELECT count(*) FROM outbox WHERE secret IS NULL AND customer_id = 1 AND interaction_id = " +
             std::to_string(iid)) == 1);

  // A lost SIM stays lost, whoever asks (the superuser included).
  std::string state;
  try {
    *admin << "UPDATE sim SET status = 'active' WHERE iccid = '" + std::string(kOld) + "'";
  } catch (const soci::soci_error& e) {
    state = subdesk::sqlState(e);
  }
  BOOST_TEST(state == "SD029");
}

BOOST_AUTO_TEST_CASE(sim_swap_recent_shows_72_hours_to_partners_and_staff) {
  soci::session& sales = as("sales1");
  visit(sales, 1);
  SimRestore(sales).restore(1, kStock1, SimRestoreReason::Lost, kOld);
  db.addLogin("bank", "subdesk_partner");
  {
    auto bank = db.connectAs("bank");
    std::string msisdn;
    *bank << "SET subdesk.test_now = '2024-05-17 14:01:00+03'";
    *bank << "SELECT msisdn FROM sim_swap_recent", soci::into(msisdn);
    BOOST_TEST(msisdn == "+380671234567");
    long long n = -1;
    *bank << "SET subdesk.test_now = '2024-05-17 14:02:00+03'";
    *bank << "SELECT count(*) FROM sim_swap_recent", soci::into(n);
    BOOST_TEST(n == 0);
    // Partners see that view and nothing else.
    std::string denied;
    try {
      *bank << "SELECT count(*) FROM sim_swap", soci::into(n);
    } catch (const soci::soci_error& e) {
      denied = subdesk::sqlState(e);
    }
    BOOST_TEST(denied == "42501");
    long long agentSees = 0;
    as("agent") << "SELECT count(*) FROM sim_swap_recent", soci::into(agentSees);
    BOOST_TEST(agentSees == 1);
  }
}

BOOST_AUTO_TEST_CASE(refused_without_an_id_document_check) {
  const std::string before = state();
  soci::session& sales = as("sales1");
  SimRestore sims(sales);
  // Nobody verified.
  BOOST_TEST(sims.check(1, kStock1).problem == "not_verified");
  BOOST_TEST(refusal(sims, 1, kStock1) == "SD001");
  // Verified by code word only: not enough for a SIM.
  visit(sales, 1, false);
  const auto c = sims.check(1, kStock1);
  BOOST_TEST(c.problem == "not_document");
  BOOST_TEST(c.reason.find("ID document") != std::string::npos, c.reason);
  BOOST_TEST(refusal(sims, 1, kStock1) == "SD024");
  // Agents never restore SIMs.
  std::string denied;
  try {
    as("agent") << "SELECT sim_restore(1, '" + std::string(kStock1) + "', 'lost', '" + kOld + "')";
  } catch (const soci::soci_error& e) {
    denied = subdesk::sqlState(e);
  }
  BOOST_TEST(denied == "42501");
  BOOST_TEST(state() == before);
}

BOOST_AUTO_TEST_CASE(bad_input_gives_a_clear_reason_and_changes_nothing) {
  soci::session& sales = as("sales1");
  visit(sales, 1);
  const std::string before = state();
  SimRestore sims(sales);
  struct Case {
    long long line;
    std::string iccid;
    std::string problem;
    std::string sqlstate;
    std::string says;
  };
  const Case cases[] = {
      {1, kBadCheckDigit, "iccid_invalid", "22023", "check digit"},
      {1, "8938-0010-0000", "iccid_invalid", "22023", "19 or 20 digits"},
      {1, kOtherOffice, "sim_other_office", "42501", "another office"},
      {1, kActiveElsewhere, "sim_active", "SD026", "already active"},
      {1, kLost, "sim_lost", "SD027", "lost"},
      {1, kUnknown, "sim_unknown", "SD028", "No SIM card"},
      {2, kStock1, "line_closed", "SD023", "closed"},
      {3, kStock1, "no_active_sim", "SD025", "no active SIM"},
  };
  for (const Case& k : cases) {
    BOOST_TEST_CONTEXT("line " << k.line << ", ICCID " << k.iccid) {
      const auto c = sims.check(k.line, k.iccid);
      BOOST_TEST(!c.ok);
      BOOST_TEST(c.problem == k.problem);
      BOOST_TEST(c.reason.find(k.says) != std::string::npos, c.reason);
      try {
        sims.restore(k.line, k.iccid, SimRestoreReason::Lost, kOld);
        BOOST_ERROR("restore succeeded");
      } catch (const UserError& e) {
        BOOST_TEST(e.code() == k.sqlstate);
        BOOST_TEST(std::string(e.what()) == c.reason);
      }
    }
  }
  // The desk's summary showed another SIM than the one now active: refused.
  BOOST_TEST(refusal(sims, 1, kStock1, kStock2) == "SD003");
  BOOST_TEST(state() == before);
}

BOOST_AUTO_TEST_CASE(two_desks_restore_the_same_line_at_once) {
  soci::session& a = as("sales1");
  soci::session& b = as("sales2");
  visit(a, 1);
  visit(b, 1);
  std::barrier start(2);
  std::string outcome[2];
  auto desk = [&](int i, soci::session& s, const char* iccid) {
    SimRestore sims(s);
    const auto c = sims.check(1, iccid);  // both summaries show the same old SIM
    start.arrive_and_wait();
    outcome[i] = refusal(sims, 1, iccid, c.oldIccid);
  };
  std::thread ta(desk, 0, std::ref(a), kStock1);
  std::thread tb(desk, 1, std::ref(b), kStock2);
  ta.join();
  tb.join();
  BOOST_TEST(((outcome[0].empty() && outcome[1] == "SD003") || (outcome[1].empty() && outcome[0] == "SD003")),
             outcome[0] << " / " << outcome[1]);
  const std::string winner = outcome[0].empty() ? kStock1 : kStock2;
  const std::string loser = outcome[0].empty() ? kStock2 : kStock1;
  BOOST_TEST(number("SELECT count(*) FROM sim_swap") == 1);
  BOOST_TEST(number("SELECT count(*) FROM outbox") == 1);
  BOOST_TEST(number("SELECT count(*) FROM sim WHERE line_id = 1 AND status = 'active'") == 1);
  BOOST_TEST(text("SELECT status FROM sim WHERE iccid = '" + winner + "'") == "active");
  BOOST_TEST(text("SELECT status || coalesce(line_id::text, '') FROM sim WHERE iccid = '" + loser + "'") ==
             "in_stock");
  BOOST_TEST(text("SELECT status FROM sim WHERE iccid = '" + std::string(kOld) + "'") == "lost");
}

BOOST_AUTO_TEST_CASE(two_desks_take_the_same_stock_sim_at_once) {
  soci::session& a = as("sales1");
  soci::session& b = as("sales2");
  visit(a, 1);
  visit(b, 2);
  std::barrier start(2);
  std::string outcome[2];
  auto desk = [&](int i, soci::session& s, long long line, const char* old) {
    SimRestore sims(s);
    start.arrive_and_wait();
    outcome[i] = refusal(sims, line, kStock1, old);
  };
  std::thread ta(desk, 0, std::ref(a), 1, kOld);
  std::thread tb(desk, 1, std::ref(b), 4, kActiveElsewhere);
  ta.join();
  tb.join();
  BOOST_TEST(((outcome[0].empty() && outcome[1] == "SD026") || (outcome[1].empty() && outcome[0] == "SD026")),
             outcome[0] << " / " << outcome[1]);
  const long long winnerLine = outcome[0].empty() ? 1 : 4;
  const std::string loserOld = outcome[0].empty() ? kActiveElsewhere : kOld;
  BOOST_TEST(number("SELECT count(*) FROM sim_swap") == 1);
  BOOST_TEST(number("SELECT line_id FROM sim WHERE iccid = '" + std::string(kStock1) +
                    "' AND status = 'active'") == winnerLine);
  BOOST_TEST(text("SELECT status FROM sim WHERE iccid = '" + loserOld + "'") == "active");
  BOOST_TEST(number("SELECT count(*) FROM outbox") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
