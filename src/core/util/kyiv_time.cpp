#include "core/util/kyiv_time.h"

#include <cstdio>

namespace subdesk {
namespace {
using namespace std::chrono;

// 01:00 UTC on the last Sunday of `m` in year `y`.
sys_seconds lastSundayOneAm(year y, month m) {
  const sys_days day{year_month_weekday_last{y, m, weekday_last{Sunday}}};
  return sys_seconds{day} + hours{1};
}
}  // namespace

std::chrono::hours kyivOffset(std::chrono::sys_seconds t) {
  const year y = year_month_day{floor<days>(t)}.year();
  const bool summer = t >= lastSundayOneAm(y, March) && t < lastSundayOneAm(y, October);
  return hours{summer ? 3 : 2};
}

std::string kyivDateTime(std::chrono::sys_seconds t) {
  const sys_seconds local = t + kyivOffset(t);
  const auto day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss time{local - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d %02d:%02d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()));
  return buf;
}

}  // namespace subdesk
