#pragma once
// "Reset the self-care password": sends the line a one-time code by SMS (the subscriber
// sets the new password on the self-care site with it), shows "Sent at 14:02, valid until
// 14:07" and offers Resend only when the limit of 3 codes per line per hour allows it.
// The desk never sees the code.
#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "card_tabs.h"
#include "core/services/password_reset.h"
#include "desk_dialog.h"

namespace subdesk::ui {

class PasswordResetDialog : public DeskDialog {
 public:
  PasswordResetDialog(wxWindow* parent, CardContext context, const services::CardData& card);

 private:
  void loadStatus();
  void showStatus(const services::CodeStatus& status);
  void send();

  CardContext context_;
  std::int64_t lineId_;
  wxStaticText* state_;
  wxStaticText* limit_;
  wxButton* send_;
  wxTimer recheck_;
  bool sending_ = false;
};

}  // namespace subdesk::ui
