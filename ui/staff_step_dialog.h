#pragma once
// The base of the small dialogs of staff administration (add, set password, move): the
// affirmative button sends the step to a worker; the dialog stays open, with the reason
// in its error line, if the core or the database refuses, and closes with wxID_OK once
// the step is done.
#include <functional>
#include <memory>
#include <string>

#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "core/db/session_pool.h"
#include "core/services/staff_administration.h"
#include "desk_dialog.h"

namespace subdesk::ui {

class StaffStepDialog : public DeskDialog {
 protected:
  StaffStepDialog(wxWindow* parent, const wxString& title, std::shared_ptr<db::SessionPool> pool);

  // Runs `step` on a worker; the buttons wait meanwhile.
  void submit(std::function<void(services::StaffAdministration&)> step);

  // A label and a control in a two-column grid made by form().
  void addField(wxFlexGridSizer* form, const wxString& label, wxWindow* control);
  wxFlexGridSizer* form();
  wxTextCtrl* passwordField();

  void onCancel() override;

 private:
  std::shared_ptr<db::SessionPool> pool_;
  bool busy_ = false;
};

// Whether the two password fields agree and the policy accepts the password; shows the
// reason in `dialog` and returns false if not.
bool acceptablePassword(DeskDialog* dialog, const wxString& password, const wxString& confirmation,
                        const wxString& login);

// Overwrites a password copy when the step that used it ends (best effort: libpq's own
// copies are out of reach).
struct WipeOnExit {
  std::string& secret;
  ~WipeOnExit() {
    for (char& c : secret) *static_cast<volatile char*>(&c) = '\0';
  }
};

}  // namespace subdesk::ui
