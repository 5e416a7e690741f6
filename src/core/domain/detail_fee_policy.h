#pragma once
// The price of a detailed bill (DESIGN.md, issue 8), as a pure rule the desk uses to show
// the fee before the agent confirms. Migration 0029's detail_fee_rule() is the same rule
// in the database, which recomputes it when charging and refuses (SD051) a different
// figure; tests/db/test_detail_requests.cpp checks that both agree.
//
//   From the self-care registration day until the end of the following calendar month
//   every request costs 1.06 UAH. After that (and for an account that never registered)
//   the first request of a calendar month costs 5.31 UAH, each further one 1.06 UAH.
//
// Days are Kyiv calendar days. Every earlier request of the month counts, waived ones too.
#include <chrono>
#include <optional>

#include "core/domain/money.h"

namespace subdesk {

enum class DetailFeeReason {
  Preferential,    // within the registration month or the month after it
  FirstOfMonth,    // the first request of this calendar month
  FurtherInMonth,  // a second or later request of this calendar month
};

struct DetailFeeQuote {
  Money fee;
  DetailFeeReason reason = DetailFeeReason::FirstOfMonth;
  // The last day at the preferential price, when the account registered for self-care.
  std::optional<std::chrono::year_month_day> preferentialUntil;
};

class DetailFeePolicy {
 public:
  static constexpr Money kPreferentialFee = Money::fromKopecks(106);
  static constexpr Money kFirstOfMonthFee = Money::fromKopecks(531);
  static constexpr Money kFurtherFee = Money::fromKopecks(106);

  // registeredOn: the self-care registration day, if any; today: the Kyiv day of the
  // request; earlierThisMonth: requests of the account already made in today's month.
  DetailFeeQuote quote(std::optional<std::chrono::year_month_day> registeredOn, std::chrono::year_month_day today,
                       int earlierThisMonth) const;

  // The last day of the calendar month after the registration month.
  static std::chrono::year_month_day preferentialUntil(std::chrono::year_month_day registeredOn);
};

}  // namespace subdesk
