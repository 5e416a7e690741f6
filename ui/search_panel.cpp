#include "search_panel.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "translate.h"

namespace subdesk::ui {

SearchPanel::SearchPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  const int margin = FromDIP(16);
  search_ = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                             wxSize(FromDIP(420), -1), wxTE_PROCESS_ENTER);
  search_->SetDescriptiveText(_("Phone number, account or name"));
  search_->ShowCancelButton(true);

  auto* hint = new wxStaticText(
      this, wxID_ANY,
      _("Find a subscriber by phone number, personal account number or name."));
  hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

  auto* title = new wxStaticText(this, wxID_ANY, _("Find a subscriber"));
  title->SetFont(title->GetFont().Bold().Scaled(1.25f));

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(title,
             wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, margin));
  sizer->Add(search_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, margin));
  sizer->Add(hint, wxSizerFlags().Border(wxALL, margin));
  sizer->AddStretchSpacer();
  SetSizer(sizer);
}

void SearchPanel::focusSearch() {
  search_->SetFocus();
}

}  // namespace subdesk::ui
