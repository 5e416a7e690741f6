#include "core/domain/detail_fee_policy.h"

namespace subdesk {

using namespace std::chrono;

year_month_day DetailFeePolicy::preferentialUntil(year_month_day registeredOn) {
  const year_month next = year_month(registeredOn.year(), registeredOn.month()) + months(1);
  return year_month_day(year_month_day_last(next.year(), month_day_last(next.month())));
}

DetailFeeQuote DetailFeePolicy::quote(std::optional<year_month_day> registeredOn, year_month_day today,
                                      int earlierThisMonth) const {
  DetailFeeQuote q;
  if (registeredOn) {
    q.preferentialUntil = preferentialUntil(*registeredOn);
    if (sys_days(today) >= sys_days(*registeredOn) && sys_days(today) <= sys_days(*q.preferentialUntil)) {
      q.fee = kPreferentialFee;
      q.reason = DetailFeeReason::Preferential;
      return q;
    }
  }
  if (earlierThisMonth <= 0) {
    q.fee = kFirstOfMonthFee;
    q.reason = DetailFeeReason::FirstOfMonth;
  } else {
    q.fee = kFurtherFee;
    q.reason = DetailFeeReason::FurtherInMonth;
  }
  return q;
}

}  // namespace subdesk
