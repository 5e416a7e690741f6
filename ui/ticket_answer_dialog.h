#pragma once
// Answering an open feedback ticket (the Overview's list: select a ticket, Answer… or
// Enter): the ticket's text, where the answer goes (the customer's registered e-mail,
// through the outbox), and the answer. Once sent the ticket is answered and leaves the
// card's list of open tickets.
#include <cstdint>

#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "account_dialog.h"

namespace subdesk::ui {

class TicketAnswerDialog : public AccountDialog {
 public:
  TicketAnswerDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card,
                     std::int64_t ticketId);

 private:
  void onAccept() override;

  std::int64_t ticketId_;
  bool loaded_ = false;
  wxStaticText* ticket_;
  wxTextCtrl* answer_;
};

}  // namespace subdesk::ui
