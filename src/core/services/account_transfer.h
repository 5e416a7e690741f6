#pragma once
// Moving money from one account to another of the same customer or the same family
// group (balance_transfer(), migration 0024), for a verified caller (SD001 otherwise).
// Never below the source's disconnect threshold (SD044); another customer's account
// outside the family is refused (SD045), and so is a closed account on either side
// (SD042, with a sentence naming it). Idempotent by key like every money operation.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "core/domain/money.h"

namespace subdesk::services {

class AccountTransfer {
 public:
  explicit AccountTransfer(soci::session& sql) : sql_(sql) {}

  // Returns the ledger id of the debit.
  std::int64_t transfer(std::int64_t fromAccountId, std::int64_t toAccountId, Money amount,
                        const std::string& reason, const std::string& idempotencyKey);

 private:
  [[noreturn]] void closedSide(long long from, long long to);
  soci::session& sql_;
};

}  // namespace subdesk::services
