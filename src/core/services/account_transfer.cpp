#include "core/services/account_transfer.h"

#include "core/domain/card_number.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::int64_t AccountTransfer::transfer(std::int64_t fromAccountId, std::int64_t toAccountId, Money amount,
                                       const std::string& reason, const std::string& idempotencyKey) {
  if (containsCardNumber(reason)) throw UserError(cardNumberRefusal(), "SD040");
  if (amount.kopecks() <= 0) throw UserError(tr("The amount to transfer must be more than zero."), "SD041");
  if (fromAccountId == toAccountId) throw UserError(tr("Choose two different accounts."), "22023");
  const long long from = fromAccountId, to = toAccountId, kopecks = amount.kopecks();
  long long id = 0;
  sql_ << "SELECT balance_transfer(:f, :t, :m, :r, :k)", soci::use(from), soci::use(to), soci::use(kopecks),
      soci::use(reason), soci::use(idempotencyKey), soci::into(id);
  return id;
}

}  // namespace subdesk::services
