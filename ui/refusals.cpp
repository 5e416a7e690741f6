#include "refusals.h"

#include <soci/soci.h>

#include "translate.h"

namespace subdesk::ui {

namespace {
std::string utf8(const wxString& s) { return s.utf8_string(); }

// The server's own message (first line), which names the reason in English.
std::string serverText(const std::exception& e) {
  std::string text = e.what();
  if (auto* se = dynamic_cast<const soci::soci_error*>(&e)) text = se->get_error_message();
  if (auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  return text;
}

bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }
}  // namespace

RefusalTexts refusalTexts() {
  RefusalTexts t;
  t.promotionMissing = utf8(_("This promotion no longer exists."));
  t.promotionNotRunning = utf8(_("This promotion is not running today."));
  t.promotionNotForTariff = utf8(_("This promotion is not meant for the line's tariff."));
  t.promotionAlreadyIn = utf8(_("The line already takes part in this promotion."));
  t.promotionOther = utf8(_("The line cannot join this promotion."));
  t.ownerHasGroup = utf8(_("This subscriber already owns a family group."));
  t.alreadyInGroup = utf8(_("This account is already in the family group."));
  t.inAnotherGroup = utf8(_("This account is in another family group: it has to leave that group first."));
  t.notInGroup = utf8(_("This account is not in the family group."));
  t.groupMissing = utf8(_("The family group no longer exists."));
  t.accountClosed = utf8(_("This account is closed: a closed account cannot join a family group."));
  t.lineClosed = utf8(_("This line is closed."));
  t.ticketAnswered = utf8(_("This ticket has already been answered."));
  t.ticketNoEmail =
      utf8(_("The subscriber has no registered e-mail for the answer: add one in the personal data first "
             "(Ctrl+D)."));
  return t;
}

std::string refusalSentence(const std::exception& e, const RefusalTexts& t) {
  const std::string state = sqlState(e);
  const std::string text = serverText(e);
  if (state == "SD047") {
    if (has(text, "does not exist")) return t.promotionMissing;
    if (has(text, " runs from ")) return t.promotionNotRunning;
    if (has(text, "is not for the tariff")) return t.promotionNotForTariff;
    if (has(text, "is already in promotion")) return t.promotionAlreadyIn;
    return t.promotionOther;
  }
  if (state == "SD049") {
    if (has(text, "already owns a family group")) return t.ownerHasGroup;
    if (has(text, "is already in this family group")) return t.alreadyInGroup;
    if (has(text, "is in another family group")) return t.inAnotherGroup;
    if (has(text, "is not in this family group")) return t.notInGroup;
    if (has(text, "does not exist")) return t.groupMissing;
    return {};
  }
  if (state == "SD042") return has(text, "line ") ? t.lineClosed : t.accountClosed;
  if (state == "SD054") {
    if (has(text, "no registered e-mail")) return t.ticketNoEmail;
    if (has(text, "is already")) return t.ticketAnswered;
    return {};
  }
  return {};
}

}  // namespace subdesk::ui
