#include "core/config/settings.h"

#include <cstdlib>
#include <fstream>
#include <functional>

#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Util/IniFileConfiguration.h>

namespace subdesk::config {

std::string Settings::defaultPath() {
  if (const char* p = std::getenv("SUBDESK_CONFIG"); p && *p) return p;
  std::string base;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) {
    base = x;
  } else {
    base = Poco::Path::home() + ".config";
  }
  return base + "/subdesk/subdesk.ini";
}

Settings Settings::load(const std::string& path) {
  Settings s;
  s.profiles_["default"] = ServerProfile{"default", "", ""};
  if (!Poco::File(path).exists()) return s;
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini(new Poco::Util::IniFileConfiguration(path));
  // Poco's keys() lists one level: [server.NAME] sections are children of "server".
  auto readProfile = [&](const std::string& section, const std::string& name) {
    s.profiles_[name] = ServerProfile{name, ini->getString(section + ".conninfo", ""),
                                      ini->getString(section + ".replica", "")};
  };
  if (ini->hasProperty("server.conninfo") || ini->hasProperty("server.replica")) readProfile("server", "default");
  Poco::Util::AbstractConfiguration::Keys names;
  ini->keys("server", names);
  for (const auto& name : names) {
    if (ini->hasProperty("server." + name + ".conninfo")) readProfile("server." + name, name);
  }
  // Logins may hold dots, which Poco reads as levels: walk down to the leaves.
  std::function<void(const std::string&)> readExpiry = [&](const std::string& key) {
    Poco::Util::AbstractConfiguration::Keys children;
    ini->keys(key, children);
    if (children.empty()) {
      s.loginExpiry_[key.substr(std::string("login_expiry.").size())] = ini->getString(key);
    }
    for (const auto& child : children) readExpiry(key + "." + child);
  };
  Poco::Util::AbstractConfiguration::Keys logins;
  ini->keys("login_expiry", logins);
  for (const auto& login : logins) readExpiry("login_expiry." + login);
  const std::string lang = ini->getString("ui.language", "uk");
  s.language_ = (lang == "en") ? "en" : "uk";
  return s;
}

std::optional<std::string> Settings::loginExpiry(const std::string& login) const {
  if (auto it = loginExpiry_.find(login); it != loginExpiry_.end()) return it->second;
  return std::nullopt;
}

void Settings::setLoginExpiry(const std::string& login, const std::optional<std::string>& date) {
  if (date) {
    loginExpiry_[login] = *date;
  } else {
    loginExpiry_.erase(login);
  }
}

std::vector<ServerProfile> Settings::profiles() const {
  std::vector<ServerProfile> out;
  if (auto it = profiles_.find("default"); it != profiles_.end()) out.push_back(it->second);
  for (const auto& [name, p] : profiles_) {
    if (name != "default") out.push_back(p);
  }
  return out;
}

std::optional<ServerProfile> Settings::profile(const std::string& name) const {
  if (auto it = profiles_.find(name); it != profiles_.end()) return it->second;
  return std::nullopt;
}

void Settings::save(const std::string& path) const {
  Poco::Path folder(path);
  folder.makeAbsolute().makeParent();
  Poco::File(folder).createDirectories();
  std::ofstream out(path + ".tmp", std::ios::trunc);
  for (const auto& p : profiles()) {
    out << (p.name == "default" ? "[server]" : "[server." + p.name + "]") << '\n';
    out << "conninfo = " << p.conninfo << '\n';
    if (!p.replica.empty()) out << "replica = " << p.replica << '\n';
    out << '\n';
  }
  out << "[ui]\nlanguage = " << language_ << '\n';
  if (!loginExpiry_.empty()) {
    out << "\n[login_expiry]\n";
    for (const auto& [login, date] : loginExpiry_) out << login << " = " << date << '\n';
  }
  out.close();
  std::rename((path + ".tmp").c_str(), path.c_str());
}

}  // namespace subdesk::config
