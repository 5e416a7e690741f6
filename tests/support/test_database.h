#pragma once
// Each database test works in its own database, cloned from a migrated template that the
// CTest fixture db_prepare_template creates on the server scripts/test started.
//   SUBDESK_TEST_PG        superuser conninfo without dbname (set by scripts/test)
//   SUBDESK_TEST_TEMPLATE  template database name (default subdesk_template)
#include <memory>
#include <string>

#include <soci/soci.h>

namespace subdesk::test {

enum class Template {
  Empty,  // migrated, no data (subdesk_template)
  Demo,   // migrated with a small deterministic demo data set (subdesk_template_demo)
};

class TestDatabase {
 public:
  explicit TestDatabase(Template t = Template::Empty);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // Superuser connection string for this database (for setting up, never for the desk).
  std::string adminConninfo() const;
  // Connection string for a login role of this cluster on this database.
  std::string conninfoAs(const std::string& user, const std::string& password) const;
  std::unique_ptr<soci::session> admin() const;

  static bool serverAvailable();
  static std::string serverConninfo();

 private:
  std::string name_;
};

// `using subdesk::test::RequireServer; BOOST_TEST_GLOBAL_FIXTURE(RequireServer);` exits with 77 (CTest "skipped")
// when no test server is configured, so a db test never passes without a database.
struct RequireServer {
  RequireServer();
};

}  // namespace subdesk::test
