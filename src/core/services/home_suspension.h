#pragma once
// Vacation suspension of home internet and early resume (agents and up, migration
// 0022). Days are Kyiv calendar days, both inclusive; the first not in the past; at most
// HomeSuspension::daysPerYear() days a year. FreeRADIUS refuses the login from the first
// day and accepts it again after the last one by itself (radius_usergroup).
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace subdesk::services {

struct SuspensionAllowance {
  int daysPerYear = 0;
  int usedThisYear = 0;  // including a planned suspension
  std::string today;     // YYYY-MM-DD, Kyiv, by the database's clock
};

class HomeSuspension {
 public:
  explicit HomeSuspension(soci::session& sql) : sql_(sql) {}

  SuspensionAllowance allowance(std::int64_t homeInternetId);
  // from, to: YYYY-MM-DD. Returns the suspension's id; throws UserError when refused.
  std::int64_t suspend(std::int64_t homeInternetId, const std::string& from, const std::string& to);
  // Ends a running suspension now or cancels a planned one. Returns the last day it
  // lasted (YYYY-MM-DD), or nothing when it had not started.
  std::optional<std::string> resume(std::int64_t homeInternetId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
