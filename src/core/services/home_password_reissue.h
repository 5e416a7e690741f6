#pragma once
// Reissuing a home-internet password at the office (sales and up, within a verified
// interaction; migration 0023): a new password is made here, its hash replaces the one
// FreeRADIUS checks, and the password is either returned once for the sheet the desk
// prints, or sent by SMS to the registered mobile or by e-mail through the outbox (the
// notifier scrubs it from the stored message once sent).
#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace subdesk::services {

enum class PasswordDelivery { Print, Sms, Email };

struct ReissuedPassword {
  std::string password;   // only for Print: print it now, then forget it; empty otherwise
  std::string recipient;  // the number or address it was sent to (Sms, Email)
  std::int64_t outboxId = 0;
  std::string login;
};

class HomePasswordReissue {
 public:
  explicit HomePasswordReissue(soci::session& sql) : sql_(sql) {}
  ReissuedPassword reissue(std::int64_t homeInternetId, PasswordDelivery delivery);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
