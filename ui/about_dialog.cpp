#include "about_dialog.h"

#include <wx/statbmp.h>

#include "icon.h"
#include "translate.h"

namespace subdesk::ui {

AboutDialog::AboutDialog(wxWindow* parent) : DeskDialog(parent, _("About subdesk")) {
  auto* texts = new wxBoxSizer(wxVERTICAL);
  texts->Add(makeHeading(this, "subdesk"));
  texts->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("Version %s"), SUBDESK_VERSION)),
             wxSizerFlags().Border(wxTOP, FromDIP(4)));
  auto* description = new wxStaticText(
      this, wxID_ANY,
      _("The back-office desk of the operator: serving mobile and home-internet "
        "subscribers on their behalf, at the office and on the hotline."));
  description->Wrap(FromDIP(360));
  texts->Add(description, wxSizerFlags().Border(wxTOP, FromDIP(12)));
  texts->Add(new wxStaticText(this, wxID_ANY,
                              wxString::Format(_("Built with %s"), wxVERSION_STRING)),
             wxSizerFlags().Border(wxTOP, FromDIP(12)));

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(new wxStaticBitmap(this, wxID_ANY, appLogo(64)),
           wxSizerFlags().Top().Border(wxRIGHT, FromDIP(16)));
  row->Add(texts, wxSizerFlags(1));
  content()->Add(row, wxSizerFlags(1).Expand());

  finishLayout(_("Close"), wxString());
}

}  // namespace subdesk::ui
