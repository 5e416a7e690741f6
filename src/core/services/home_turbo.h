#pragma once
// Turbo: twice the tariff's speed for 1, 3 or 24 hours at the tariff's price, charged
// from the main balance through the ledger (migration 0022). The caller makes the
// idempotency key once (security::newIdempotencyKey()) and sends the same key again
// when it retries after a lost connection: it is charged once.
#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace subdesk::services {

struct TurboResult {
  std::string until;       // ISO 8601, Kyiv offset
  std::int64_t secondsLeft = 0;
};

class HomeTurbo {
 public:
  explicit HomeTurbo(soci::session& sql) : sql_(sql) {}
  // Throws UserError when refused (hours not 1/3/24, no price, suspended, not enough money).
  TurboResult buy(std::int64_t homeInternetId, int hours, const std::string& idempotencyKey);
  // The turbo running now (secondsLeft 0 when none).
  TurboResult current(std::int64_t homeInternetId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
