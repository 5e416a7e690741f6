#pragma once
// Shared by the issue-8 database tests: the demo database, a login per desk group, and
// calls to emergency numbers planted on line 1 last month and this month (one of them
// charged, so that filtering by number, not by price, is what keeps them out).
#include <cstdio>
#include <map>
#include <stdexcept>
#include <memory>
#include <string>

#include <soci/soci.h>

#include "core/db/connection.h"
#include "run_command.h"
#include "test_database.h"

namespace subdesk::test {

struct BillsDesk {
  static constexpr const char* kPassword = TestDatabase::kLoginPassword;
  TestDatabase db{Template::Demo};
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;
  long long account = 0, customer = 0;

  BillsDesk() {
    *admin << "SELECT l.account_id, a.customer_id FROM line l JOIN account a ON a.id = l.account_id WHERE l.id = 1",
        soci::into(account), soci::into(customer);
    db::executeScript(*admin, R"(
      ALTER DATABASE )" + db.name() + R"( SET subdesk.allow_test_clock = on;
      INSERT INTO cdr(line_id, started_at, kind, direction, other_number, duration_s, charge)
        VALUES (1, date_trunc('month', now()) - interval '20 days', 'voice', 'out', '112', 600, 777),
               (1, date_trunc('month', now()) - interval '19 days', 'voice', 'out', '103', 125, 0),
               (1, date_trunc('month', now()) - interval '18 days', 'voice', 'in', '101', 30, 0),
               (1, date_trunc('month', now()) + interval '1 hour', 'voice', 'out', '112', 60, 0),
               (1, date_trunc('month', now()) + interval '2 hours', 'sms', 'out', '104', NULL, 0);
    )");
    long long office = 0;
    *admin << "SELECT min(id) FROM office", soci::into(office);
    for (const std::string group : {"agent", "sales", "supervisor"}) db.addStaff(group, group, office, "Test " + group);
  }
  std::string login(const std::string& group) const { return db.login(group); }
  soci::session& as(const std::string& group) {
    auto& s = sessions[group];
    if (!s) s = db.connectAs(group);
    return *s;
  }
  long long number(const std::string& query) {
    long long n = 0;
    soci::indicator ind = soci::i_ok;
    *admin << query, soci::into(n, ind);
    return ind == soci::i_null ? 0 : n;
  }
  std::string text(const std::string& query) {
    std::string s;
    soci::indicator ind = soci::i_ok;
    *admin << query, soci::into(s, ind);
    return ind == soci::i_null ? std::string() : s;
  }
  // The first and last Kyiv day of last month, as the database sees them.
  std::string lastMonthFrom() { return text("SELECT CAST(date_trunc('month', kyiv_day(now())) - interval '1 month' AS date)::text"); }
  std::string lastMonthTo() { return text("SELECT CAST(date_trunc('month', kyiv_day(now())) - interval '1 day' AS date)::text"); }
};

}  // namespace subdesk::test
