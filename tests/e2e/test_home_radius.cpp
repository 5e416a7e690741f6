// Home internet end to end with a real FreeRADIUS 3.2: what the desk writes is what the
// NAS gets. The server runs in the foreground on a free loopback port with a minimal
// configuration generated into a temporary folder, its sql module logged in as a member of
// subdesk_radius and reading the views of migration 0021; radclient is the NAS (PAP).
// FreeRADIUS's clock is the database's: the test moves it with ALTER ROLE ... SET
// subdesk.test_now for the RADIUS login (each request opens a new connection), so a
// suspension and a turbo are seen to start and end by themselves.
#define BOOST_TEST_MODULE home_radius
#include <boost/test/unit_test.hpp>

#include "core/security/home_password.h"
#include "core/services/home_password_reissue.h"
#include "core/services/home_suspension.h"
#include "core/services/home_turbo.h"
#include "home_fixture.h"
#include "radius_server.h"

using subdesk::services::HomePasswordReissue;
using subdesk::services::HomeSuspension;
using subdesk::services::HomeTurbo;
using subdesk::services::PasswordDelivery;
using subdesk::test::FreeRadius;
using subdesk::test::HomeFixture;
using subdesk::test::RadiusReply;
using subdesk::test::RequireServer;
using subdesk::test::TempDir;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

struct RadiusFixture : HomeFixture {
  static constexpr const char* kRadiusPassword = "radius-test-password-1";
  std::string role = db.name() + "_radius";
  TempDir dir;
  std::unique_ptr<FreeRadius> radius;

  RadiusFixture() {
    *admin << "DROP ROLE IF EXISTS " + role;
    *admin << "CREATE ROLE " + role + " LOGIN PASSWORD '" + kRadiusPassword + "' IN ROLE subdesk_radius";
    radiusClock(kNow);
    subdesk::test::RadiusDatabase rdb;
    rdb.port = subdesk::test::testServerTcpPort();
    rdb.name = db.name();
    rdb.login = role;
    rdb.password = kRadiusPassword;
    radius = std::make_unique<FreeRadius>(dir.path() + "/raddb", rdb);
    radius->start();
  }
  ~RadiusFixture() {
    radius.reset();
    try {
      *admin << "DROP ROLE IF EXISTS " + role;
    } catch (const std::exception& e) {
      BOOST_TEST_MESSAGE("could not drop role " << role << ": " << e.what());
    }
  }
  // FreeRADIUS's idea of now (its next connection's subdesk_now()).
  void radiusClock(const std::string& t) { *admin << "ALTER ROLE " + role + " SET subdesk.test_now = '" + t + "'"; }
  RadiusReply auth(const std::string& user, const std::string& password) {
    auto r = radius->authenticate(user, password);
    BOOST_TEST_MESSAGE(r.output);
    BOOST_TEST_REQUIRE(r.answered, "no answer from FreeRADIUS:\n" << r.output << "\n" << radius->log());
    return r;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(home_radius, RadiusFixture)

BOOST_AUTO_TEST_CASE(the_printed_password_works_and_the_tariff_sets_the_rate) {
  const auto c = signForOlena();
  auto r = auth(c.sheet.login, c.password);
  BOOST_TEST(r.accepted);
  BOOST_TEST(r.attribute("Mikrotik-Rate-Limit") == "100M/100M");
  BOOST_TEST(!auth(c.sheet.login, c.password + "x").accepted);
  BOOST_TEST(!auth(c.sheet.login, "").accepted);
  BOOST_TEST(!auth("nobody-here", c.password).accepted);
  // The chosen login works the same way.
  const auto d = signForOlena("olena.home");
  BOOST_TEST(auth("olena.home", d.password).accepted);
}

BOOST_AUTO_TEST_CASE(suspended_is_rejected_with_a_message_and_resume_lets_in) {
  const auto c = signForOlena();
  HomeSuspension s(as("agent1"));
  s.suspend(c.homeInternetId, "2024-05-14", "2024-05-20");
  auto r = auth(c.sheet.login, c.password);
  BOOST_TEST(!r.accepted);
  BOOST_TEST(r.output.find("Access-Reject") != std::string::npos);
  BOOST_TEST(r.attribute("Reply-Message").find("suspended") != std::string::npos, r.output);
  s.resume(c.homeInternetId);
  BOOST_TEST(auth(c.sheet.login, c.password).accepted);
}

BOOST_AUTO_TEST_CASE(a_vacation_starts_and_ends_by_itself) {
  const auto c = signForOlena();
  HomeSuspension(as("agent1")).suspend(c.homeInternetId, "2024-05-15", "2024-05-16");
  BOOST_TEST(auth(c.sheet.login, c.password).accepted);  // 14 May: not yet
  radiusClock("2024-05-15 00:00:01+03");
  BOOST_TEST(!auth(c.sheet.login, c.password).accepted);
  radiusClock("2024-05-16 23:59:00+03");
  BOOST_TEST(!auth(c.sheet.login, c.password).accepted);
  radiusClock("2024-05-17 00:00:00+03");
  BOOST_TEST(auth(c.sheet.login, c.password).accepted);  // nobody did anything
}

BOOST_AUTO_TEST_CASE(turbo_doubles_the_rate_until_it_runs_out) {
  const auto c = signForOlena();
  *admin << "INSERT INTO ledger(account_id, amount, kind, idempotency_key) VALUES (" + std::to_string(c.accountId) +
                ", 5000, 'payment', 'pay-e2e')";
  HomeTurbo(as("agent1")).buy(c.homeInternetId, 1, subdesk::security::newIdempotencyKey());
  radiusClock("2024-05-14 14:30:00+03");
  auto r = auth(c.sheet.login, c.password);
  BOOST_TEST(r.accepted);
  BOOST_TEST(r.attribute("Mikrotik-Rate-Limit") == "200M/200M");
  radiusClock("2024-05-14 15:02:00+03");
  r = auth(c.sheet.login, c.password);
  BOOST_TEST(r.accepted);
  BOOST_TEST(r.attribute("Mikrotik-Rate-Limit") == "100M/100M");
}

BOOST_AUTO_TEST_CASE(a_second_simultaneous_session_is_refused) {
  const auto c = signForOlena();
  // The router's accounting Start of a session that is still open (what rlm_sql's
  // accounting writes for the NAS).
  *admin << "INSERT INTO radacct(acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime) "
            "VALUES ('s1', 'u1', '" + c.sheet.login + "', '127.0.0.1', now())";
  auto r = auth(c.sheet.login, c.password);
  BOOST_TEST(!r.accepted);
  BOOST_TEST(radius->log().find("Multiple logins") != std::string::npos);
  *admin << "UPDATE radacct SET acctstoptime = now() WHERE acctuniqueid = 'u1'";
  BOOST_TEST(auth(c.sheet.login, c.password).accepted);
}

BOOST_AUTO_TEST_CASE(a_reissued_password_replaces_the_old_one) {
  const auto c = signForOlena();
  visit(as("sales1"));
  const auto n = HomePasswordReissue(as("sales1")).reissue(c.homeInternetId, PasswordDelivery::Print);
  BOOST_TEST(auth(c.sheet.login, n.password).accepted);
  BOOST_TEST(!auth(c.sheet.login, c.password).accepted);
}

BOOST_AUTO_TEST_SUITE_END()
