#pragma once
// Each database test works in its own database, cloned from a migrated template that the
// CTest fixture db_prepare_template creates on the server scripts/test started.
//   SUBDESK_TEST_PG        superuser conninfo without dbname (set by scripts/test)
//   SUBDESK_TEST_TEMPLATE  template database name (default subdesk_template)
#include <memory>
#include <string>
#include <vector>

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

  // Staff logins of this database. A login role is cluster-wide, so its name is
  // "<database>_<who>"; each has kLoginPassword and is dropped after the database.
  static constexpr const char* kLoginPassword = "Desk-test-pass-2024";
  std::string login(const std::string& who) const { return name_ + "_" + who; }
  // A login role, member of groupRole ("subdesk_agent", "subdesk_partner", ...).
  std::string addLogin(const std::string& who, const std::string& groupRole);
  // A login role of the staff group "subdesk_<group>" and its staff row at that office.
  std::string addStaff(const std::string& who, const std::string& group, long long officeId,
                       const std::string& fullName = "Test");
  std::unique_ptr<soci::session> connectAs(const std::string& who) const;

  static bool serverAvailable();
  static std::string serverConninfo();

 private:
  std::string name_;
  std::vector<std::string> logins_;
};

// `using subdesk::test::RequireServer; BOOST_TEST_GLOBAL_FIXTURE(RequireServer);` exits with 77 (CTest "skipped")
// when no test server is configured, so a db test never passes without a database.
struct RequireServer {
  RequireServer();
};

}  // namespace subdesk::test
