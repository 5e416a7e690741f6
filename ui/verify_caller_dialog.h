#pragma once
// "Verify the caller": by the account's code word, by the ID document shown at the office
// (kind and number; office staff only), or by a one-time code sent by SMS to the
// customer's line that the caller reads back. The database checks the answer and counts
// wrong ones (three close the door on the interaction); the desk never sees the code.
#include <optional>

#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include "card_tabs.h"
#include "core/services/interactions.h"
#include "desk_dialog.h"

namespace subdesk::ui {

class VerifyCallerDialog : public DeskDialog {
 public:
  VerifyCallerDialog(wxWindow* parent, CardContext context, const services::CardData& card,
                     std::int64_t interactionId, std::optional<services::VerifyMethod> method);

 private:
  void onAccept() override;
  void sendCode();
  void choose(services::VerifyMethod method);
  services::VerifyMethod chosen() const;

  CardContext context_;
  services::CardData card_;
  std::int64_t interactionId_;
  bool busy_ = false;
  wxRadioButton* byWord_;
  wxRadioButton* byDocument_;
  wxRadioButton* bySms_;
  wxTextCtrl* word_;
  wxChoice* docKind_;
  wxTextCtrl* docNumber_;
  wxButton* send_;
  wxStaticText* sent_;
  wxTextCtrl* code_;
};

}  // namespace subdesk::ui
