#pragma once
// A manual balance adjustment (issue 7, limits of migration 0011): a credit (positive)
// or debit (negative) of an account's main wallet with a mandatory reason, within the
// per-operation limit of the staff member's role (agent 100.00, sales 1,000.00,
// supervisor 10,000.00 UAH; the database refuses more with SD004). The key makes a retry
// safe: the same key again moves nothing and returns the same ledger id.
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "core/domain/money.h"

namespace subdesk::services {

class BalanceAdjustment {
 public:
  explicit BalanceAdjustment(soci::session& sql) : sql_(sql) {}

  // The session user's limit per operation; nullopt: may not adjust at all.
  std::optional<Money> limit();

  // Returns the ledger id. Throws UserError (translated) for an empty reason, a zero
  // amount or a card number in the reason, before anything is sent; database errors
  // (SD004, SD005, SD007, SD042, 42501) as they come.
  std::int64_t adjust(std::int64_t accountId, Money amount, const std::string& reason,
                      const std::string& idempotencyKey);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
