#include "new_staff_dialog.h"

#include <array>

#include "translate.h"

namespace subdesk::ui {

using services::StaffGroup;

namespace {
constexpr std::array<StaffGroup, 4> kGroups{StaffGroup::Agent, StaffGroup::Sales, StaffGroup::Supervisor,
                                            StaffGroup::Admin};
}

NewStaffDialog::NewStaffDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool)
    : StaffStepDialog(parent, _("New member of staff — subdesk"), std::move(pool)) {
  content()->Add(makeHeading(this, _("New member of staff")), wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
  wxFlexGridSizer* grid = form();

  login_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)));
  login_->SetHint(_("e.g. o.kovalenko"));
  addField(grid, _("Login:"), login_);
  name_ = new wxTextCtrl(this, wxID_ANY);
  addField(grid, _("Full name:"), name_);

  wxArrayString groups;
  for (StaffGroup g : kGroups) groups.Add(wxString::FromUTF8(services::groupTitle(g)));
  group_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, groups);
  group_->SetSelection(0);
  addField(grid, _("Group:"), group_);

  office_ = new wxTextCtrl(this, wxID_ANY);
  office_->SetHint(_("office code, e.g. KV1"));
  addField(grid, _("Office:"), office_);

  expires_ = new wxCheckBox(this, wxID_ANY, _("Valid until:"));
  validUntil_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today().Add(wxDateSpan::Year()));
  validUntil_->Disable();
  expires_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { validUntil_->Enable(expires_->IsChecked()); });
  grid->Add(expires_, wxSizerFlags().CentreVertical());
  grid->Add(validUntil_, wxSizerFlags());

  password_ = passwordField();
  addField(grid, _("Password:"), password_);
  confirmation_ = passwordField();
  addField(grid, _("Password again:"), confirmation_);

  finishLayout(_("Add"), _("Cancel"));
  login_->SetFocus();
}

void NewStaffDialog::onAccept() {
  services::NewStaff staff;
  staff.login = login().utf8_string();
  staff.fullName = name_->GetValue().Strip(wxString::both).utf8_string();
  staff.officeCode = office_->GetValue().Strip(wxString::both).Upper().utf8_string();
  if (staff.login.empty() || staff.fullName.empty() || staff.officeCode.empty()) {
    showError(_("Fill in the login, the full name and the office."));
    return;
  }
  if (!acceptablePassword(this, password_->GetValue(), confirmation_->GetValue(), login())) return;
  staff.group = kGroups[static_cast<std::size_t>(std::max(group_->GetSelection(), 0))];
  if (expires_->IsChecked()) staff.validUntil = validUntil_->GetValue().FormatISODate().utf8_string();
  staff.password = password_->GetValue().utf8_string();
  submit([staff](services::StaffAdministration& admin) mutable {
    WipeOnExit wipe{staff.password};
    admin.add(staff);
  });
}

}  // namespace subdesk::ui
