#define BOOST_TEST_MODULE detail_fee_policy
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "core/domain/detail_fee_policy.h"

using namespace std::chrono;
using subdesk::DetailFeePolicy;
using subdesk::DetailFeeReason;

namespace {

year_month_day d(int y, unsigned m, unsigned day) { return year_month_day(year(y), month(m), std::chrono::day(day)); }

std::string show(year_month_day v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(v.year()), unsigned(v.month()), unsigned(v.day()));
  return buf;
}

}  // namespace

// The rule of DESIGN.md as a table: registration day, request day, earlier requests of
// that month -> fee in kopecks and why.
BOOST_AUTO_TEST_CASE(fee_rule_table) {
  struct Row {
    const char* what;
    std::optional<year_month_day> registered;
    year_month_day today;
    int earlier;
    std::int64_t kopecks;
    DetailFeeReason reason;
  };
  const auto P = DetailFeeReason::Preferential, F = DetailFeeReason::FirstOfMonth, N = DetailFeeReason::FurtherInMonth;
  const Row rows[] = {
      // registered on the 1st: preferential through the end of the next month
      {"1st: registration day itself", d(2026, 3, 1), d(2026, 3, 1), 0, 106, P},
      {"1st: later the same month, 3rd request", d(2026, 3, 1), d(2026, 3, 20), 2, 106, P},
      {"1st: last day of the following month", d(2026, 3, 1), d(2026, 4, 30), 0, 106, P},
      {"1st: first day after the period, first request", d(2026, 3, 1), d(2026, 5, 1), 0, 531, F},
      {"1st: first month after the period, second request", d(2026, 3, 1), d(2026, 5, 2), 1, 106, N},
      // registered on the 15th
      {"15th: the 14th of the next month", d(2026, 6, 15), d(2026, 7, 14), 0, 106, P},
      {"15th: the 31st of the next month", d(2026, 6, 15), d(2026, 7, 31), 5, 106, P},
      {"15th: the month after, first request", d(2026, 6, 15), d(2026, 8, 1), 0, 531, F},
      {"15th: the month after, fourth request", d(2026, 6, 15), d(2026, 8, 28), 3, 106, N},
      {"15th: a request before registration is not preferential", d(2026, 6, 15), d(2026, 6, 14), 0, 531, F},
      // registered on the last day of a month: still the whole next month
      {"31 Jan: next month is February (non-leap)", d(2026, 1, 31), d(2026, 2, 28), 0, 106, P},
      {"31 Jan: 1 March is after the period", d(2026, 1, 31), d(2026, 3, 1), 0, 531, F},
      {"31 Jan leap year: 29 February", d(2028, 1, 31), d(2028, 2, 29), 0, 106, P},
      {"30 April: through 31 May", d(2026, 4, 30), d(2026, 5, 31), 1, 106, P},
      // across a year end
      {"15 Dec: January of the next year", d(2026, 12, 15), d(2027, 1, 31), 0, 106, P},
      {"15 Dec: February of the next year, first", d(2026, 12, 15), d(2027, 2, 1), 0, 531, F},
      {"30 Nov: 31 December", d(2026, 11, 30), d(2026, 12, 31), 0, 106, P},
      {"30 Nov: 1 January, first", d(2026, 11, 30), d(2027, 1, 1), 0, 531, F},
      {"30 Nov: 1 January, second", d(2026, 11, 30), d(2027, 1, 1), 1, 106, N},
      // never registered for self-care
      {"unregistered: first of the month", std::nullopt, d(2026, 9, 10), 0, 531, F},
      {"unregistered: second of the month", std::nullopt, d(2026, 9, 10), 1, 106, N},
      {"unregistered: tenth of the month", std::nullopt, d(2026, 9, 30), 9, 106, N},
  };
  const DetailFeePolicy policy;
  for (const Row& r : rows) {
    const auto q = policy.quote(r.registered, r.today, r.earlier);
    BOOST_TEST(q.fee.kopecks() == r.kopecks, r.what);
    BOOST_TEST((q.reason == r.reason), r.what);
    BOOST_TEST(q.preferentialUntil.has_value() == r.registered.has_value(), r.what);
  }
}

BOOST_AUTO_TEST_CASE(preferential_period_ends_with_the_following_month) {
  struct Row {
    year_month_day registered;
    const char* until;
  };
  for (const Row& r : {Row{d(2026, 1, 1), "2026-02-28"}, Row{d(2026, 1, 31), "2026-02-28"},
                       Row{d(2028, 1, 15), "2028-02-29"}, Row{d(2026, 12, 1), "2027-01-31"},
                       Row{d(2026, 12, 31), "2027-01-31"}, Row{d(2026, 7, 15), "2026-08-31"}}) {
    BOOST_TEST(show(DetailFeePolicy::preferentialUntil(r.registered)) == r.until);
  }
}
