#pragma once
// Civil dates for the demo data as plain integers: days and seconds since 1970-01-01 UTC.
// The generator formats tens of millions of timestamps; integer arithmetic (H. Hinnant's
// days_from_civil / civil_from_days) is several times faster than going through
// std::chrono's calendar types and std::put_time, and needs no time-zone database. All
// timestamps are written in UTC ("+00"); PostgreSQL shows them in Europe/Kyiv as usual.
#include <cstdint>

namespace subdesk::demo {

constexpr std::int64_t kSecondsPerDay = 86'400;

struct CivilDate {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

constexpr std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr CivilDate civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400) + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// The day (days since the epoch) of a timestamp (seconds since the epoch).
constexpr std::int64_t dayOf(std::int64_t seconds) { return floorDiv(seconds, kSecondsPerDay); }

// The first day of the month containing day, shifted by months (negative: earlier).
constexpr std::int64_t monthStart(std::int64_t day, int months = 0) {
  const CivilDate c = civilFromDays(day);
  int index = c.year * 12 + static_cast<int>(c.month) - 1 + months;
  return daysFromCivil(index / 12, static_cast<unsigned>(index % 12) + 1, 1);
}

// The same time of day `months` earlier, the day clamped to the month's length
// (31 May minus three months is 28 or 29 February).
constexpr std::int64_t monthsBefore(std::int64_t seconds, int months) {
  const std::int64_t day = dayOf(seconds);
  const CivilDate c = civilFromDays(day);
  const std::int64_t first = monthStart(day, -months);
  const std::int64_t nextFirst = monthStart(day, -months + 1);
  std::int64_t target = first + static_cast<std::int64_t>(c.day) - 1;
  if (target >= nextFirst) target = nextFirst - 1;
  return target * kSecondsPerDay + (seconds - day * kSecondsPerDay);
}

// Kyiv's offset from UTC when a month begins: summer time (+3) runs from the last Sunday of
// March to the last Sunday of October, so the 1st of April..October is in summer time and
// the 1st of November..March is not (+2).
constexpr std::int64_t kyivOffsetOnFirst(unsigned month) {
  return month >= 4 && month <= 10 ? 3 * 3600 : 2 * 3600;
}

// The instant a month, given by its first day, begins in Kyiv. Calendar months of the data
// (bundles, monthly usage) are Kyiv's: that is what the desk shows.
constexpr std::int64_t kyivMonthStart(std::int64_t firstDay) {
  return firstDay * kSecondsPerDay - kyivOffsetOnFirst(civilFromDays(firstDay).month);
}

}  // namespace subdesk::demo
