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
  try {
    sql_ << "SELECT balance_transfer(:f, :t, :m, :r, :k)", soci::use(from), soci::use(to), soci::use(kopecks),
        soci::use(reason), soci::use(idempotencyKey), soci::into(id);
  } catch (const soci::soci_error& e) {
    if (sqlState(e) == "SD042") closedSide(from, to);
    throw;
  }
  return id;
}

void AccountTransfer::closedSide(long long from, long long to) {
  // Which side is closed, for the sentence; the refusal itself was the database's.
  std::string number, fromNumber;
  soci::indicator ind = soci::i_null;
  try {
    sql_ << "SELECT number FROM account WHERE id = :f AND status = 'closed'", soci::use(from),
        soci::into(fromNumber, ind);
    if (sql_.got_data() && ind == soci::i_ok)
      throw UserError(format(tr("Account {0} is closed: no money can be moved from it."), {fromNumber}), "SD042");
    sql_ << "SELECT number FROM account WHERE id = :t AND status = 'closed'", soci::use(to), soci::into(number, ind);
    if (sql_.got_data() && ind == soci::i_ok)
      throw UserError(format(tr("Account {0} is closed: no money can be moved to it."), {number}), "SD042");
  } catch (const soci::soci_error&) {
    // In a failed transaction nothing more can be read: the general sentence follows.
  }
  throw UserError(tr("One of the two accounts is closed or does not exist: no money was moved."), "SD042");
}

}  // namespace subdesk::services
