#include "staff_step_dialog.h"

#include <wx/stattext.h>

#include "async.h"
#include "core/security/password_policy.h"
#include "translate.h"

namespace subdesk::ui {

StaffStepDialog::StaffStepDialog(wxWindow* parent, const wxString& title,
                                 std::shared_ptr<db::SessionPool> pool)
    : DeskDialog(parent, title), pool_(std::move(pool)) {}

wxFlexGridSizer* StaffStepDialog::form() {
  auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
  grid->AddGrowableCol(1);
  content()->Add(grid, wxSizerFlags().Expand());
  return grid;
}

void StaffStepDialog::addField(wxFlexGridSizer* form, const wxString& label, wxWindow* control) {
  form->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CentreVertical());
  form->Add(control, wxSizerFlags().Expand());
}

wxTextCtrl* StaffStepDialog::passwordField() {
  return new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)),
                        wxTE_PASSWORD);
}

void StaffStepDialog::submit(std::function<void(services::StaffAdministration&)> step) {
  if (busy_) return;
  busy_ = true;
  showError(wxString());
  okButton()->Disable();
  runAsync(
      this,
      [pool = pool_, step = std::move(step)] {
        auto sql = pool->lease();
        services::StaffAdministration admin(*sql);
        step(admin);
      },
      [this] {
        busy_ = false;
        EndModal(wxID_OK);
      },
      [this](const std::string& error) {
        busy_ = false;
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

void StaffStepDialog::onCancel() {
  // A step already sent finishes in the database; closing only stops waiting for it.
  EndModal(wxID_CANCEL);
}

bool acceptablePassword(DeskDialog* dialog, const wxString& password, const wxString& confirmation,
                        const wxString& login) {
  if (password != confirmation) {
    dialog->showError(_("The two passwords differ. Type the same password twice."));
    return false;
  }
  if (auto reason = security::PasswordPolicy::check(password.utf8_string(), login.utf8_string())) {
    dialog->showError(wxString::FromUTF8(*reason));
    return false;
  }
  return true;
}

}  // namespace subdesk::ui
