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
#include "demo_desk.h"
#include "run_command.h"
#include "test_database.h"

namespace subdesk::test {

struct BillsDesk : DemoDesk {
  static constexpr const char* kPassword = TestDatabase::kLoginPassword;

  BillsDesk() {
    db::executeScript(*admin, R"(
      ALTER DATABASE )" + db.name() + R"( SET subdesk.allow_test_clock = on;
      INSERT INTO cdr(line_id, started_at, kind, direction, other_number, duration_s, charge)
        VALUES (1, date_trunc('month', now()) - interval '20 days', 'voice', 'out', '112', 600, 777),
               (1, date_trunc('month', now()) - interval '19 days', 'voice', 'out', '103', 125, 0),
               (1, date_trunc('month', now()) - interval '18 days', 'voice', 'in', '101', 30, 0),
               (1, date_trunc('month', now()) + interval '1 hour', 'voice', 'out', '112', 60, 0),
               (1, date_trunc('month', now()) + interval '2 hours', 'sms', 'out', '104', NULL, 0);
    )");
  }
  // The first and last Kyiv day of last month, as the database sees them.
  std::string lastMonthFrom() { return text("SELECT CAST(date_trunc('month', kyiv_day(now())) - interval '1 month' AS date)::text"); }
  std::string lastMonthTo() { return text("SELECT CAST(date_trunc('month', kyiv_day(now())) - interval '1 day' AS date)::text"); }
};

}  // namespace subdesk::test
