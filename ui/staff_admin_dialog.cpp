#include "staff_admin_dialog.h"

#include <wx/msgdlg.h>

#include "async.h"
#include "gui_probe.h"
#include "new_staff_dialog.h"
#include "staff_move_dialog.h"
#include "staff_password_dialog.h"
#include "translate.h"

namespace subdesk::ui {

using security::Action;
using services::StaffAdministration;
using services::StaffMember;

namespace {
enum Column { kLogin, kName, kGroup, kOffice, kValidUntil, kLocked };
}

StaffAdminDialog::StaffAdminDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                                   const security::Permissions& permissions, const wxString& myLogin)
    : DeskDialog(parent, _("Staff — subdesk")),
      pool_(std::move(pool)),
      permissions_(permissions),
      myLogin_(myLogin) {
  SetWindowStyleFlag(GetWindowStyleFlag() | wxRESIZE_BORDER);
  content()->Add(makeHeading(this, _("Staff")), wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));

  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(940, 360)),
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->AppendColumn(_("Login"), wxLIST_FORMAT_LEFT, FromDIP(140));
  list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(200));
  list_->AppendColumn(_("Group"), wxLIST_FORMAT_LEFT, FromDIP(140));
  list_->AppendColumn(_("Office"), wxLIST_FORMAT_LEFT, FromDIP(220));
  list_->AppendColumn(_("Valid until"), wxLIST_FORMAT_LEFT, FromDIP(100));
  list_->AppendColumn(_("Locked"), wxLIST_FORMAT_LEFT, FromDIP(110));
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateButtons(); });
  list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateButtons(); });
  content()->Add(list_, wxSizerFlags(1).Expand());

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  add_ = addButton(row, _("&Add…"), &StaffAdminDialog::onAdd);
  lock_ = addButton(row, _("&Lock"), &StaffAdminDialog::onLock);
  unlock_ = addButton(row, _("&Unlock"), &StaffAdminDialog::onUnlock);
  password_ = addButton(row, _("Set &password…"), &StaffAdminDialog::onSetPassword);
  move_ = addButton(row, _("&Move to office…"), &StaffAdminDialog::onMove);
  content()->Add(row, wxSizerFlags().Border(wxTOP, FromDIP(8)));

  finishLayout(_("Close"), wxString());
  list_->SetFocus();  // arrow keys pick a member of staff straight away
  updateButtons();
  reload();
}

wxButton* StaffAdminDialog::addButton(wxSizer* row, const wxString& label,
                                      void (StaffAdminDialog::*handler)()) {
  auto* button = new wxButton(this, wxID_ANY, label);
  button->Bind(wxEVT_BUTTON, [this, handler](wxCommandEvent&) { (this->*handler)(); });
  row->Add(button, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
  return button;
}

void StaffAdminDialog::reload() {
  busy_ = true;
  updateButtons();
  runAsync(
      this,
      [pool = pool_] {
        auto sql = pool->lease();
        return StaffAdministration(*sql).list();
      },
      [this](std::vector<StaffMember> staff) {
        busy_ = false;
        showStaff(std::move(staff));
      },
      [this](const std::string& error) {
        busy_ = false;
        updateButtons();
        showError(wxString::FromUTF8(error));
      });
}

void StaffAdminDialog::showStaff(std::vector<StaffMember> staff) {
  staff_ = std::move(staff);
  list_->DeleteAllItems();
  long selectedRow = -1;
  for (std::size_t i = 0; i < staff_.size(); ++i) {
    const StaffMember& m = staff_[i];
    const long row = list_->InsertItem(static_cast<long>(i), wxString::FromUTF8(m.login));
    list_->SetItem(row, kName, wxString::FromUTF8(m.fullName));
    list_->SetItem(row, kGroup, wxString::FromUTF8(services::groupTitle(m.group)));
    list_->SetItem(row, kOffice, wxString::FromUTF8(m.officeCode + " " + m.officeName));
    list_->SetItem(row, kValidUntil,
                   m.validUntil.empty() ? _("no expiry") : wxString::FromUTF8(m.validUntil));
    list_->SetItem(row, kLocked, m.locked ? _("locked") : wxString());
    if (wxString::FromUTF8(m.login) == keepSelected_) selectedRow = row;
  }
  if (selectedRow >= 0) {
    list_->SetItemState(selectedRow, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(selectedRow);
  }
  updateButtons();
  guiProbe("staff", wxString::Format("%zu rows", staff_.size()));
}

const StaffMember* StaffAdminDialog::selected() const {
  const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || static_cast<std::size_t>(row) >= staff_.size()) return nullptr;
  return &staff_[static_cast<std::size_t>(row)];
}

void StaffAdminDialog::updateButtons() {
  const StaffMember* m = selected();
  const bool manage = permissions_.may(Action::ManageStaff);
  const bool someoneElse = m && wxString::FromUTF8(m->login) != myLogin_;
  auto gate = [this](wxButton* b, bool may, Action explain, bool applies) {
    b->Enable(!busy_ && may && applies);
    b->SetToolTip(may ? wxString() : wxString::FromUTF8(permissions_.whyNot(explain)));
  };
  gate(add_, manage, Action::ManageStaff, true);
  gate(lock_, manage, Action::ManageStaff, someoneElse && !m->locked);
  gate(unlock_, permissions_.may(Action::UnlockStaff), Action::UnlockStaff, someoneElse && m->locked);
  gate(password_, manage, Action::ManageStaff, m != nullptr);
  gate(move_, manage, Action::ManageStaff, m != nullptr);
}

void StaffAdminDialog::change(std::function<void(StaffAdministration&)> step) {
  showError(wxString());
  busy_ = true;
  updateButtons();
  runAsync(
      this,
      [pool = pool_, step = std::move(step)] {
        auto sql = pool->lease();
        StaffAdministration admin(*sql);
        step(admin);
      },
      [this] { reload(); },
      [this](const std::string& error) {
        busy_ = false;
        updateButtons();
        showError(wxString::FromUTF8(error));
      });
}

void StaffAdminDialog::onAdd() {
  NewStaffDialog dialog(this, pool_);
  if (dialog.ShowModal() != wxID_OK) return;
  keepSelected_ = dialog.login();
  reload();
}

void StaffAdminDialog::onLock() {
  const StaffMember* m = selected();
  if (!m) return;
  const wxString login = wxString::FromUTF8(m->login);
  wxMessageDialog ask(this,
                      wxString::Format(_("Lock the login %s (%s)? They will not be able to sign in "
                                         "until someone unlocks it."),
                                       login, wxString::FromUTF8(m->fullName)),
                      _("Lock a login — subdesk"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
  ask.SetYesNoLabels(_("&Lock"), _("Cancel"));
  if (ask.ShowModal() != wxID_YES) return;
  keepSelected_ = login;
  change([who = m->login](StaffAdministration& admin) { admin.lock(who); });
}

void StaffAdminDialog::onUnlock() {
  const StaffMember* m = selected();
  if (!m) return;
  keepSelected_ = wxString::FromUTF8(m->login);
  change([who = m->login](StaffAdministration& admin) { admin.unlock(who); });
}

void StaffAdminDialog::onSetPassword() {
  const StaffMember* m = selected();
  if (!m) return;
  keepSelected_ = wxString::FromUTF8(m->login);
  StaffPasswordDialog dialog(this, pool_, m->login);
  dialog.ShowModal();
}

void StaffAdminDialog::onMove() {
  const StaffMember* m = selected();
  if (!m) return;
  keepSelected_ = wxString::FromUTF8(m->login);
  StaffMoveDialog dialog(this, pool_, *m);
  if (dialog.ShowModal() == wxID_OK) reload();
}

}  // namespace subdesk::ui
