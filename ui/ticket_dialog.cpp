#include "ticket_dialog.h"

#include <wx/stattext.h>

#include "core/services/feedback_tickets.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

std::string ticketSubject(bool complaint, const std::string& customerLanguage, const std::string& subject,
                          const std::string& text) {
  // Words for the customer, in the customer's language (not the desk's): they reach them
  // in the subject of the answer's e-mail.
  const std::string kind =
      customerLanguage == "en" ? (complaint ? "Complaint" : "Request") : (complaint ? "Скарга" : "Прохання");
  wxString what = wxString::FromUTF8(subject).Strip(wxString::both);
  if (what.empty())
    what = wxString::FromUTF8(text).Strip(wxString::both).BeforeFirst('\n').Strip(wxString::both);
  if (what.length() > 100) what = what.Left(99) + wxString::FromUTF8("…");
  return kind + ": " + what.utf8_string();
}

TicketDialog::TicketDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                           const services::CardData& card, std::int64_t interactionId)
    : AccountDialog(parent, _("New feedback ticket — subdesk"), std::move(pool), card),
      interactionId_(interactionId) {
  addHeading(_("Record a complaint or a request"));
  const wxString kinds[] = {_("Complaint"), _("Request")};
  kind_ = new wxRadioBox(this, wxID_ANY, _("Kind"), wxDefaultPosition, wxDefaultSize, 2, kinds, 1,
                         wxRA_SPECIFY_ROWS);
  content()->Add(kind_, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  wxFlexGridSizer* grid = form();
  subject_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, -1)));
  subject_->SetHint(_("optional: the text's first line is used"));
  addField(grid, _("&Subject:"), subject_);
  text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(420, 120)),
                         wxTE_MULTILINE);
  addField(grid, _("&Text (required):"), text_);
  auto* note =
      new wxStaticText(this, wxID_ANY,
                       _("The ticket is recorded within the open call or visit; the answer goes to the "
                         "subscriber's registered e-mail."));
  note->SetForegroundColour(wxColour(0x5E, 0x5C, 0x64));
  note->Wrap(FromDIP(520));
  content()->Add(note, wxSizerFlags().Border(wxTOP, FromDIP(10)));
  finishLayout(_("&Record the ticket"), _("Cancel"));
  text_->SetFocus();
  guiProbe("dialog", "ticket");
}

void TicketDialog::onAccept() {
  if (busy()) return;
  if (refuseCardNumbers({subject_, text_})) return;
  const std::string text = text_->GetValue().Strip(wxString::both).utf8_string();
  if (text.empty()) {
    text_->SetFocus();
    showError(_("Write down what the subscriber says: the text is required."));
    return;
  }
  const std::string subject = ticketSubject(kind_->GetSelection() == 0, card_.profile.language,
                                            subject_->GetValue().utf8_string(), text);
  submit(
      [interaction = interactionId_, subject, text](soci::session& sql) {
        return services::FeedbackTickets(sql).open(interaction, subject, text);
      },
      [this, subject](std::int64_t id) {
        ticketId_ = id;
        guiProbe("ticket-opened",
                 wxString::Format("%lld ", static_cast<long long>(id)) + wxString::FromUTF8(subject));
        EndModal(wxID_OK);
      });
}

}  // namespace subdesk::ui
