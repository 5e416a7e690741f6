#pragma once
// A manual balance adjustment of the card's account (Money > Adjust the balance, Ctrl+J):
// a signed amount (a credit, or a debit with a minus) and a mandatory reason. The dialog
// shows the role's limit per operation, which the database enforces (SD004 above it).
// Like a payment, the idempotency key is made when the dialog opens and reused on retry.
#include <string>

#include <wx/stattext.h>

#include "account_dialog.h"

namespace subdesk::ui {

class AdjustDialog : public AccountDialog {
 public:
  AdjustDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card);

 private:
  void onAccept() override;

  const std::string key_;
  wxTextCtrl* amount_;
  wxTextCtrl* reason_;
  wxStaticText* limit_;
};

}  // namespace subdesk::ui
