#pragma once
// Changing a line's tariff (issue 7; tariff_change_request() of migration 0025): now, at
// the start of the next billing period, or on a chosen later date. preview() gives what
// the dialog shows before the person confirms: the monthly fee difference and how the
// allowances change. Scheduled changes are listed on the card and can be cancelled.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

enum class TariffChangeWhen { Now, NextPeriod, OnDate };

struct TariffOption {
  int id = 0;
  std::string code, nameUk, nameEn;
  std::int64_t monthlyFee = 0;
  std::optional<std::int64_t> minutes, sms, dataMb;  // nullopt: unlimited
};

struct TariffPreview {
  TariffOption current, proposed;
  std::int64_t feeDifference = 0;  // proposed - current, kopecks per month
  std::string effectiveOn;         // YYYY-MM-DD
  // Translated lines: "Minutes: 100 -> unlimited", one per allowance that changes.
  std::vector<std::string> allowanceChanges;
};

struct ScheduledTariffChange {
  std::int64_t id = 0;
  std::int64_t lineId = 0;
  std::string msisdn, effectiveOn, fromUk, fromEn, toUk, toEn, createdBy;
};

class TariffChange {
 public:
  explicit TariffChange(soci::session& sql) : sql_(sql) {}

  // Active mobile tariffs other than the line's own.
  std::vector<TariffOption> options(std::int64_t lineId);
  TariffPreview preview(std::int64_t lineId, int newTariffId, TariffChangeWhen when, const std::string& date = {});
  // Returns the tariff_change id. date: YYYY-MM-DD for OnDate.
  std::int64_t request(std::int64_t lineId, int newTariffId, TariffChangeWhen when, const std::string& date = {});
  void cancel(std::int64_t changeId);
  // The scheduled changes of a customer's lines, soonest first.
  std::vector<ScheduledTariffChange> scheduled(std::int64_t customerId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
