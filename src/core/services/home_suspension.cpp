#include "core/services/home_suspension.h"

#include <regex>

#include "core/services/home_errors.h"
#include "core/util/i18n.h"

namespace subdesk::services {

SuspensionAllowance HomeSuspension::allowance(std::int64_t homeInternetId) {
  SuspensionAllowance a;
  const long long id = homeInternetId;
  sql_ << "SELECT (SELECT suspension_days_per_year FROM home_settings), "
          "home_suspension_days(:id, extract(year FROM kyiv_today())::int), CAST(kyiv_today() AS text)",
      soci::use(id), soci::into(a.daysPerYear), soci::into(a.usedThisYear), soci::into(a.today);
  return a;
}

std::int64_t HomeSuspension::suspend(std::int64_t homeInternetId, const std::string& from, const std::string& to) {
  const std::regex day(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(from, day) || !std::regex_match(to, day))
    throw UserError(tr("Enter the suspension dates as YYYY-MM-DD."), "22023");
  const long long id = homeInternetId;
  long long out = 0;
  try {
    sql_ << "SELECT home_suspend(:id, CAST(:f AS date), CAST(:t AS date))", soci::use(id), soci::use(from),
        soci::use(to), soci::into(out);
  } catch (const soci::soci_error& e) {
    throw homeError(e);
  }
  return out;
}

std::optional<std::string> HomeSuspension::resume(std::int64_t homeInternetId) {
  const long long id = homeInternetId;
  std::string last;
  soci::indicator lastInd = soci::i_null;
  try {
    sql_ << "SELECT CAST(home_resume(:id) AS text)", soci::use(id), soci::into(last, lastInd);
  } catch (const soci::soci_error& e) {
    throw homeError(e);
  }
  if (lastInd != soci::i_ok) return std::nullopt;
  return last;
}

}  // namespace subdesk::services
