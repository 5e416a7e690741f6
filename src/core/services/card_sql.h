#pragma once
// Helpers shared by the SubscriberCard sources: reading soci::row values whatever integer
// type the column has, NULL as "" or 0, and the fixed SQL fragments of the card.
#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace subdesk::services::card_sql {

// Today and the start of the current month in the Kyiv calendar.
inline constexpr const char* kToday = "CAST(now() AT TIME ZONE 'Europe/Kyiv' AS date)";
inline constexpr const char* kMonthStart =
    "(date_trunc('month', now() AT TIME ZONE 'Europe/Kyiv') AT TIME ZONE 'Europe/Kyiv')";
// Call records are read from the view cdr_visible (migration 0028), which leaves out calls
// to emergency short numbers; staff have no SELECT on cdr itself.

inline std::int64_t i64(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<std::int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<std::int64_t>(r.get<double>(i));
    default: return std::stoll(r.get<std::string>(i));
  }
}

inline std::string str(const soci::row& r, std::size_t i) {
  return r.get_indicator(i) == soci::i_null ? std::string() : r.get<std::string>(i);
}

// "2024-05-14T10:00:00+03:00" -> "2024-05-14 10:00", for sentences.
inline std::string shortMoment(const std::string& iso) {
  std::string s = iso.substr(0, 16);
  if (s.size() > 10 && s[10] == 'T') s[10] = ' ';
  return s;
}

inline bool flag(const soci::row& r, std::size_t i) { return i64(r, i) != 0; }

// Runs a query with bound parameters and calls f for each row.
template <class F, class... Uses>
void eachRow(soci::session& sql, const std::string& query, F&& f, Uses&&... uses) {
  soci::rowset<soci::row> rows = ((sql.prepare << query), ..., std::forward<Uses>(uses));
  for (const soci::row& r : rows) f(r);
}

}  // namespace subdesk::services::card_sql
