// The audit window's query: filters, newest first, keyset paging without gaps or
// repeats, values bound (never spliced), and only supervisors and admins may read.
#define BOOST_TEST_MODULE audit_trail
#include <boost/test/unit_test.hpp>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/db/connection.h"
#include "core/services/audit_trail.h"
#include "core/util/error.h"
#include "test_database.h"

using namespace subdesk::services;
using subdesk::test::RequireServer;
using subdesk::test::Template;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

// Filters built field by field (designated initializers would leave the rest unnamed).
struct F {
  AuditFilter f;
  F& fromDate(std::string v) {
    f.fromDate = std::move(v);
    return *this;
  }
  F& toDate(std::string v) {
    f.toDate = std::move(v);
    return *this;
  }
  F& who(std::string v) {
    f.who = std::move(v);
    return *this;
  }
  F& customerId(std::int64_t v) {
    f.customerId = v;
    return *this;
  }
  F& action(std::string v) {
    f.action = std::move(v);
    return *this;
  }
  operator const AuditFilter&() const { return f; }
};

struct Trail {
  TestDatabase db{Template::Demo};
  std::unique_ptr<soci::session> admin = db.admin();

  Trail() {
    long long office = 0;
    *admin << "SELECT min(id) FROM office", soci::into(office);
    for (const std::string group : {"agent", "supervisor", "admin"}) db.addStaff(group, group, office);
    // Rows of known shape, apart from the demo data's own (which all carry today's date).
    // Times are UTC; Kyiv is UTC+3 in summer.
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO audit_log(at, who, action, table_name, row_id, customer_id, changes) VALUES
        ('2024-05-31 20:30:00+00', 'trail_olena', 'UPDATE', 'customer', '7', 7, '{"email": {"old": "a", "new": "b"}}'),
        ('2024-05-31 21:30:00+00', 'trail_olena', 'reveal_document', NULL, NULL, 7, NULL),
        ('2024-06-10 09:00:00+00', 'trail_olena', 'UPDATE', 'account', '9', 8, NULL),
        ('2024-06-30 20:59:59+00', 'trail_ivan', 'UPDATE', 'customer', '7', 7, NULL),
        ('2024-06-30 21:00:00+00', 'trail_ivan', 'DELETE', 'line_service', '3', 7, NULL);
      -- 450 rows for paging, three to each instant, so that ties in "at" must be broken by id.
      INSERT INTO audit_log(at, who, action, table_name, row_id)
        SELECT timestamptz '2024-03-01 00:00:00+00' + (n / 3) * interval '1 second', 'trail_pager',
               'INSERT', 'ledger', n::text
        FROM generate_series(1, 450) AS n;
    )");
  }
  std::string login(const std::string& group) const { return db.login(group); }

  std::vector<std::unique_ptr<soci::session>> sessions;
  soci::session& as(const std::string& group) {
    sessions.push_back(db.connectAs(group));
    return *sessions.back();
  }
  static std::vector<std::string> actions(const AuditPage& page) {
    std::vector<std::string> out;
    for (const auto& e : page.entries) out.push_back(e.who + " " + e.action + " " + e.at);
    return out;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(audit_trail, Trail)

BOOST_AUTO_TEST_CASE(one_login_newest_first_in_kyiv_time) {
  AuditTrail trail(as("supervisor"));
  const AuditPage page = trail.query(F().who("trail_olena"));
  const std::vector<std::string> expected{"trail_olena UPDATE 2024-06-10 12:00:00",
                                          "trail_olena reveal_document 2024-06-01 00:30:00",
                                          "trail_olena UPDATE 2024-05-31 23:30:00"};
  BOOST_TEST(actions(page) == expected, boost::test_tools::per_element());
  BOOST_TEST(!page.more);
  const AuditEntry& first = page.entries.at(2);
  BOOST_TEST(first.tableName == "customer");
  BOOST_TEST(first.rowId == "7");
  BOOST_TEST(first.customerId.value_or(0) == 7);
  BOOST_TEST(!first.accountId.has_value());
  BOOST_TEST(first.changes.find("\"email\"") != std::string::npos);
  BOOST_TEST(page.entries.at(1).tableName.empty());  // a named read has no table
  BOOST_TEST(page.entries.at(1).changes.empty());
}

BOOST_AUTO_TEST_CASE(period_is_whole_kyiv_days_inclusive) {
  AuditTrail trail(as("admin"));
  // June in Kyiv: from 2024-05-31 21:00 UTC up to, not including, 2024-06-30 21:00 UTC.
  const AuditPage june = trail.query(F().fromDate("2024-06-01").toDate("2024-06-30"));
  const std::vector<std::string> expected{"trail_ivan UPDATE 2024-06-30 23:59:59",
                                          "trail_olena UPDATE 2024-06-10 12:00:00",
                                          "trail_olena reveal_document 2024-06-01 00:30:00"};
  BOOST_TEST(actions(june) == expected, boost::test_tools::per_element());

  const AuditPage oneDay = trail.query(F().fromDate("2024-07-01").toDate("2024-07-01"));
  BOOST_TEST(actions(oneDay) == std::vector<std::string>{"trail_ivan DELETE 2024-07-01 00:00:00"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(customer_and_action_filters_combine) {
  AuditTrail trail(as("supervisor"));
  const AuditPage page =
      trail.query(F().fromDate("2024-01-01").toDate("2024-12-31").customerId(7).action("UPDATE"));
  const std::vector<std::string> expected{"trail_ivan UPDATE 2024-06-30 23:59:59",
                                          "trail_olena UPDATE 2024-05-31 23:30:00"};
  BOOST_TEST(actions(page) == expected, boost::test_tools::per_element());
  BOOST_TEST(trail.query(F().customerId(8).action("DELETE")).entries.empty());
}

BOOST_AUTO_TEST_CASE(keyset_pages_cover_every_row_once_in_order) {
  AuditTrail trail(as("supervisor"));
  const AuditFilter filter = F().who("trail_pager");
  std::vector<AuditEntry> all;
  std::vector<std::size_t> sizes;
  std::optional<AuditCursor> after;
  for (int guard = 0; guard < 10; ++guard) {
    AuditPage page = trail.query(filter, after, AuditTrail::kPageSize);
    sizes.push_back(page.entries.size());
    all.insert(all.end(), page.entries.begin(), page.entries.end());
    if (!page.more) break;
    after = page.next();
  }
  BOOST_TEST(sizes == (std::vector<std::size_t>{200, 200, 50}), boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(all.size() == 450u);
  std::set<std::string> rows;
  for (std::size_t i = 0; i < all.size(); ++i) {
    rows.insert(all[i].rowId);
    // Row n was written at second n/3: newest first, ties broken by the newer id.
    BOOST_TEST_INFO("position " << i);
    BOOST_TEST(all[i].rowId == std::to_string(450 - i));
  }
  BOOST_TEST(rows.size() == 450u);
  // A page of exactly the rows left says there is no more.
  const AuditPage last = trail.query(filter, all[399].position, 50);
  BOOST_TEST(last.entries.size() == 50u);
  BOOST_TEST(!last.more);
}

BOOST_AUTO_TEST_CASE(filter_values_are_bound_not_spliced) {
  AuditTrail trail(as("admin"));
  BOOST_TEST(trail.query(F().who("x' OR true --")).entries.empty());
  BOOST_TEST(trail.query(F().action("UPDATE' OR '1'='1")).entries.empty());
  BOOST_CHECK_THROW(trail.query(F().fromDate("2024-06-01' OR true --")), subdesk::UserError);
}

BOOST_AUTO_TEST_CASE(an_agent_is_refused_by_the_database) {
  AuditTrail trail(as("agent"));
  try {
    trail.query(F().who("trail_olena"));
    BOOST_FAIL("an agent read the audit log");
  } catch (const std::exception& e) {
    BOOST_TEST(subdesk::sqlState(e) == "42501");
  }
}

BOOST_AUTO_TEST_SUITE_END()
