#pragma once
// The database's refusals of promotions, the family profile and feedback tickets
// (SQLSTATEs SD042, SD047, SD049 and SD054 of migration 0027) as whole sentences in the
// desk's language. The core's describeError() appends the server's English detail to a
// translated lead-in; the dialogs of these operations want the reason itself translated,
// so they run their core call through withRefusals(), which turns a known refusal into a
// UserError carrying the sentence (runAsync then shows it as it is).
//
// The sentences are made on the UI thread (refusalTexts()) and handed to the worker.
#include <exception>
#include <string>

#include "core/util/error.h"

namespace subdesk::ui {

struct RefusalTexts {
  std::string promotionMissing, promotionNotRunning, promotionNotForTariff, promotionAlreadyIn,
      promotionOther;
  std::string ownerHasGroup, alreadyInGroup, inAnotherGroup, notInGroup, groupMissing, accountClosed,
      lineClosed;
  std::string ticketAnswered, ticketNoEmail;
};

// Translated now, in the desk's language; call on the UI thread.
RefusalTexts refusalTexts();

// The sentence for a refusal these dialogs know, else empty.
std::string refusalSentence(const std::exception& e, const RefusalTexts& texts);

// Runs `work()`; a known refusal comes out as UserError(sentence, SQLSTATE).
template <typename Work>
auto withRefusals(const RefusalTexts& texts, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const UserError&) {
    throw;
  } catch (const std::exception& e) {
    if (std::string sentence = refusalSentence(e, texts); !sentence.empty())
      throw UserError(sentence, sqlState(e));
    throw;
  }
}

}  // namespace subdesk::ui
