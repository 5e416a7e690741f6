#include "staff_move_dialog.h"

#include <wx/stattext.h>

#include "translate.h"

namespace subdesk::ui {

StaffMoveDialog::StaffMoveDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                                 const services::StaffMember& member)
    : StaffStepDialog(parent, _("Move to office — subdesk"), std::move(pool)), login_(member.login) {
  content()->Add(makeHeading(this, wxString::Format(_("Move %s to another office"),
                                                    wxString::FromUTF8(member.fullName))),
                 wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
  content()->Add(new wxStaticText(this, wxID_ANY,
                                  wxString::Format(_("Now in: %s %s"), wxString::FromUTF8(member.officeCode),
                                                   wxString::FromUTF8(member.officeName))),
                 wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  wxFlexGridSizer* grid = form();
  office_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(200, -1)));
  office_->SetHint(_("office code, e.g. KV1"));
  addField(grid, _("New office:"), office_);
  finishLayout(_("Move"), _("Cancel"));
  office_->SetFocus();
}

void StaffMoveDialog::onAccept() {
  const std::string office = office_->GetValue().Strip(wxString::both).Upper().utf8_string();
  if (office.empty()) {
    showError(_("Type the code of the office."));
    return;
  }
  submit([who = login_, office](services::StaffAdministration& admin) { admin.move(who, office); });
}

}  // namespace subdesk::ui
