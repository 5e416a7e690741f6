#include "signed_in_staff.h"

#include <wx/statusbr.h>

#include "async.h"
#include "audit_window.h"
#include "gui_probe.h"
#include "report_export_window.h"
#include "staff_admin_dialog.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
const int kStaffId = wxNewId();
const int kAuditId = wxNewId();
const int kReportsId = wxNewId();
}  // namespace

using security::Action;

SignedInStaff::SignedInStaff(wxFrame* frame, std::shared_ptr<db::SessionPool> pool, const wxString& login,
                             std::function<void()> onChanged)
    : frame_(frame), pool_(std::move(pool)), login_(login), onChanged_(std::move(onChanged)) {}

wxMenu* SignedInStaff::createMenu() {
  menu_ = new wxMenu;
  // TRANSLATORS: menu items; the text after \t is the keyboard shortcut, keep it as is.
  menu_->Append(kStaffId, _("&Staff…\tCtrl+Shift+S"));
  // (Not Ctrl+Shift+A: a focused GTK text field takes it for "select nothing".)
  menu_->Append(kAuditId, _("&Audit log…\tCtrl+Shift+L"));
  frame_->Bind(wxEVT_MENU, &SignedInStaff::onStaffAdministration, this, kStaffId);
  frame_->Bind(wxEVT_MENU, &SignedInStaff::onAuditLog, this, kAuditId);
  menu_->Append(kReportsId, _("&Reports…\tCtrl+Shift+R"));
  frame_->Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (!menu_->IsEnabled(kReportsId)) return;
    ReportExportWindow(frame_, readerPool_ ? readerPool_ : pool_).ShowModal();
  }, kReportsId);
  applyPermissions();
  return menu_;
}

void SignedInStaff::load() {
  runAsync(
      frame_,
      [pool = pool_] {
        auto sql = pool->lease();
        return services::StaffAdministration(*sql).whoAmI();
      },
      [this](std::optional<services::StaffMember> me) {
        me_ = std::move(me);
        problem_ = me_ ? wxString() : _("not a member of staff");
        permissions_ = me_ ? security::Permissions::fromGroup(me_->group) : security::Permissions();
        applyPermissions();
        changed();
      },
      [this](const std::string& error) {
        problem_ = wxString::FromUTF8(error);
        changed();
      });
}

void SignedInStaff::changed() {
  if (onChanged_) onChanged_();
  // The GUI test reads what the status bar really says.
  if (wxStatusBar* bar = frame_->GetStatusBar()) {
    wxString all;
    for (int i = 0; i < bar->GetFieldsCount(); ++i) all += (i ? " | " : "") + bar->GetStatusText(i);
    guiProbe("status", all);
  }
}

wxString SignedInStaff::statusText() const {
  wxString text;
  if (me_) {
    // TRANSLATORS: the status bar: full name · role · office name (office code)
    text = wxString::Format(_("%s · %s · %s (%s)"), wxString::FromUTF8(me_->fullName),
                            wxString::FromUTF8(services::groupTitle(me_->group)),
                            wxString::FromUTF8(me_->officeName), wxString::FromUTF8(me_->officeCode));
  } else if (!problem_.empty()) {
    text = wxString::Format(_("Signed in as %s (%s)"), login_, problem_);
  } else {
    text = wxString::Format(_("Signed in as %s"), login_);
  }
  return text;
}

void SignedInStaff::applyPermissions() {
  if (!menu_) return;
  auto gate = [this](int id, bool may, Action explain) {
    menu_->Enable(id, may);
    // On GTK a disabled item cannot be hovered for its help line, so the reason is also
    // the item's help text where the frame shows help (the status bar) when it can.
    menu_->SetHelpString(id, may ? wxString() : wxString::FromUTF8(permissions_.whyNot(explain)));
  };
  // Supervisors open the staff window too, to unlock; only administrators change more.
  gate(kStaffId, permissions_.may(Action::ManageStaff) || permissions_.may(Action::UnlockStaff),
       Action::ManageStaff);
  gate(kAuditId, permissions_.may(Action::ReadAudit), Action::ReadAudit);
  gate(kReportsId, permissions_.may(Action::ExportReports), Action::ExportReports);
  guiProbe("menu", wxString::Format("staff=%s audit=%s", menu_->IsEnabled(kStaffId) ? "on" : "off",
                                    menu_->IsEnabled(kAuditId) ? "on" : "off"));
}

void SignedInStaff::onStaffAdministration(wxCommandEvent&) {
  if (!menu_->IsEnabled(kStaffId)) return;
  StaffAdminDialog dialog(frame_, pool_, permissions_, login_);
  dialog.ShowModal();
}

void SignedInStaff::onAuditLog(wxCommandEvent&) {
  if (!menu_->IsEnabled(kAuditId)) return;
  if (audit_) {
    audit_->Raise();
    return;
  }
  audit_ = new AuditWindow(frame_, pool_);
  audit_->Show();
}

}  // namespace subdesk::ui
