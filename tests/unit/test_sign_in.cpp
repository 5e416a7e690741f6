#define BOOST_TEST_MODULE sign_in
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>

#include "core/config/settings.h"
#include "core/db/connection.h"
#include "core/security/credentials.h"
#include "core/security/sign_in.h"

using namespace subdesk;

BOOST_AUTO_TEST_CASE(libpq_refusals_become_distinct_codes) {
  struct Case {
    const char* libpq;
    const char* code;
  };
  const Case cases[] = {
      {"FATAL:  password authentication failed for user \"ann\"", "28P01"},
      {"FATAL:  role \"ann\" is not permitted to log in", "login_locked"},
      {"FATAL:  no pg_hba.conf entry for host \"127.0.0.1\", user \"ann\", database \"d\", no encryption",
       "tls_required"},
      {"FATAL:  pg_hba.conf rejects connection for host \"127.0.0.1\", user \"ann\", database \"d\", "
       "no encryption",
       "tls_required"},
      {"server does not support SSL, but SSL was required", "tls_unavailable"},
      {"connection to server at \"127.0.0.1\", port 5 failed: Connection refused", "08001"},
      {"could not translate host name \"nowhere\" to address", "08001"},
      {"FATAL:  database \"nope\" does not exist", "3D000"},
      {"FATAL:  too many connections for role \"ann\"", "53300"},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.libpq) {
      const UserError e = db::connectionError(c.libpq);
      BOOST_TEST(e.code() == c.code);
      const std::string sentence = e.what();
      BOOST_TEST(!sentence.empty());
      // The person reads a sentence, not libpq's text (except where it names the database).
      if (std::string(c.code) != "3D000") BOOST_TEST(sentence.find("FATAL") == std::string::npos);
    }
  }
  // Each of the login window's cases has its own sentence.
  BOOST_TEST(std::string(db::connectionError("password authentication failed").what()) !=
             std::string(db::connectionError("is not permitted to log in").what()));
}

BOOST_AUTO_TEST_CASE(days_until_an_expiry) {
  BOOST_TEST(security::daysUntil("2026-11-27", "2026-11-27") == 0);
  BOOST_TEST(security::daysUntil("2026-11-27", "2026-12-01") == 4);
  BOOST_TEST(security::daysUntil("2026-11-27", "2026-11-26") == -1);
  BOOST_TEST(security::daysUntil("2026-12-31", "2027-01-01") == 1);
  BOOST_CHECK_THROW(security::daysUntil("yesterday", "2026-11-26"), std::invalid_argument);
  BOOST_TEST(security::todayLocal().size() == 10u);
}

BOOST_AUTO_TEST_CASE(credentials_are_quoted_and_come_last) {
  const std::string c = security::conninfoWithCredentials("host=db dbname=x", "ann", "it's a \\ pass");
  BOOST_TEST(c == "connect_timeout=10 host=db dbname=x user='ann' password='it\\'s a \\\\ pass'");
  const std::string keep = security::conninfoWithCredentials("connect_timeout=3 host=db", "ann", "");
  BOOST_TEST(keep == "connect_timeout=3 host=db user='ann'");
  const std::string uri = security::conninfoWithCredentials("postgresql://db/x", "ann", "p w&");
  BOOST_TEST(uri == "postgresql://db/x?connect_timeout=10&user=ann&password=p%20w%26");
  std::string secret = "hunter2hunter2";
  security::wipeSecret(secret);
  BOOST_TEST(secret.empty());
}

BOOST_AUTO_TEST_CASE(settings_remember_login_expiry_for_dotted_logins) {
  const std::string path = "sign_in_settings_test.ini";
  std::remove(path.c_str());
  auto s = config::Settings::load(path);
  BOOST_TEST(!s.loginExpiry("demo.agent"));
  s.setLoginExpiry("demo.agent", std::string("2027-03-31"));
  s.setLoginExpiry("olena", std::string("2026-12-01"));
  s.save(path);
  auto again = config::Settings::load(path);
  BOOST_TEST(again.loginExpiry("demo.agent").value_or("") == "2027-03-31");
  BOOST_TEST(again.loginExpiry("olena").value_or("") == "2026-12-01");
  again.setLoginExpiry("olena", std::nullopt);
  again.save(path);
  BOOST_TEST(!config::Settings::load(path).loginExpiry("olena"));
  std::remove(path.c_str());
}
