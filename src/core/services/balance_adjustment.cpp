#include "core/services/balance_adjustment.h"

#include "core/domain/card_number.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::optional<Money> BalanceAdjustment::limit() {
  long long lim = 0;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT adjustment_limit()", soci::into(lim, ind);
  if (ind != soci::i_ok) return std::nullopt;
  return Money::fromKopecks(lim);
}

std::int64_t BalanceAdjustment::adjust(std::int64_t accountId, Money amount, const std::string& reason,
                                       const std::string& idempotencyKey) {
  if (containsCardNumber(reason)) throw UserError(cardNumberRefusal(), "SD040");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw UserError(tr("Say why the balance is adjusted: the reason is required."), "SD005");
  if (amount.kopecks() == 0) throw UserError(tr("An adjustment moves a non-zero amount."), "22023");
  const long long account = accountId, kopecks = amount.kopecks();
  long long id = 0;
  refusingClosedAccount(tr("This account is closed: its balance cannot be adjusted."), [&] {
    sql_ << "SELECT balance_adjust(:a, :m, :r, :k)", soci::use(account), soci::use(kopecks), soci::use(reason),
        soci::use(idempotencyKey), soci::into(id);
  });
  return id;
}

}  // namespace subdesk::services
