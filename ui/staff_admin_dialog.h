#pragma once
// The staff administration window (Administration ▸ Staff, Ctrl+Shift+S): the list of
// staff with Add, Lock, Unlock, Set password and Move to office. Administrators may do
// all of it; supervisors see the list with only Unlock enabled (the database lets them
// unlock and nothing else). Every step runs on a worker through StaffAdministration.
#include <memory>
#include <vector>

#include <wx/listctrl.h>

#include "core/db/session_pool.h"
#include "core/security/permissions.h"
#include "core/services/staff_administration.h"
#include "desk_dialog.h"

namespace subdesk::ui {

class StaffAdminDialog : public DeskDialog {
 public:
  StaffAdminDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                   const security::Permissions& permissions, const wxString& myLogin);

 private:
  wxButton* addButton(wxSizer* row, const wxString& label, void (StaffAdminDialog::*handler)());
  void reload();
  void showStaff(std::vector<services::StaffMember> staff);
  void updateButtons();
  const services::StaffMember* selected() const;

  void onAdd();
  void onLock();
  void onUnlock();
  void onSetPassword();
  void onMove();
  // Runs one change on a worker, then reloads the list (or shows why it failed).
  void change(std::function<void(services::StaffAdministration&)> step);

  std::shared_ptr<db::SessionPool> pool_;
  security::Permissions permissions_;
  wxString myLogin_;
  std::vector<services::StaffMember> staff_;
  wxString keepSelected_;  // the login to select again after a reload
  bool busy_ = false;

  wxListCtrl* list_ = nullptr;
  wxButton* add_ = nullptr;
  wxButton* lock_ = nullptr;
  wxButton* unlock_ = nullptr;
  wxButton* password_ = nullptr;
  wxButton* move_ = nullptr;
};

}  // namespace subdesk::ui
