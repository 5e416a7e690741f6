#pragma once
// The desk's and CLI's settings: ~/.config/subdesk/subdesk.ini (or $SUBDESK_CONFIG),
// read with Poco::Util. Holds connection strings, never passwords.
//
//   [server]              ; the default server profile
//   conninfo = host=db.example.net port=5432 dbname=billing sslmode=verify-full
//   replica  = host=replica.example.net dbname=billing   ; optional, for reports
//   [server.training]     ; further profiles, chosen in the login window
//   conninfo = ...
//   [ui]
//   language = uk         ; uk (default) or en
//   [login_expiry]        ; written by the desk: when each login seen here expires
//   demo.agent = 2027-03-31
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace subdesk::config {

struct ServerProfile {
  std::string name;      // "default" for [server]
  std::string conninfo;  // libpq connection string; empty means libpq's environment
  std::string replica;   // optional second connection string for heavy reads
};

class Settings {
 public:
  // Loads the file if it exists; a missing file gives defaults.
  static Settings load(const std::string& path = defaultPath());
  static std::string defaultPath();

  std::vector<ServerProfile> profiles() const;  // "default" first
  std::optional<ServerProfile> profile(const std::string& name) const;

  std::string language() const { return language_; }
  void setLanguage(const std::string& lang) { language_ = lang; }

  // The expiry date (ISO) of a staff login as seen at its last sign-in on this computer,
  // kept so that the login window can tell an expired login from a wrong password.
  std::optional<std::string> loginExpiry(const std::string& login) const;
  void setLoginExpiry(const std::string& login, const std::optional<std::string>& date);

  // Writes the file (creating the folder); only settings, never a password.
  void save(const std::string& path = defaultPath()) const;

 private:
  std::map<std::string, ServerProfile> profiles_;
  std::string language_ = "uk";
  std::map<std::string, std::string> loginExpiry_;  // [login_expiry] login = date
};

}  // namespace subdesk::config
