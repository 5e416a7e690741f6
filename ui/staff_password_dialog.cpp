#include "staff_password_dialog.h"

#include "translate.h"

namespace subdesk::ui {

StaffPasswordDialog::StaffPasswordDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                                         std::string login)
    : StaffStepDialog(parent, _("Set password — subdesk"), std::move(pool)), login_(std::move(login)) {
  content()->Add(makeHeading(this, wxString::Format(_("New password for %s"), wxString::FromUTF8(login_))),
                 wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
  wxFlexGridSizer* grid = form();
  password_ = passwordField();
  addField(grid, _("Password:"), password_);
  confirmation_ = passwordField();
  addField(grid, _("Password again:"), confirmation_);
  finishLayout(_("Set password"), _("Cancel"));
  password_->SetFocus();
}

void StaffPasswordDialog::onAccept() {
  const wxString login = wxString::FromUTF8(login_);
  if (!acceptablePassword(this, password_->GetValue(), confirmation_->GetValue(), login)) return;
  submit([who = login_,
          password = password_->GetValue().utf8_string()](services::StaffAdministration& admin) mutable {
    WipeOnExit wipe{password};
    admin.setPassword(who, password);
  });
}

}  // namespace subdesk::ui
