#include "core/services/home_bonus_transfer.h"

#include "core/domain/msisdn.h"
#include "core/services/home_errors.h"
#include "core/util/i18n.h"

namespace subdesk::services {

BonusTransferLimits HomeBonusTransfer::limits(std::int64_t homeAccountId) {
  BonusTransferLimits l;
  const long long id = homeAccountId;
  long long per = 0, month = 0, used = 0, available = 0;
  sql_ << "SELECT s.bonus_transfer_max, s.bonus_transfer_month_max, bonus_transferred_in_month(:id, subdesk_now()), "
          "(SELECT bonus_balance FROM account WHERE id = :id2) FROM home_settings s",
      soci::use(id), soci::use(id), soci::into(per), soci::into(month), soci::into(used), soci::into(available);
  l.perTransfer = per;
  l.perMonth = month;
  l.transferredThisMonth = used;
  l.available = available;
  return l;
}

std::int64_t HomeBonusTransfer::transfer(std::int64_t homeAccountId, const std::string& toMsisdn,
                                         std::int64_t amount, const std::string& idempotencyKey) {
  const auto number = Msisdn::parse(toMsisdn);
  if (!number) throw UserError(number.error(), "22023");
  if (amount <= 0) throw UserError(tr("Enter an amount of bonuses greater than zero."), "22023");
  if (idempotencyKey.empty()) throw UserError(tr("The operation has no idempotency key."), "22023");
  const long long id = homeAccountId, sum = amount;
  const std::string e164 = number->e164();
  long long out = 0;
  try {
    sql_ << "SELECT home_bonus_transfer(:id, :to, :amount, :key)", soci::use(id), soci::use(e164), soci::use(sum),
        soci::use(idempotencyKey), soci::into(out);
  } catch (const soci::soci_error& e) {
    throw homeError(e);
  }
  return out;
}

}  // namespace subdesk::services
