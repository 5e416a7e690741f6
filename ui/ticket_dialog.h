#pragma once
// A new feedback ticket from the card (Money > New feedback ticket, Ctrl+Shift+K; the
// Overview's "New ticket" button): a complaint or a request in the subscriber's words,
// recorded within the staff member's open call or visit with the customer (one is opened
// first if none is). The answer goes by e-mail later (ticket_answer_dialog.h).
#include <cstdint>

#include <wx/radiobox.h>
#include <wx/textctrl.h>

#include "account_dialog.h"

namespace subdesk::ui {

class TicketDialog : public AccountDialog {
 public:
  TicketDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card,
               std::int64_t interactionId);

  std::int64_t ticketId() const { return ticketId_; }

 private:
  void onAccept() override;

  std::int64_t interactionId_;
  std::int64_t ticketId_ = 0;
  wxRadioBox* kind_;
  wxTextCtrl* subject_;
  wxTextCtrl* text_;
};

// The ticket's subject as stored: the kind in the customer's language (the answer's
// e-mail subject repeats it to them), then the subject, or the text's first line when no
// subject was given, shortened to 100 characters.
std::string ticketSubject(bool complaint, const std::string& customerLanguage, const std::string& subject,
                          const std::string& text);

}  // namespace subdesk::ui
