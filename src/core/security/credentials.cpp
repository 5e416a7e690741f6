#include "core/security/credentials.h"

#include <cctype>
#include <cstdlib>
#include <cstring>

#include "core/db/connection.h"

namespace subdesk::security {
namespace {

bool isUri(const std::string& conninfo) {
  return conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://");
}

std::string percentEncode(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() * 3);
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

bool wantsDefaultTimeout(const std::string& conninfo) {
  const char* env = std::getenv("PGCONNECT_TIMEOUT");
  return conninfo.find("connect_timeout") == std::string::npos && !(env && *env);
}

}  // namespace

std::string conninfoWithCredentials(const std::string& conninfo, const std::string& login,
                                    const std::string& password) {
  std::string out;
  // One allocation, so that no stray copy of the password is left behind by a regrowth.
  out.reserve(conninfo.size() + 3 * (login.size() + password.size()) + 64);
  const bool timeout = wantsDefaultTimeout(conninfo);
  if (isUri(conninfo)) {
    out += conninfo;
    char sep = conninfo.find('?') == std::string::npos ? '?' : '&';
    auto add = [&](const char* key, const std::string& value) {
      out += sep;
      out += key;
      out += '=';
      std::string encoded = percentEncode(value);
      out += encoded;
      wipeSecret(encoded);
      sep = '&';
    };
    if (timeout) add("connect_timeout", "10");
    if (!login.empty()) add("user", login);
    if (!password.empty()) add("password", password);
    return out;
  }
  // Later keywords override earlier ones: the timeout goes first so a profile's own wins,
  // the credentials last so that nothing in the profile overrides them.
  if (timeout) out += "connect_timeout=10 ";
  out += conninfo;
  if (!login.empty()) out += " user=" + db::quoteConninfoValue(login);
  if (!password.empty()) {
    std::string quoted = db::quoteConninfoValue(password);
    out += " password=";
    out += quoted;
    wipeSecret(quoted);
  }
  return out;
}

void wipeSecret(std::string& secret) {
  if (!secret.empty()) explicit_bzero(secret.data(), secret.size());
  secret.clear();
  secret.shrink_to_fit();
}

}  // namespace subdesk::security
