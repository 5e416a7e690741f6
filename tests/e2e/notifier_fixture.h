#pragma once
// What the notifier's end-to-end tests share: a fresh database with a notifier login
// (a member of subdesk_notifier only), a temporary folder for the peers' configuration
// and logs, and notifier settings with short timeouts and backoff.
#include <map>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "core/db/connection.h"
#include "peers.h"
#include "test_database.h"

namespace subdesk::test {

struct NotifierFixture {
  static constexpr const char* kPassword = "notifier-test-password-1";
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  TempDir dir;
  std::string role = db.name() + "_notifier";

  explicit NotifierFixture(Template t = Template::Empty) : db(t) {
    *admin << "DROP ROLE IF EXISTS " + role;
    *admin << "CREATE ROLE " + role + " LOGIN PASSWORD '" + kPassword + "' IN ROLE subdesk_notifier";
  }
  ~NotifierFixture() {
    try {
      *admin << "DROP ROLE IF EXISTS " + role;
    } catch (const std::exception& e) {
      BOOST_TEST_MESSAGE("could not drop role " << role << ": " << e.what());
    }
  }

  std::map<std::string, std::string> settings(const std::string& sendsmsUrl, unsigned short smtpPort) const {
    return {
        {"database.conninfo", db.conninfoAs(role, kPassword)},
        {"kannel.url", sendsmsUrl},
        {"kannel.username", Kannel::kUser},
        {"kannel.password", Kannel::kPassword},
        {"kannel.from", "Subdesk"},
        {"kannel.timeout_ms", "2000"},
        {"smtp.host", "127.0.0.1"},
        {"smtp.port", std::to_string(smtpPort)},
        {"smtp.from", "Subdesk <noreply@subdesk.example.net>"},
        {"smtp.timeout_ms", "2000"},
        {"notifier.poll_interval_ms", "100"},
        {"notifier.reconnect_delay_ms", "500"},
        {"notifier.batch_size", "5"},
        {"notifier.backoff_base_ms", "200"},
        {"notifier.backoff_cap_ms", "800"},
        {"notifier.lease_s", "10"},
    };
  }

  long long insertSms(const std::string& to, const std::string& body, const std::string& secret = {}) {
    long long id = 0;
    soci::indicator secretInd = secret.empty() ? soci::i_null : soci::i_ok;
    *admin << "INSERT INTO outbox (channel, recipient, body, secret) VALUES ('sms', :to, :body, :secret) RETURNING id",
        soci::use(to), soci::use(body), soci::use(secret, secretInd), soci::into(id);
    return id;
  }

  std::string status(long long id) {
    std::string s;
    *admin << "SELECT status FROM outbox WHERE id = :id", soci::use(id), soci::into(s);
    return s;
  }
  long long count(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
};

// The notifier's log, shown when a check fails.
inline std::string tail(const std::string& log, std::size_t chars = 4000) {
  return log.size() > chars ? log.substr(log.size() - chars) : log;
}

}  // namespace subdesk::test
