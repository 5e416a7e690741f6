#pragma once
// The card's view of "who am I talking to": the signed-in staff member's newest open
// interaction with this customer, how (and how long ago) its caller was verified, and the
// SMS code that verifies a caller (migration 0016, verification_code_send). The database
// decides; this reads its state so that the desk can say it before anyone is refused.
//
//   CallerVerification cv(sql);
//   auto now = cv.current(customerId);          // std::nullopt: no open interaction
//   auto sent = cv.sendCode(now->id, lineId);   // the caller reads the code back
//   Interactions(sql).verify(now->id, VerifyMethod::Otp, typedCode);
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "core/services/password_reset.h"

namespace subdesk::services {

// require_verified_interaction()'s window (migration 0010).
inline constexpr long long kVerificationWindowSeconds = 30 * 60;

struct InteractionState {
  std::int64_t id = 0;
  std::string channel;       // call | visit
  std::string callerNumber;  // E.164, empty for a visit
  std::string verifiedBy;    // otp | document | code_word, or empty
  std::string docKind;       // the document checked, when verifiedBy is document
  int verifyFailures = 0;    // wrong answers so far (three close the door)
  std::string openedAtLocal;      // "HH:MM", Europe/Kyiv
  std::string verifiedAtLocal;    // "HH:MM", empty when not verified
  std::string validUntilLocal;    // verifiedAt + 30 minutes, "HH:MM"
  long long openedSecondsAgo = 0;
  long long verifiedSecondsAgo = -1;  // -1: not verified
};

// Whether the caller counts as verified now (within the 30-minute window).
bool verifiedNow(const InteractionState& s);
// Whole minutes left of the window, rounded up; 0 when not verified or expired.
int minutesLeft(const InteractionState& s);
// One line for the card (translated), e.g. "Call from 067 123 45 67 since 14:02 (5 min).
// Caller verified by the code word at 14:05, valid until 14:35 (28 min left)."
std::string describeInteraction(const InteractionState& s);
// "an ID document (passport)", "the code word", "an SMS code" (translated), as in
// "Caller verified by ...".
std::string verificationMethodTitle(const std::string& method, const std::string& docKind = {});
// "passport", "ID card", ... (translated)
std::string documentKindTitle(const std::string& kind);

class CallerVerification {
 public:
  explicit CallerVerification(soci::session& sql) : sql_(sql) {}

  // The staff member's newest open interaction with this customer, if any.
  std::optional<InteractionState> current(std::int64_t customerId);
  // Sends a verification code by SMS to a line of the interaction's customer; the desk
  // learns only when it was sent and until when it is valid. Errors: describeError().
  CodeTimes sendCode(std::int64_t interactionId, std::int64_t lineId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
