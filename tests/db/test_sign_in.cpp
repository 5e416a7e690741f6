// Signing in: the desk's pool of sessions under a staff member's own login role, and the
// distinct refusals the login window shows (wrong password, locked, expired, TLS demanded).
#define BOOST_TEST_MODULE sign_in
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/db/connection.h"
#include "core/security/sign_in.h"
#include "core/services/staff_administration.h"
#include "core/util/error.h"
#include "test_database.h"

using namespace subdesk;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

// The server's connection string without its superuser credentials.
std::string withoutCredentials(const std::string& conninfo) {
  std::string out;
  std::size_t pos = 0;
  while (pos < conninfo.size()) {
    auto end = conninfo.find(' ', pos);
    if (end == std::string::npos) end = conninfo.size();
    const std::string part = conninfo.substr(pos, end - pos);
    if (!part.empty() && !part.starts_with("user=") && !part.starts_with("password=")) out += part + ' ';
    pos = end + 1;
  }
  return out;
}

struct Desk {
  TestDatabase db;
  std::string login = db.name() + "_ann";
  std::string password = "Ann-password-42";
  Desk() {
    auto sql = db.admin();
    *sql << "INSERT INTO office(code, name_uk, name_en, city, address) "
            "VALUES ('KV1', 'Київ', 'Kyiv', 'Київ', 'вул. Хрещатик, 1')";
    services::StaffAdministration(*sql).add(
        {login, "Анна Тест", services::StaffGroup::Agent, "KV1", "", password});
  }
  ~Desk() {
    try {
      *db.admin() << "DROP ROLE IF EXISTS \"" + login + "\"";
    } catch (...) {
    }
  }
  security::SignInRequest request(const std::string& pw) const {
    security::SignInRequest r;
    r.conninfo = withoutCredentials(TestDatabase::serverConninfo()) + "dbname=" + db.name();
    r.login = login;
    r.password = pw;
    r.today = "2026-11-27";
    return r;
  }
  // Sessions of the login on the server; a closed connection's backend ends a moment
  // after the client left, so a count that should fall to zero is given up to 5 s.
  int backends(int expected) const {
    int n = -1;
    auto sql = db.admin();
    for (int i = 0; i < 50 && n != expected; ++i) {
      if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      *sql << "SELECT count(*) FROM pg_stat_activity WHERE usename = :u", soci::use(login),
          soci::into(n);
    }
    return n;
  }
};

std::string codeOf(const std::function<void()>& f) {
  try {
    f();
    return "";
  } catch (const UserError& e) {
    return e.code();
  }
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sign_in, Desk)

BOOST_AUTO_TEST_CASE(opens_a_pool_of_sessions_as_the_staff_member_and_closes_them_all) {
  auto result = security::signIn(request(password));
  BOOST_TEST_REQUIRE(result.pool);
  BOOST_TEST(result.pool->size() == 3u);
  BOOST_TEST(!result.validUntil.has_value());
  BOOST_TEST(backends(3) == 3);
  {
    auto a = result.pool->lease();
    auto b = result.pool->lease();
    auto c = result.pool->lease();
    std::string who;
    *a << "SELECT session_user", soci::into(who);
    BOOST_TEST(who == login);
    // All three are out: the next job waits, then gives up with a sentence.
    BOOST_TEST(codeOf([&] { result.pool->lease(100); }) == "pool_busy");
    // Signing out while jobs run: idle sessions close now, leased ones when given back.
    result.pool->close();
    BOOST_TEST(codeOf([&] { result.pool->lease(); }) == "signed_out");
  }
  BOOST_TEST(backends(0) == 0);
}

BOOST_AUTO_TEST_CASE(reports_the_expiry_of_the_login) {
  *db.admin() << "ALTER ROLE \"" + login + "\" VALID UNTIL '2099-12-31 23:00:00+02'";
  auto result = security::signIn(request(password));
  BOOST_TEST(result.validUntil.value_or("") == "2099-12-31");
}

BOOST_AUTO_TEST_CASE(wrong_password_locked_and_expired_are_told_apart) {
  BOOST_TEST(codeOf([&] { security::signIn(request("not-the-password")); }) == "28P01");

  // Locked by an administrator (NOLOGIN): refused after the password was proved.
  *db.admin() << "ALTER ROLE \"" + login + "\" NOLOGIN";
  BOOST_TEST(codeOf([&] { security::signIn(request(password)); }) == "login_locked");
  *db.admin() << "ALTER ROLE \"" + login + "\" LOGIN";

  // Expired: the server says only "password authentication failed"; the desk remembered
  // the expiry date from the last sign-in on this computer and tells it apart.
  *db.admin() << "ALTER ROLE \"" + login + "\" VALID UNTIL '2020-01-01'";
  auto expired = request(password);
  BOOST_TEST(codeOf([&] { security::signIn(expired); }) == "28P01");
  expired.rememberedExpiry = "2020-01-01";
  BOOST_TEST(codeOf([&] { security::signIn(expired); }) == "login_expired");
  // A remembered expiry still ahead does not turn a refusal into "expired".
  expired.rememberedExpiry = "2027-01-01";
  BOOST_TEST(codeOf([&] { security::signIn(expired); }) == "28P01");
}

BOOST_AUTO_TEST_CASE(unlocking_checks_the_password_with_one_connection) {
  const auto r = request(password);
  BOOST_CHECK_NO_THROW(security::verifyPassword(r.conninfo, login, password));
  BOOST_TEST(codeOf([&] { security::verifyPassword(r.conninfo, login, "wrong-password-1"); }) == "28P01");
  BOOST_TEST(backends(0) == 0);
}

BOOST_AUTO_TEST_CASE(a_server_that_demands_tls) {
  // scripts/test's server offers TLS and accepts only TLS for the database subdesk_tls_only.
  const char* port = std::getenv("SUBDESK_TEST_PORT");
  BOOST_TEST_REQUIRE(port != nullptr);
  auto server = db::connect(TestDatabase::serverConninfo() + " dbname=postgres");
  *server << "DROP DATABASE IF EXISTS subdesk_tls_only WITH (FORCE)";
  *server << "CREATE DATABASE subdesk_tls_only TEMPLATE subdesk_template";
  auto tls = request(password);
  tls.conninfo = std::string("host=127.0.0.1 port=") + port + " dbname=subdesk_tls_only";
  auto plain = tls;
  plain.conninfo += " sslmode=disable";
  BOOST_TEST(codeOf([&] { security::signIn(plain); }) == "tls_required");
  tls.conninfo += " sslmode=require";
  auto result = security::signIn(tls);
  BOOST_TEST(result.pool->usesTls());
  result.pool->close();
  *server << "DROP DATABASE subdesk_tls_only WITH (FORCE)";
}

BOOST_AUTO_TEST_SUITE_END()
