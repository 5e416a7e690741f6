#pragma once
// The audit window (Administration ▸ Audit log, Ctrl+Shift+L; supervisors and admins):
// audit_log filtered by period, staff login, customer and action, newest first, 200 rows
// at a time with "Load 200 more" (keyset paging in the core). The selected row's changes
// are shown in full below the list. It hides with the main window (idle lock).
#include <memory>
#include <optional>
#include <vector>

#include <wx/button.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/db/session_pool.h"
#include "core/services/audit_trail.h"

namespace subdesk::ui {

class AuditWindow : public wxFrame {
 public:
  AuditWindow(wxWindow* parent, std::shared_ptr<db::SessionPool> pool);

 private:
  wxWindow* buildFilters(wxWindow* parent);
  // Starts the query: from the newest row (more = false) or after the last one shown.
  void load(bool more);
  void append(const services::AuditPage& page);
  void showSelected();
  void setBusy(bool busy);
  void showError(const wxString& message);
  void onParentShown(wxShowEvent& event);

  std::shared_ptr<db::SessionPool> pool_;
  services::AuditFilter filter_;  // the filter the rows shown were loaded with
  std::optional<services::AuditCursor> next_;
  std::vector<services::AuditEntry> entries_;
  int generation_ = 0;  // answers to an older query are dropped

  wxDatePickerCtrl* from_ = nullptr;
  wxDatePickerCtrl* to_ = nullptr;
  wxTextCtrl* who_ = nullptr;
  wxTextCtrl* customer_ = nullptr;
  wxComboBox* action_ = nullptr;
  wxButton* show_ = nullptr;
  wxListCtrl* list_ = nullptr;
  wxTextCtrl* details_ = nullptr;
  wxStaticText* summary_ = nullptr;
  wxStaticText* error_ = nullptr;
  wxButton* more_ = nullptr;
};

}  // namespace subdesk::ui
