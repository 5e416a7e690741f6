#pragma once
// Moves a member of staff to another office (administrators), by the office's code.
#include "staff_step_dialog.h"

namespace subdesk::ui {

class StaffMoveDialog : public StaffStepDialog {
 public:
  StaffMoveDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                  const services::StaffMember& member);

 private:
  void onAccept() override;

  std::string login_;
  wxTextCtrl* office_ = nullptr;
};

}  // namespace subdesk::ui
