#include "core/services/home_turbo.h"

#include "core/services/home_errors.h"
#include "core/util/i18n.h"

namespace subdesk::services {

TurboResult HomeTurbo::buy(std::int64_t homeInternetId, int hours, const std::string& idempotencyKey) {
  if (hours != 1 && hours != 3 && hours != 24) throw UserError(tr("Turbo lasts 1, 3 or 24 hours."), "22023");
  const long long id = homeInternetId;
  try {
    sql_ << "SELECT home_turbo(:id, :h, :k)", soci::use(id), soci::use(hours), soci::use(idempotencyKey);
  } catch (const soci::soci_error& e) {
    throw homeError(e);
  }
  return current(homeInternetId);
}

TurboResult HomeTurbo::current(std::int64_t homeInternetId) {
  TurboResult r;
  const long long id = homeInternetId;
  std::string until;
  soci::indicator untilInd = soci::i_null;
  long long left = 0;
  sql_ << "SELECT kyiv_iso(turbo_until), greatest(0, extract(epoch FROM turbo_until - subdesk_now()))::bigint "
          "FROM home_internet WHERE id = :id",
      soci::use(id), soci::into(until, untilInd), soci::into(left);
  if (!sql_.got_data()) throw UserError(tr("This home internet does not exist."), "P0002");
  if (untilInd == soci::i_ok) r.until = until;
  r.secondsLeft = untilInd == soci::i_ok ? left : 0;
  return r;
}

}  // namespace subdesk::services
