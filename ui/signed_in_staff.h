#pragma once
// Who is signed in, and what their role may do, for the main window: loads the staff
// member off the UI thread after sign-in, says who they are in the status bar, and owns
// the Administration menu (staff, audit log), whose items are disabled with the reason
// when the role may not use them. The database refuses them anyway if forced.
#include <functional>
#include <memory>
#include <optional>

#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/weakref.h>

#include "core/db/session_pool.h"
#include "core/security/permissions.h"
#include "core/services/staff_administration.h"

namespace subdesk::ui {

class AuditWindow;

class SignedInStaff {
 public:
  // `onChanged` is called on the UI thread when who the person is becomes known.
  SignedInStaff(wxFrame* frame, std::shared_ptr<db::SessionPool> pool, const wxString& login,
                std::function<void()> onChanged);

  // The Administration menu, for the frame's menu bar (its items start disabled).
  wxMenu* createMenu();
  // Starts loading the signed-in member of staff.
  void load();

  // "Name · Role · Office (CODE)" once known; until then "Signed in as LOGIN".
  wxString statusText() const;
  const security::Permissions& permissions() const { return permissions_; }
  // Where reports read from: the read replica's sessions, or the primary's.
  void setReaderPool(std::shared_ptr<db::SessionPool> pool) { readerPool_ = std::move(pool); }

 private:
  void applyPermissions();
  void changed();
  void onStaffAdministration(wxCommandEvent& event);
  void onAuditLog(wxCommandEvent& event);

  wxFrame* frame_;
  std::shared_ptr<db::SessionPool> pool_;
  std::shared_ptr<db::SessionPool> readerPool_;
  wxString login_;
  std::function<void()> onChanged_;
  std::optional<services::StaffMember> me_;
  wxString problem_;  // why who the person is could not be loaded
  security::Permissions permissions_;
  wxMenu* menu_ = nullptr;
  wxWeakRef<AuditWindow> audit_;
};

}  // namespace subdesk::ui
