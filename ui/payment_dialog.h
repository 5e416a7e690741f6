#pragma once
// Taking a payment for the card's account (Money > Take a payment, Ctrl+P): the amount in
// the desk's language, the method (cash and card at the office's terminal for office
// staff; a bank transfer for anyone at the desk), the terminal's RRN and at most the last
// four card digits for a card payment, and a receipt or bank document number.
//
// The idempotency key is made when the dialog opens and sent with every attempt, so a
// double press, or pressing Pay again after a timeout or a lost connection, never credits
// twice: the database answers the same key with the first payment. Closes with wxID_OK
// once the payment is taken; paymentId() then names it (for the receipt).
#include <cstdint>
#include <string>

#include <wx/radiobox.h>
#include <wx/stattext.h>

#include "account_dialog.h"
#include "core/security/permissions.h"

namespace subdesk::ui {

class PaymentDialog : public AccountDialog {
 public:
  PaymentDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card,
                const security::Permissions& permissions);

  std::int64_t paymentId() const { return paymentId_; }

 private:
  void onAccept() override;
  void onMethod();

  const std::string key_;
  std::int64_t paymentId_ = 0;
  bool office_;  // may take cash and card payments
  wxTextCtrl* amount_;
  wxRadioBox* method_;
  wxTextCtrl* rrn_;
  wxTextCtrl* last4_;
  wxTextCtrl* document_;
  wxStaticText* note_;
};

}  // namespace subdesk::ui
