#include "test_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <iostream>

#include "core/db/connection.h"

namespace subdesk::test {

namespace {
std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}
std::atomic<int> g_counter{0};
}  // namespace

bool TestDatabase::serverAvailable() { return !env("SUBDESK_TEST_PG").empty(); }
std::string TestDatabase::serverConninfo() { return env("SUBDESK_TEST_PG"); }

TestDatabase::TestDatabase(Template t) {
  std::string tmpl = env("SUBDESK_TEST_TEMPLATE", "subdesk_template");
  if (t == Template::Demo) tmpl += "_demo";
  name_ = "t_" + std::to_string(::getpid()) + "_" + std::to_string(g_counter++);
  auto sql = db::connect(serverConninfo() + " dbname=postgres");
  *sql << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
  *sql << "CREATE DATABASE " + name_ + " TEMPLATE " + tmpl;
}

TestDatabase::~TestDatabase() {
  try {
    auto sql = db::connect(serverConninfo() + " dbname=postgres");
    *sql << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    // Whatever the logins owned went with the database.
    for (const auto& login : logins_) *sql << "DROP ROLE IF EXISTS " + login;
  } catch (const std::exception& e) {
    std::cerr << "could not drop test database " << name_ << " or its logins: " << e.what() << '\n';
  }
}

std::string TestDatabase::addLogin(const std::string& who, const std::string& groupRole) {
  const std::string name = login(who);
  auto sql = admin();
  *sql << "DROP ROLE IF EXISTS " + name;
  *sql << "CREATE ROLE " + name + " LOGIN PASSWORD '" + kLoginPassword + "' IN ROLE " + groupRole;
  logins_.push_back(name);
  return name;
}

std::string TestDatabase::addStaff(const std::string& who, const std::string& group, long long officeId,
                                   const std::string& fullName) {
  const std::string name = addLogin(who, "subdesk_" + group);
  const std::string role = "subdesk_" + group;
  auto sql = admin();
  *sql << "INSERT INTO staff(login, full_name, group_role, office_id) VALUES (:l, :n, :g, :o)", soci::use(name),
      soci::use(fullName), soci::use(role), soci::use(officeId);
  return name;
}

std::unique_ptr<soci::session> TestDatabase::connectAs(const std::string& who) const {
  return db::connect(conninfoAs(login(who), kLoginPassword));
}

std::string TestDatabase::adminConninfo() const { return serverConninfo() + " dbname=" + name_; }

std::string TestDatabase::conninfoAs(const std::string& user, const std::string& password) const {
  // Same host and port as the server, another role and password.
  std::string base = serverConninfo();
  std::string out;
  std::size_t pos = 0;
  while (pos < base.size()) {
    auto end = base.find(' ', pos);
    if (end == std::string::npos) end = base.size();
    const std::string part = base.substr(pos, end - pos);
    if (!part.empty() && part.rfind("user=", 0) != 0 && part.rfind("password=", 0) != 0) {
      out += part + ' ';
    }
    pos = end + 1;
  }
  return out + "dbname=" + name_ + " user=" + db::quoteConninfoValue(user) +
         " password=" + db::quoteConninfoValue(password);
}

std::unique_ptr<soci::session> TestDatabase::admin() const { return db::connect(adminConninfo()); }

RequireServer::RequireServer() {
  if (!TestDatabase::serverAvailable()) {
    std::cout << "SUBDESK_TEST_PG is not set: no test database server, test skipped "
                 "(scripts/test starts one)\n";
    std::exit(77);
  }
}

}  // namespace subdesk::test
