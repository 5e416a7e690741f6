#pragma once
// The strip under the card's header that says who the desk is talking to: the staff
// member's open interaction with this customer (a call or a visit; one is opened here if
// there is none), whether and how the caller was verified and for how much longer (the
// database's window is 30 minutes), and the operations that need a verified caller:
// verify, reset the self-care password, restore the SIM, close with a wrap-up note.
// The Subscriber menu reaches the same operations through CardPage::interactionBar().
#include <functional>
#include <optional>

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "card_tabs.h"
#include "core/services/caller_verification.h"
#include "core/services/interactions.h"

namespace subdesk::ui {

class InteractionBar : public wxPanel {
 public:
  // `changed` is called after an operation that changed the subscriber (the card reloads).
  InteractionBar(wxWindow* parent, CardContext context, std::function<void()> changed);

  // The card (re)loaded: read the interaction state again.
  void show(const services::CardData& card);
  void reload();
  const std::optional<services::InteractionState>& current() const { return state_; }

  // Opens a call or a visit with this customer if none is open, then runs `then`.
  void ensureInteraction(services::Channel channel, std::function<void()> then);
  // The "Verify the caller" dialog (opens a call first if nothing is open; a visit when
  // `method` is Document); `then(true)` once the caller is verified.
  // `over` is the window the dialog belongs to (the wizard that asked), else the card.
  void verifyCaller(std::optional<services::VerifyMethod> method = std::nullopt,
                    std::function<void(bool)> then = {}, wxWindow* over = nullptr);
  void closeInteraction();
  void resetPassword();
  void restoreSim();

 private:
  void update();
  bool hasCard() const { return card_.key.customerId != 0; }

  CardContext context_;
  std::function<void()> changed_;
  services::CardData card_;
  std::optional<services::InteractionState> state_;
  bool loading_ = false;
  wxStaticText* text_;
  wxButton* call_;
  wxButton* visit_;
  wxButton* verify_;
  wxButton* reset_;
  wxButton* sim_;
  wxButton* close_;
  wxTimer tick_;  // the minutes left count down without a reload
};

}  // namespace subdesk::ui
