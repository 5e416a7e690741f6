#pragma once
// Shown when the desk locked itself after the idle time: the signed-in person types their
// password again (checked by opening one connection with it), or signs out. Five wrong
// passwords sign out.
#include <string>

#include <wx/textctrl.h>

#include "desk_dialog.h"

namespace subdesk::ui {

class UnlockDialog : public DeskDialog {
 public:
  // wxID_OK: unlocked; wxID_CANCEL: sign out.
  UnlockDialog(const wxString& login, std::string serverConninfo);

 private:
  void onAccept() override;
  void setChecking(bool checking);

  wxString login_;
  std::string conninfo_;
  wxTextCtrl* password_ = nullptr;
  bool checking_ = false;
  int failures_ = 0;
};

}  // namespace subdesk::ui
