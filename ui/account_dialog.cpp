#include "account_dialog.h"

#include <wx/stattext.h>

#include "core/domain/card_number.h"
#include "desk_format.h"
#include "translate.h"

namespace subdesk::ui {

AccountDialog::AccountDialog(wxWindow* parent, const wxString& title, std::shared_ptr<db::SessionPool> pool,
                             const services::CardData& card)
    : DeskDialog(parent, title), pool_(std::move(pool)), card_(card) {}

void AccountDialog::addHeading(const wxString& heading) {
  content()->Add(makeHeading(this, heading), wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
  const auto& o = card_.overview;
  wxString who = wxString::Format(_("%s · account %s"), wxString::FromUTF8(o.customerName),
                                  wxString::FromUTF8(o.accountNumber));
  if (!o.lines.empty()) who += wxString::FromUTF8(" · ") + phone(o.lines.front().msisdn);
  content()->Add(new wxStaticText(this, wxID_ANY, who), wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
}

wxFlexGridSizer* AccountDialog::form() {
  auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
  grid->AddGrowableCol(1);
  content()->Add(grid, wxSizerFlags().Expand());
  return grid;
}

void AccountDialog::addField(wxFlexGridSizer* form, const wxString& label, wxWindow* control) {
  form->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CentreVertical());
  form->Add(control, wxSizerFlags().Expand());
}

bool AccountDialog::refuseCardNumbers(std::initializer_list<wxTextCtrl*> fields) {
  for (wxTextCtrl* field : fields) {
    if (!field || !containsCardNumber(field->GetValue().utf8_string())) continue;
    // Not kept on the screen either: the person types only the last four digits again.
    field->Clear();
    field->SetFocus();
    showError(wxString::FromUTF8(cardNumberRefusal()));
    return true;
  }
  return false;
}

}  // namespace subdesk::ui
