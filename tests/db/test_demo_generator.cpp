// The demo data generator: plausible, valid, coherent (balances are ledger sums, usage rows
// are call-record sums), deterministic, and only for an empty database.
#define BOOST_TEST_MODULE demo_generator
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/demo/demo_generator.h"
#include "core/util/error.h"
#include "test_database.h"

using namespace subdesk;

using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

// Pinned "now" (2025-06-15 15:06:40 UTC), so that runs on different days compare equal.
constexpr std::int64_t kAsOf = 1'750'000'000;

long long scalar(soci::session& sql, const std::string& query) {
  long long value = 0;
  sql << query, soci::into(value);
  return value;
}

std::string text(soci::session& sql, const std::string& query) {
  std::string value;
  sql << query, soci::into(value);
  return value;
}

demo::Options options(long subscribers, std::uint64_t seed) {
  demo::Options o;
  o.subscribers = subscribers;
  o.seed = seed;
  o.asOf = kAsOf;
  return o;
}

struct Progress {
  std::string stage;
  long done, total;
};

// One database with 300 subscribers of seed 42, generated once for the checks below.
struct Generated {
  test::TestDatabase db;
  std::unique_ptr<soci::session> sql = db.admin();
  std::vector<Progress> progress;
  demo::Summary summary =
      demo::DemoGenerator(*sql).run(options(300, 42), [this](const std::string& s, long d, long t) {
        progress.push_back({s, d, t});
      });
};

Generated& generated() {
  static Generated g;
  return g;
}

// Fingerprints of the generated content, to compare two databases.
std::vector<std::string> fingerprints(soci::session& sql) {
  return {
      text(sql, "SELECT md5(string_agg(msisdn, ',' ORDER BY msisdn)) FROM line"),
      text(sql,
           "SELECT md5(string_agg(concat_ws('|', last_name, first_name, patronymic, birth_date, "
           "doc_number, tax_number, address, email), ',' ORDER BY id)) FROM customer"),
      text(sql,
           "SELECT md5(string_agg(concat_ws('|', number, balance, bonus_balance, status), ',' "
           "ORDER BY id)) FROM account"),
      text(sql, "SELECT md5(string_agg(iccid, ',' ORDER BY iccid)) FROM sim"),
      text(sql,
           "SELECT md5(string_agg(concat_ws('|', line_id, started_at, kind, direction, other_number, "
           "duration_s, volume_kb, charge), ',' ORDER BY id)) FROM cdr"),
      text(sql,
           "SELECT md5(string_agg(concat_ws('|', account_id, wallet, amount, kind, created_at), ',' "
           "ORDER BY id)) FROM ledger"),
  };
}

}  // namespace

BOOST_AUTO_TEST_CASE(counts_are_plausible) {
  auto& sql = *generated().sql;
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM customer") == 300);
  const auto accounts = scalar(sql, "SELECT count(*) FROM account");
  BOOST_TEST((accounts >= 300 && accounts <= 420));
  const auto lines = scalar(sql, "SELECT count(*) FROM line");
  BOOST_TEST((lines >= 300 && lines <= 450));
  for (const char* kind : {"mobile", "home"}) {
    const auto tariffs =
        scalar(sql, std::string("SELECT count(*) FROM tariff_plan WHERE kind = '") + kind + "'");
    BOOST_TEST((tariffs >= 5 && tariffs <= 8), kind << " tariffs: " << tariffs);
  }
  const auto services = scalar(sql, "SELECT count(*) FROM service");
  BOOST_TEST((services >= 6 && services <= 10));
  BOOST_TEST(scalar(sql,
                    "SELECT count(*) FROM (SELECT exclusive_group FROM service WHERE exclusive_group "
                    "IS NOT NULL GROUP BY 1 HAVING count(*) >= 2) g") >= 1);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM promotion") >= 2);
  const auto offices = scalar(sql, "SELECT count(*) FROM office WHERE NOT is_callcentre");
  BOOST_TEST((offices >= 5 && offices <= 8));
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM office WHERE is_callcentre") == 1);
  BOOST_TEST(scalar(sql, "SELECT count(DISTINCT office_id) FROM sim WHERE status = 'in_stock'") == offices);
  BOOST_TEST(scalar(sql,
                    "SELECT min(n) FROM (SELECT count(*) n FROM sim WHERE status = 'in_stock' "
                    "GROUP BY office_id) s") >= 50);
  // About 30 records per subscriber over three months.
  const auto cdrs = scalar(sql, "SELECT count(*) FROM cdr");
  BOOST_TEST((cdrs >= 300 * 20 && cdrs <= 300 * 45), "call records: " << cdrs);
  for (const char* kind : {"voice", "sms", "data"})
    BOOST_TEST(scalar(sql, std::string("SELECT count(*) FROM cdr WHERE kind = '") + kind + "'") > 300);
  const auto homes = scalar(sql, "SELECT count(*) FROM home_internet");
  BOOST_TEST((homes >= 15 && homes <= 90), "home internet: " << homes);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM contract") == homes);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM family_group") >= 1);
  BOOST_TEST(scalar(sql,
                    "SELECT min(n) FROM (SELECT count(*) n FROM account WHERE family_group_id IS NOT NULL "
                    "GROUP BY family_group_id) f") >= 2);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM payment") > 300);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM account WHERE balance < 0") >= 1);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM line WHERE status = 'closed'") >= 1);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM customer WHERE email IS NOT NULL") >= 100);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM customer WHERE email IS NOT NULL") <= 200);
}

BOOST_AUTO_TEST_CASE(summary_counts_match_tables) {
  auto& g = generated();
  for (const auto& [table, rows] : g.summary.rows)
    BOOST_TEST(scalar(*g.sql, "SELECT count(*) FROM " + table) == rows, table);
}

BOOST_AUTO_TEST_CASE(balances_are_ledger_sums) {
  auto& sql = *generated().sql;
  BOOST_TEST(scalar(sql,
                    "SELECT count(*) FROM account a LEFT JOIN (SELECT account_id, "
                    "  sum(amount) FILTER (WHERE wallet = 'main') AS main, "
                    "  sum(amount) FILTER (WHERE wallet = 'bonus') AS bonus "
                    "  FROM ledger GROUP BY account_id) s ON s.account_id = a.id "
                    "WHERE a.balance <> coalesce(s.main, 0) OR a.bonus_balance <> coalesce(s.bonus, 0)") ==
             0);
  // Every top-up is a payment row pointing at its own ledger row, same account and amount.
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM ledger WHERE kind = 'payment'") ==
             scalar(sql,
                    "SELECT count(*) FROM payment p JOIN ledger l ON l.id = p.ledger_id "
                    "AND l.account_id = p.account_id AND l.amount = p.amount AND l.kind = 'payment'"));
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM payment WHERE method = 'pos' AND rrn IS NULL") == 0);
}

BOOST_AUTO_TEST_CASE(usage_rows_are_call_record_sums) {
  auto& sql = *generated().sql;
  const std::string perMonth =
      "SELECT l.account_id, date_trunc('month', c.started_at AT TIME ZONE 'Europe/Kyiv') AS month, "
      "sum(c.charge) AS total FROM cdr c JOIN line l ON l.id = c.line_id GROUP BY 1, 2 HAVING sum(c.charge) "
      "> 0";
  const std::string usage =
      "SELECT account_id, date_trunc('month', created_at AT TIME ZONE 'Europe/Kyiv') AS month, "
      "-sum(amount) AS total FROM ledger WHERE kind = 'usage' GROUP BY 1, 2";
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM ledger WHERE kind = 'usage'") > 0);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM ((" + perMonth + ") EXCEPT (" + usage + ")) d") == 0);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM ((" + usage + ") EXCEPT (" + perMonth + ")) d") == 0);
}

BOOST_AUTO_TEST_CASE(references_are_intact) {
  // Loaded without per-row foreign-key checks: check them all at once.
  auto& sql = *generated().sql;
  const char* orphans[] = {
      "SELECT count(*) FROM account a WHERE NOT EXISTS (SELECT FROM customer c WHERE c.id = a.customer_id)",
      "SELECT count(*) FROM account a WHERE family_group_id IS NOT NULL AND NOT EXISTS "
      "(SELECT FROM family_group f WHERE f.id = a.family_group_id)",
      "SELECT count(*) FROM family_group f WHERE NOT EXISTS (SELECT FROM account a JOIN customer c ON "
      "c.id = a.customer_id WHERE a.family_group_id = f.id AND c.id = f.owner_customer_id)",
      "SELECT count(*) FROM line l WHERE NOT EXISTS (SELECT FROM account a WHERE a.id = l.account_id AND "
      "a.kind = 'mobile')",
      "SELECT count(*) FROM line l WHERE NOT EXISTS (SELECT FROM tariff_plan t WHERE t.id = l.tariff_id AND "
      "t.kind = 'mobile')",
      "SELECT count(*) FROM line l WHERE NOT EXISTS (SELECT FROM sim s WHERE s.line_id = l.id AND s.status = "
      "'active')",
      "SELECT count(*) FROM sim s WHERE line_id IS NOT NULL AND NOT EXISTS (SELECT FROM line l WHERE l.id = "
      "s.line_id)",
      "SELECT count(*) FROM cdr c WHERE NOT EXISTS (SELECT FROM line l WHERE l.id = c.line_id)",
      "SELECT count(*) FROM cdr c JOIN line l ON l.id = c.line_id WHERE c.started_at < l.activated_at "
      "OR c.started_at >= coalesce(l.closed_at, 'infinity')",
      "SELECT count(*) FROM ledger g WHERE NOT EXISTS (SELECT FROM account a WHERE a.id = g.account_id)",
      "SELECT count(*) FROM payment p WHERE NOT EXISTS (SELECT FROM ledger g WHERE g.id = p.ledger_id)",
      "SELECT count(*) FROM home_internet h WHERE NOT EXISTS (SELECT FROM account a JOIN contract c ON "
      "c.account_id = a.id WHERE a.id = h.account_id AND a.kind = 'home' AND c.id = h.contract_id)",
      "SELECT count(*) FROM home_internet h JOIN account a ON a.id = h.account_id WHERE h.login <> a.number",
      "SELECT count(*) FROM line_service s WHERE NOT EXISTS (SELECT FROM line l WHERE l.id = s.line_id) "
      "OR NOT EXISTS (SELECT FROM service v WHERE v.id = s.service_id AND v.kind = 'mobile')",
      "SELECT count(*) FROM sim_swap w WHERE NOT EXISTS (SELECT FROM sim s WHERE s.id = w.old_sim_id "
      "AND s.line_id = w.line_id AND s.status IN ('lost', 'replaced')) OR NOT EXISTS (SELECT FROM "
      "interaction i WHERE i.id = w.interaction_id)",
      "SELECT count(*) FROM promotion_enrollment e WHERE NOT EXISTS (SELECT FROM line l WHERE l.id = "
      "e.line_id) "
      "OR NOT EXISTS (SELECT FROM promotion p WHERE p.id = e.promotion_id)",
      // At most one active service of an exclusive group per line at any day.
      "SELECT count(*) FROM line_service a JOIN line_service b ON a.line_id = b.line_id AND a.id < b.id "
      "JOIN service sa ON sa.id = a.service_id JOIN service sb ON sb.id = b.service_id "
      "WHERE sa.exclusive_group = sb.exclusive_group AND daterange(a.starts_on, a.ends_on, '[]') && "
      "daterange(b.starts_on, b.ends_on, '[]')",
  };
  for (const char* query : orphans) BOOST_TEST(scalar(sql, query) == 0, query);
}

BOOST_AUTO_TEST_CASE(ukrainian_people_and_numbers) {
  auto& sql = *generated().sql;
  BOOST_TEST(
      scalar(sql, "SELECT count(*) FROM customer WHERE last_name = 'Коваленко' AND first_name = 'Олена'") >=
      1);
  BOOST_TEST(
      scalar(sql, "SELECT count(*) FROM customer WHERE last_name LIKE '%’%' OR first_name LIKE '%’%'") >= 1);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM customer WHERE search_name LIKE 'мар''яненко мар''яна%'") >=
             1);
  BOOST_TEST(
      scalar(sql,
             "SELECT count(*) FROM customer WHERE patronymic NOT LIKE '%вна' AND patronymic NOT LIKE '%ич' "
             "AND patronymic NOT LIKE '%іч'") == 0);
  BOOST_TEST(scalar(sql,
                    "SELECT count(*) FROM customer WHERE doc_kind = 'passport' AND doc_number !~ "
                    "'^[А-ЯІЇЄҐ]{2}[0-9]{6}$'") == 0);
  BOOST_TEST(
      scalar(sql,
             "SELECT count(*) FROM customer WHERE doc_kind = 'id_card' AND doc_number !~ '^[0-9]{9}$'") == 0);
  BOOST_TEST(
      scalar(sql,
             "SELECT count(*) FROM customer WHERE birth_date NOT BETWEEN '1950-01-01' AND '2006-12-31'") ==
      0);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM customer WHERE email !~ '^[a-z0-9._]+@[a-z.]+$'") == 0);
  // MSISDNs unique, accounts and ICCIDs Luhn-valid (the CHECKs let them in), IMSIs unique.
  BOOST_TEST(scalar(sql, "SELECT count(*) - count(DISTINCT msisdn) FROM line") == 0);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM sim WHERE iccid NOT LIKE '89380%' OR NOT luhn_valid(iccid)") ==
             0);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM contract WHERE number !~ '^HI-20[0-9]{2}-[0-9]{6}$'") == 0);
}

BOOST_AUTO_TEST_CASE(call_records_span_three_months_with_emergency_calls) {
  auto& sql = *generated().sql;
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM cdr WHERE other_number = '112'") >= 1);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM cdr WHERE other_number = '103'") >= 1);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM cdr WHERE other_number IN ('112', '103') AND charge <> 0") ==
             0);
  BOOST_TEST(scalar(sql,
                    "SELECT count(*) FROM cdr WHERE started_at > to_timestamp(1750000000) "
                    "OR started_at < timestamptz '2025-03-15 15:06:40+00'") == 0);
  BOOST_TEST(scalar(sql, "SELECT count(DISTINCT tableoid) FROM cdr") >= 3);
  BOOST_TEST(scalar(sql, "SELECT count(*) FROM cdr_other") == 0);
  BOOST_TEST(scalar(sql,
                    "SELECT count(*) FROM cdr WHERE other_number IS NOT NULL AND other_number "
                    "NOT IN ('112', '103') AND NOT e164_valid(other_number)") == 0);
}

BOOST_AUTO_TEST_CASE(database_works_normally_afterwards) {
  auto& sql = *generated().sql;
  BOOST_TEST(text(sql, "SHOW session_replication_role") == "origin");
  // Sequences continue after the generated ids, and the ledger trigger moves money again.
  soci::transaction tx(sql);
  const auto maxId = scalar(sql, "SELECT max(id) FROM customer");
  BOOST_TEST(
      scalar(sql, "INSERT INTO customer (last_name, first_name) VALUES ('Тест', 'Тест') RETURNING id") >
      maxId);
  const auto before = scalar(sql, "SELECT balance FROM account WHERE id = 1");
  sql << "INSERT INTO ledger (account_id, amount, kind, idempotency_key) VALUES (1, 1234, 'payment', "
         "'test:1')";
  BOOST_TEST(scalar(sql, "SELECT balance FROM account WHERE id = 1") == before + 1234);
  tx.rollback();
}

BOOST_AUTO_TEST_CASE(progress_is_reported) {
  const auto& progress = generated().progress;
  BOOST_TEST_REQUIRE(!progress.empty());
  bool customers = false;
  for (const auto& p : progress) {
    BOOST_TEST((p.done >= 0 && p.done <= p.total), p.stage);
    customers |= p.stage == "customers" && p.done == 300 && p.total == 300;
  }
  BOOST_TEST(customers);
}

BOOST_AUTO_TEST_CASE(same_seed_same_data_other_seed_other_data) {
  const auto expected = fingerprints(*generated().sql);
  test::TestDatabase again;
  auto sql = again.admin();
  demo::DemoGenerator(*sql).run(options(300, 42));
  BOOST_TEST(fingerprints(*sql) == expected, boost::test_tools::per_element());

  test::TestDatabase other;
  auto otherSql = other.admin();
  demo::DemoGenerator(*otherSql).run(options(300, 43));
  BOOST_TEST(fingerprints(*otherSql)[0] != expected[0]);
}

BOOST_AUTO_TEST_CASE(second_run_is_refused_and_changes_nothing) {
  auto& g = generated();
  const auto ledger = scalar(*g.sql, "SELECT count(*) FROM ledger");
  try {
    demo::DemoGenerator(*g.sql).run(options(10, 1));
    BOOST_FAIL("a second run was not refused");
  } catch (const UserError& e) {
    BOOST_TEST(e.code() == "demo_not_empty");
    BOOST_TEST(std::string(e.what()).find("demo data goes only into an empty database") != std::string::npos);
  }
  BOOST_TEST(scalar(*g.sql, "SELECT count(*) FROM customer") == 300);
  BOOST_TEST(scalar(*g.sql, "SELECT count(*) FROM ledger") == ledger);
  BOOST_TEST(text(*g.sql, "SHOW session_replication_role") == "origin");
}

BOOST_AUTO_TEST_CASE(options_out_of_range_are_refused) {
  test::TestDatabase db;
  auto sql = db.admin();
  BOOST_CHECK_THROW(demo::DemoGenerator(*sql).run(options(0, 1)), UserError);
  BOOST_CHECK_THROW(demo::DemoGenerator(*sql).run(options(demo::DemoGenerator::kMaxSubscribers + 1, 1)),
                    UserError);
  BOOST_TEST(scalar(*sql, "SELECT count(*) FROM office") == 0);
}
