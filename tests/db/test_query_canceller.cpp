// Typing again cancels the search in flight: QueryCanceller reaches a statement running on
// another thread's session.
#define BOOST_TEST_MODULE query_canceller
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <future>
#include <thread>

#include "core/db/connection.h"
#include "core/db/query_canceller.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::db::QueryCanceller;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

BOOST_AUTO_TEST_CASE(a_running_statement_is_cancelled_from_another_thread) {
  TestDatabase db;
  auto sql = db.admin();
  QueryCanceller canceller;
  std::promise<void> started;
  auto worker = std::async(std::launch::async, [&] {
    QueryCanceller::Attached attached(canceller, *sql);
    started.set_value();
    try {
      *sql << "SELECT pg_sleep(60)";
      return std::string("finished");
    } catch (const std::exception& e) {
      return subdesk::sqlState(e);
    }
  });
  started.get_future().wait();
  // Cancel until the statement is seen cancelled (it may not have reached the server yet).
  while (worker.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) canceller.cancel();
  BOOST_TEST(worker.get() == "57014");
  // The session is usable afterwards.
  int one = 0;
  *sql << "SELECT 1", soci::into(one);
  BOOST_TEST(one == 1);
}

BOOST_AUTO_TEST_CASE(a_job_that_had_not_started_never_starts) {
  TestDatabase db;
  auto sql = db.admin();
  QueryCanceller canceller;
  canceller.cancel();
  BOOST_TEST(canceller.cancelled());
  try {
    QueryCanceller::Attached attached(canceller, *sql);
    BOOST_FAIL("attach after cancel must throw");
  } catch (const subdesk::UserError& e) {
    BOOST_TEST(e.code() == "57014");
  }
}
