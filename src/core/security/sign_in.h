#pragma once
// Signing a member of staff in: the desk's pool of sessions under their own login role,
// and the facts about the login that the desk shows (expiry). PostgreSQL answers an
// expired login exactly like a wrong password (by design: it tells nobody who has not
// proved the password which logins exist), so the desk remembers, per login and on this
// computer only, the expiry date it saw at the last successful sign-in, and says
// "expired" when a refused sign-in comes after that date.
#include <memory>
#include <optional>
#include <string>

#include "core/db/session_pool.h"
#include "core/security/credentials.h"

namespace subdesk::config {
class Settings;
}

namespace subdesk::security {

struct SignInResult {
  std::shared_ptr<db::SessionPool> pool;
  // Sessions on the read replica for reports, call history and bills, when the profile
  // names one; otherwise (or when the replica refused) the primary pool itself.
  std::shared_ptr<db::SessionPool> readerPool;
  std::string replicaProblem;  // why the replica is not used, for the status bar; "" if fine
  std::optional<std::string> validUntil;  // ISO date (Europe/Kyiv) the login expires; none: never
};

struct SignInRequest {
  std::string conninfo;  // the profile's connection string, without credentials
  std::string login;
  std::string password;
  std::size_t poolSize = 3;
  std::string replicaConninfo;  // optional: the profile's read replica, without credentials
  // The expiry remembered from the last sign-in on this computer (Settings::loginExpiry).
  std::optional<std::string> rememberedExpiry;
  std::string today;  // ISO date, for the comparison (injected so tests control it)
};

// Opens the pool. Throws UserError: "28P01" wrong password, "login_expired" when the
// server refused the password after the remembered expiry date, "login_locked",
// "tls_required", "08001" ... (see db::connectionError). The password is wiped from
// every string this function builds.
SignInResult signIn(SignInRequest request);

// Whether `password` is the password of `login` on that server: opens and closes one
// connection (for unlocking an idle-locked desk). Throws like signIn.
void verifyPassword(const std::string& conninfo, const std::string& login, std::string password);

// The login's expiry date as the server has it (pg_roles.rolvaliduntil), if any.
std::optional<std::string> loginValidUntil(soci::session& sql);

// Days from `today` to `validUntil` (both ISO dates); negative when past.
int daysUntil(const std::string& today, const std::string& validUntil);

// Today on this computer's clock and time zone, as an ISO date.
std::string todayLocal();

}  // namespace subdesk::security
