#pragma once
// A real FreeRADIUS 3.2 (Debian's freeradius + freeradius-postgresql) for end-to-end
// tests: a minimal configuration generated into a temporary folder (radiusd.conf without
// user/group so it does not drop privileges, clients.conf for 127.0.0.1, the sql module
// pointed at the test database through the views of migration 0021, pap, one site with
// authorize { sql; pap }, authenticate { pap }, session { sql }; no eap, no
// inner-tunnel), run in the foreground on a free loopback port; radclient as the NAS.
#include <memory>
#include <string>
#include <vector>

#include "peers.h"

namespace subdesk::test {

struct RadiusDatabase {
  std::string host = "127.0.0.1";
  unsigned short port = 5432;
  std::string name, login, password;
};

struct RadiusReply {
  bool accepted = false;
  bool answered = false;   // false: no answer at all (timeout)
  std::string output;      // radclient's output, the attributes as it printed them
  // The value of an attribute in the reply ("" when absent), without quotes.
  std::string attribute(const std::string& name) const;
};

class FreeRadius {
 public:
  FreeRadius(const std::string& dir, const RadiusDatabase& db);
  ~FreeRadius();
  void start();  // returns once the server answers (a Status-Server-less probe: an auth request)
  void stop();
  unsigned short authPort() const { return authPort_; }
  std::string log() const;

  // An Access-Request with PAP (User-Password) from 127.0.0.1 with the shared secret.
  RadiusReply authenticate(const std::string& user, const std::string& password) const;

  static constexpr const char* kSecret = "testing123";
  static std::string sqlModule(const RadiusDatabase& db);  // the text of mods-enabled/sql

 private:
  void writeConfig() const;
  std::string dir_;
  RadiusDatabase db_;
  unsigned short authPort_;
  std::unique_ptr<ChildProcess> process_;
};

// Host port and database of the test server ($SUBDESK_TEST_PORT, PostgreSQL on 127.0.0.1).
unsigned short testServerTcpPort();

}  // namespace subdesk::test
