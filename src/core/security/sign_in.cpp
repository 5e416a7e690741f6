#include "core/security/sign_in.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include <soci/soci.h>

#include "core/db/connection.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::security {

std::optional<std::string> loginValidUntil(soci::session& sql) {
  std::string until;
  soci::indicator ind = soci::i_null;
  sql << "SELECT to_char(rolvaliduntil AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD') "
         "FROM pg_roles WHERE rolname = session_user AND rolvaliduntil < 'infinity'",
      soci::into(until, ind);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return until;
}

int daysUntil(const std::string& today, const std::string& validUntil) {
  auto parse = [](const std::string& iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%d-%u-%u", &y, &m, &d) != 3) {
      throw std::invalid_argument("not an ISO date: " + iso);
    }
    return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
  };
  return static_cast<int>((parse(validUntil) - parse(today)).count());
}

std::string todayLocal() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

namespace {

// The remembered expiry has passed: the refusal is (most likely) the expiry.
bool expiredBefore(const SignInRequest& r) {
  return r.rememberedExpiry && !r.today.empty() && daysUntil(r.today, *r.rememberedExpiry) < 0;
}

}  // namespace

SignInResult signIn(SignInRequest request) {
  SecretWiper passwordWiper(request.password);
  std::string conninfo = conninfoWithCredentials(request.conninfo, request.login, request.password);
  SecretWiper conninfoWiper(conninfo);
  SignInResult result;
  try {
    result.pool = std::make_shared<db::SessionPool>(conninfo, request.poolSize);
  } catch (const UserError& e) {
    if (e.code() == "28P01" && expiredBefore(request)) {
      throw UserError(format(tr("Your login expired on {0}. Ask your administrator to extend it."),
                             {*request.rememberedExpiry}),
                      "login_expired");
    }
    throw;
  }
  result.readerPool = result.pool;
  if (!request.replicaConninfo.empty()) {
    std::string replica = conninfoWithCredentials(request.replicaConninfo, request.login, request.password);
    SecretWiper replicaWiper(replica);
    try {
      result.readerPool = std::make_shared<db::SessionPool>(replica, 2);
    } catch (const std::exception& e) {
      // Heavy reads then go to the primary: slower for everyone, but nothing stops.
      result.replicaProblem = describeError(e);
    }
  }
  auto sql = result.pool->lease();
  result.validUntil = loginValidUntil(*sql);
  return result;
}

void verifyPassword(const std::string& conninfo, const std::string& login, std::string password) {
  SecretWiper passwordWiper(password);
  std::string full = conninfoWithCredentials(conninfo, login, password);
  SecretWiper conninfoWiper(full);
  db::connect(full)->close();
}

}  // namespace subdesk::security
