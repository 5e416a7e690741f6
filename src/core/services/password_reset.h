#pragma once
// The desk's "reset the self-care password": sends the line a one-time code by SMS
// (made, hashed and queued by the database, migration 0016: the desk never sees it) and
// tells the desk when it was sent, until when it is valid and when another may be sent
// (at most 3 codes per line per hour). Needs a verified interaction with the customer.
//
//   PasswordReset reset(*sql);
//   auto sent = reset.send(lineId);   // sent.describe(): "Sent at 14:02, valid until 14:07."
//   auto st = reset.status(lineId);   // st.resendAllowedNow, st.times.resendAllowedAtLocal
#include <chrono>
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "core/domain/msisdn.h"

namespace subdesk::services {

struct CodeTimes {
  std::chrono::sys_seconds sentAt{};
  std::chrono::sys_seconds validUntil{};
  std::chrono::sys_seconds resendAllowedAt{};
  // The same as "HH:MM" in Europe/Kyiv, as the desk shows them.
  std::string sentAtLocal;
  std::string validUntilLocal;
  std::string resendAllowedAtLocal;

  // "Sent at 14:02, valid until 14:07." (translated)
  std::string describe() const;
};

struct CodeStatus {
  bool everSent = false;  // false: the line never had a code (the rest is empty)
  std::string purpose;    // "password_reset" or "verification"
  CodeTimes times;
  bool pending = false;  // the last code can still be used
  int triesLeft = 0;     // wrong tries left for the pending code
  int codesLastHour = 0;
  bool resendAllowedNow = true;  // the rate limit allows another code now
};

class PasswordReset {
 public:
  explicit PasswordReset(soci::session& sql) : sql_(sql) {}

  // Sends a password-reset code to the line. Throws UserError with a translated reason
  // (and the SQLSTATE as its code) when the caller is not verified (SD001), the rate
  // limit is reached (SD020, saying when the next code may be sent) or the line is
  // closed (SD023); other database errors pass through (describeError()).
  CodeTimes send(std::int64_t lineId);
  // The same for the open line with this number.
  CodeTimes send(const Msisdn& msisdn);

  // The last code sent to the line and whether another may be sent now.
  CodeStatus status(std::int64_t lineId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
