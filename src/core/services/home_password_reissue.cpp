#include "core/services/home_password_reissue.h"

#include "core/security/home_password.h"
#include "core/services/home_errors.h"
#include "core/util/i18n.h"

namespace subdesk::services {

ReissuedPassword HomePasswordReissue::reissue(std::int64_t homeInternetId, PasswordDelivery delivery) {
  ReissuedPassword r;
  std::string password = security::HomePassword::generate();
  const std::string hash = security::HomePassword::hash(password);
  const std::string how = delivery == PasswordDelivery::Print ? "print"
                          : delivery == PasswordDelivery::Sms ? "sms"
                                                              : "email";
  soci::indicator passwordInd = delivery == PasswordDelivery::Print ? soci::i_null : soci::i_ok;
  const long long id = homeInternetId;
  long long outbox = 0;
  soci::indicator outboxInd = soci::i_null, rcptInd = soci::i_null;
  try {
    sql_ << "SELECT outbox_id, recipient FROM home_password_reissue(:id, :hash, :how, :pw)", soci::use(id),
        soci::use(hash), soci::use(how), soci::use(password, passwordInd), soci::into(outbox, outboxInd),
        soci::into(r.recipient, rcptInd);
    sql_ << "SELECT login FROM home_internet WHERE id = :id", soci::use(id), soci::into(r.login);
  } catch (const soci::soci_error& e) {
    throw homeError(e);
  }
  if (outboxInd == soci::i_ok) r.outboxId = outbox;
  if (delivery == PasswordDelivery::Print) r.password = std::move(password);
  return r;
}

}  // namespace subdesk::services
