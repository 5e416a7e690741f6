#include "core/util/project_errors.h"

#include "core/util/i18n.h"

namespace subdesk {
namespace {

bool says(const std::string& message, const char* words) { return message.find(words) != std::string::npos; }

// SD006: the caller cannot be verified in this interaction, for one of several reasons.
std::string verificationImpossible(const std::string& message) {
  if (says(message, "too many failed"))
    return tr("Three wrong answers: the caller can no longer be verified in this interaction.");
  if (says(message, "no ID document on file"))
    return tr("The customer has no ID document on file: verify the caller another way.");
  if (says(message, "no code word")) return tr("The customer has no code word: verify the caller another way.");
  if (says(message, "no verification code is pending"))
    return tr("No verification code is pending: send the caller a new code first.");
  if (says(message, "no customer to verify"))
    return tr("This interaction is not attached to a customer yet: open the customer's card first.");
  return tr("The caller cannot be verified this way in this interaction.");
}

// SD003 from customer_update_profile(): "changed by NAME at DD.MM.YYYY HH:MI — reload".
std::string changedBy(const std::string& message) {
  const std::string prefix = "changed by ", suffix = " — reload";
  const auto start = message.find(prefix);
  const auto end = message.rfind(suffix);
  if (start == std::string::npos || end == std::string::npos || end < start) return {};
  const std::string whoAndWhen = message.substr(start + prefix.size(), end - start - prefix.size());
  const auto at = whoAndWhen.rfind(" at ");
  if (at == std::string::npos) return {};
  // TRANSLATORS: {0} is a member of staff, {1} a date and time; another desk saved first
  return format(tr("changed by {0} at {1} — reload"), {whoAndWhen.substr(0, at), whoAndWhen.substr(at + 4)});
}

}  // namespace

std::string projectErrorSentence(const std::string& state, const std::string& serverMessage) {
  if (state == "SD001")
    return tr("Verify the caller first: this needs an open call or visit with this customer whose caller "
              "was verified in the last 30 minutes.");
  if (state == "SD003") {
    if (std::string sentence = changedBy(serverMessage); !sentence.empty()) return sentence;
  }
  if (state == "SD002") return tr("This interaction is already closed. Open a new one.");
  if (state == "SD005") return tr("A note is required: say briefly what was done or why.");
  if (state == "SD006") return verificationImpossible(serverMessage);
  if (state == "SD020")
    return tr("Three codes were already sent to this number in the last hour. Wait before sending another.");
  if (state == "SD021")
    return tr("No code is pending for this number: it was never sent, expired, was used or was replaced "
              "by a newer one.");
  if (state == "SD022") return tr("The code was entered wrongly three times and is no longer valid. Send a new one.");
  if (state == "SD023") return tr("This line is closed.");
  if (state == "SD024")
    return tr("A SIM is restored only after the customer's ID document was checked in this visit.");
  if (state == "SD025") return tr("This line has no active SIM to replace.");
  if (state == "SD026") return tr("This SIM card is already active on a line.");
  if (state == "SD027") return tr("This SIM card was lost or replaced and can never be used again.");
  if (state == "SD028") return tr("No SIM card has this ICCID. Check the number on the card.");
  if (state == "SD029") return tr("A lost SIM card stays lost: its status cannot change.");
  return {};
}

}  // namespace subdesk
