#include "ticket_answer_dialog.h"

#include "core/services/feedback_tickets.h"
#include "desk_format.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

TicketAnswerDialog::TicketAnswerDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                                       const services::CardData& card, std::int64_t ticketId)
    : AccountDialog(parent, _("Answer a ticket — subdesk"), std::move(pool), card), ticketId_(ticketId) {
  addHeading(wxString::Format(_("Answer to ticket No. %lld"), static_cast<long long>(ticketId)));
  ticket_ = new wxStaticText(this, wxID_ANY, _("Loading the ticket…"));
  content()->Add(ticket_, wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
  const std::string& email = card.profile.email;
  auto* to = new wxStaticText(
      this, wxID_ANY,
      email.empty() ? _("The subscriber has no registered e-mail: add one in the personal "
                        "data first (Ctrl+D).")
                    : wxString::Format(_("The answer goes by e-mail to %s."), wxString::FromUTF8(email)));
  if (email.empty()) to->SetForegroundColour(wxColour(0xC0, 0x1C, 0x28));
  content()->Add(to, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  wxFlexGridSizer* grid = form();
  answer_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(460, 140)),
                           wxTE_MULTILINE);
  addField(grid, _("&Answer:"), answer_);
  finishLayout(_("&Send the answer"), _("Cancel"));
  answer_->SetFocus();
  guiProbe("dialog", "ticket-answer");

  runAsync(
      this,
      [pool = pool_, id = ticketId_] {
        auto sql = pool->lease();
        return services::FeedbackTickets(*sql).byId(id);
      },
      [this](services::Ticket t) {
        wxString body = wxString::FromUTF8(t.body);
        if (body.length() > 600) body = body.Left(599) + wxString::FromUTF8("…");
        ticket_->SetLabelText(wxString::Format(_("%s, opened %s by %s"), wxString::FromUTF8(t.subject),
                                               moment(t.createdAt), wxString::FromUTF8(t.createdBy)) +
                              "\n\n" + body);
        ticket_->Wrap(FromDIP(560));
        loaded_ = true;
        GetSizer()->Fit(this);
        Layout();
        guiProbe("ticket",
                 wxString::Format("%lld ", static_cast<long long>(t.id)) + wxString::FromUTF8(t.status));
      },
      [this](const std::string& error) {
        ticket_->SetLabelText(wxString::FromUTF8(error));
        GetSizer()->Fit(this);
      });
}

void TicketAnswerDialog::onAccept() {
  if (busy()) return;
  if (refuseCardNumbers({answer_})) return;
  const std::string text = answer_->GetValue().Strip(wxString::both).utf8_string();
  if (text.empty()) {
    answer_->SetFocus();
    showError(_("Write the answer first."));
    return;
  }
  submit(
      [id = ticketId_, text](soci::session& sql) { return services::FeedbackTickets(sql).answer(id, text); },
      [this](std::int64_t mail) {
        guiProbe("ticket-answered", wxString::Format("%lld outbox %lld", static_cast<long long>(ticketId_),
                                                     static_cast<long long>(mail)));
        EndModal(wxID_OK);
      });
}

}  // namespace subdesk::ui
