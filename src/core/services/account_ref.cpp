#include "core/services/account_ref.h"

#include "core/domain/account_number.h"
#include "core/domain/msisdn.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::int64_t resolveAccount(soci::session& sql, const std::string& text) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  if (const auto number = AccountNumber::parse(text)) {
    const std::string n = number->digits();
    sql << "SELECT id FROM account WHERE number = :n", soci::use(n), soci::into(id, ind);
  } else if (const auto msisdn = Msisdn::parse(text)) {
    const std::string e164 = msisdn->e164();
    sql << "SELECT account_id FROM line WHERE msisdn = :m AND status <> 'closed' LIMIT 1", soci::use(e164),
        soci::into(id, ind);
  } else {
    throw UserError(format(tr("\"{0}\" is neither an account number nor a phone number."), {text}), "usage");
  }
  if (ind != soci::i_ok) throw UserError(format(tr("No account matches \"{0}\"."), {text}), "P0002");
  return id;
}

std::int64_t customerOfAccount(soci::session& sql, std::int64_t accountId) {
  long long customer = 0;
  const long long id = accountId;
  sql << "SELECT customer_id FROM account WHERE id = :a", soci::use(id), soci::into(customer);
  if (!sql.got_data()) throw UserError(tr("This account does not exist."), "P0002");
  return customer;
}

std::int64_t resolveLine(soci::session& sql, const std::string& text) {
  const auto m = Msisdn::parse(text);
  if (!m) throw UserError(m.error(), "usage");
  long long id = 0;
  soci::indicator ind = soci::i_null;
  const std::string e164 = m->e164();
  sql << "SELECT id FROM line WHERE msisdn = :m AND status <> 'closed'", soci::use(e164), soci::into(id, ind);
  if (ind != soci::i_ok) throw UserError(format(tr("No open line has the number {0}."), {text}), "P0002");
  return id;
}

}  // namespace subdesk::services
