#pragma once
// Sets a member of staff's password (administrators): the new password twice, checked
// against the policy before it is turned into a SCRAM verifier and sent.
#include <string>

#include "staff_step_dialog.h"

namespace subdesk::ui {

class StaffPasswordDialog : public StaffStepDialog {
 public:
  StaffPasswordDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::string login);

 private:
  void onAccept() override;

  std::string login_;
  wxTextCtrl* password_ = nullptr;
  wxTextCtrl* confirmation_ = nullptr;
};

}  // namespace subdesk::ui
