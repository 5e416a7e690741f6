#pragma once
// Adds a member of staff: login, full name, group, office code, optional expiry date,
// password twice. The password policy is checked here, before anything reaches the
// database; the database checks the rest (login format, office, who may add).
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>

#include "staff_step_dialog.h"

namespace subdesk::ui {

class NewStaffDialog : public StaffStepDialog {
 public:
  NewStaffDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool);
  // The login added (after wxID_OK).
  wxString login() const { return login_->GetValue().Strip(wxString::both); }

 private:
  void onAccept() override;

  wxTextCtrl* login_ = nullptr;
  wxTextCtrl* name_ = nullptr;
  wxChoice* group_ = nullptr;
  wxTextCtrl* office_ = nullptr;
  wxCheckBox* expires_ = nullptr;
  wxDatePickerCtrl* validUntil_ = nullptr;
  wxTextCtrl* password_ = nullptr;
  wxTextCtrl* confirmation_ = nullptr;
};

}  // namespace subdesk::ui
