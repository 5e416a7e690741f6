#pragma once
// The demo catalogue: mobile and home-internet tariffs, add-on services, promotions and
// offices, with the prices the CDR rating and the ledger use. Money in kopecks.
#include <cstdint>
#include <span>

namespace subdesk::demo {

struct Tariff {
  const char* code;
  bool home;
  const char* nameUk;
  const char* nameEn;
  std::int64_t monthlyFee;
  int minutes;  // included per month; -1 unlimited (NULL)
  int sms;
  int dataMb;
  int speedMbps;                            // home only
  std::int64_t turbo1h, turbo3h, turbo24h;  // home only
  bool active;                              // inactive: archived, still used by old lines
  int weight;                               // share of new lines
  // Rating beyond the bundle: per started minute, per SMS, per started MB.
  std::int64_t perMinute, perSms, perMb;
};

struct Service {
  const char* code;
  bool home;
  const char* nameUk;
  const char* nameEn;
  std::int64_t monthlyFee;
  const char* exclusiveGroup;  // nullptr: none
};

struct Promotion {
  const char* code;
  const char* nameUk;
  const char* nameEn;
  int startsDaysAgo;       // relative to the data's "now"
  int lastsDays;           // -1: open-ended
  const char* tariffs[3];  // eligible tariff codes; all nullptr: every tariff
  const char* descriptionUk;
  const char* descriptionEn;
};

std::span<const Tariff> mobileTariffs();
std::span<const int> mobileTariffWeights();
std::span<const Tariff> homeTariffs();
std::span<const int> homeTariffWeights();
std::span<const Service> services();
std::span<const Promotion> promotions();

// Indexes into services() used by the generator.
inline constexpr int kServiceRoamingEurope = 0;
inline constexpr int kFirstOptionalService = 2;  // services kFirstOptional.. are picked at random
inline constexpr int kMobileServiceCount = 7;
// Index of the archived pay-as-you-go mobile tariff, chosen more by long-time customers.
inline constexpr int kClassicTariff = 0;

// Roaming prices inside the package (voice per minute, SMS); data is in the package.
inline constexpr std::int64_t kRoamingPerMinute = 500;
inline constexpr std::int64_t kRoamingPerSms = 300;

}  // namespace subdesk::demo
