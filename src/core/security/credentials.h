#pragma once
// Turning what the person typed into a libpq connection string. The password is only
// ever held in memory, for as short a time as possible, and never logged.
#include <string>

namespace subdesk::security {

// The server profile's connection string with the person's login and password added
// (keyword=value form, or query parameters of a postgresql:// URI). An empty password
// is left out, so that ~/.pgpass or PGPASSWORD still apply. Without a connect_timeout
// in the profile or PGCONNECT_TIMEOUT, a 10-second one is added: an unreachable server
// must fail the attempt, not hang it.
std::string conninfoWithCredentials(const std::string& conninfo, const std::string& login,
                                    const std::string& password);

// Overwrites the bytes of a secret before releasing them (best effort: copies made by
// libraries, such as the text control's own buffer or libpq's, are out of reach).
void wipeSecret(std::string& secret);

// Wipes a string when the scope ends, however it ends.
class SecretWiper {
 public:
  explicit SecretWiper(std::string& secret) : secret_(secret) {}
  ~SecretWiper() { wipeSecret(secret_); }
  SecretWiper(const SecretWiper&) = delete;
  SecretWiper& operator=(const SecretWiper&) = delete;

 private:
  std::string& secret_;
};

}  // namespace subdesk::security
