// The migration runner: applies in order, once, and refuses a changed migration.
#define BOOST_TEST_MODULE migrator
#include <boost/test/unit_test.hpp>

#include "core/db/migrator.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::db::MigrationSource;
using subdesk::db::Migrator;
using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {
std::vector<MigrationSource> sample() {
  return {{"0002_second", "INSERT INTO scratch VALUES (2);"},
          {"0001_first", "CREATE TABLE scratch (n int); INSERT INTO scratch VALUES (1);"}};
}
}  // namespace

BOOST_AUTO_TEST_CASE(applies_in_name_order_once) {
  subdesk::test::TestDatabase db;
  auto sql = db.admin();
  Migrator migrator(sample());
  auto applied = migrator.migrate(*sql);
  BOOST_TEST(applied == (std::vector<std::string>{"0001_first", "0002_second"}), boost::test_tools::per_element());
  BOOST_TEST(migrator.migrate(*sql).empty());
  int rows = 0;
  *sql << "SELECT count(*) FROM scratch", soci::into(rows);
  BOOST_TEST(rows == 2);
}

BOOST_AUTO_TEST_CASE(a_changed_migration_is_refused) {
  subdesk::test::TestDatabase db;
  auto sql = db.admin();
  Migrator(sample()).migrate(*sql);
  auto changed = sample();
  changed[1].sql += " -- edited after release";
  try {
    Migrator(changed).migrate(*sql);
    BOOST_FAIL("a changed migration was accepted");
  } catch (const subdesk::UserError& e) {
    BOOST_TEST(e.code() == "migration_changed");
    BOOST_TEST(std::string(e.what()).find("0001_first") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_failing_migration_leaves_nothing_behind) {
  subdesk::test::TestDatabase db;
  auto sql = db.admin();
  std::vector<MigrationSource> broken{{"0001_ok", "CREATE TABLE a (n int);"},
                                      {"0002_broken", "CREATE TABLE b (n int); SELECT no_such_function();"}};
  BOOST_CHECK_THROW(Migrator(broken).migrate(*sql), subdesk::UserError);
  int tables = 0;
  *sql << "SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')", soci::into(tables);
  BOOST_TEST(tables == 1);  // 0001 committed, 0002 rolled back whole
  auto status = Migrator(broken).status(*sql);
  BOOST_TEST(status[0].applied);
  BOOST_TEST(!status[1].applied);
}

BOOST_AUTO_TEST_CASE(the_real_migrations_are_all_applied_in_the_template) {
  subdesk::test::TestDatabase db;
  auto sql = db.admin();
  for (const auto& m : Migrator().status(*sql)) {
    BOOST_TEST_INFO(m.name);
    BOOST_TEST(m.applied);
  }
}
