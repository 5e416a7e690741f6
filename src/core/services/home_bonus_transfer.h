#pragma once
// Home-internet bonuses to a mobile line of the same customer or family (agents and up,
// within a verified interaction; migration 0023). Both wallets change in one transaction
// through the ledger; the idempotency key makes a retry after a lost connection return
// the first transfer instead of making a second one.
#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace subdesk::services {

struct BonusTransferLimits {
  std::int64_t perTransfer = 0, perMonth = 0, transferredThisMonth = 0, available = 0;
};

class HomeBonusTransfer {
 public:
  explicit HomeBonusTransfer(soci::session& sql) : sql_(sql) {}
  BonusTransferLimits limits(std::int64_t homeAccountId);
  // toMsisdn in any notation; amount in kopecks. Returns the transfer's id (the first
  // transfer's for a retry with the same key). Throws UserError when refused.
  std::int64_t transfer(std::int64_t homeAccountId, const std::string& toMsisdn, std::int64_t amount,
                        const std::string& idempotencyKey);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
