#pragma once
// Add-on services of the card's line (Money > Services, Ctrl+E): what is connected (with
// its dates), disconnected from a chosen last day; and the catalogue, connected from a
// chosen day until an optional last day. The database refuses a second service of an
// exclusive group on any day (SD046); the refusal is shown as the core words it.
#include <cstdint>
#include <vector>

#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>

#include "account_dialog.h"
#include "core/services/line_services.h"

namespace subdesk::ui {

class ServicesDialog : public AccountDialog {
 public:
  ServicesDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card);

  bool changedSomething() const { return changed_; }

 private:
  void onAccept() override;  // Connect the chosen catalogue service
  void reload();
  void disconnectSelected();
  wxListCtrl* makeList(std::initializer_list<std::pair<wxString, int>> columns);

  std::int64_t lineId_;
  std::vector<services::LineServiceItem> connected_;
  std::vector<services::CatalogueService> catalogue_;
  wxListCtrl* connectedList_;
  wxDatePickerCtrl* lastDay_;
  wxButton* disconnect_;
  wxListCtrl* catalogueList_;
  wxDatePickerCtrl* from_;
  wxCheckBox* hasUntil_;
  wxDatePickerCtrl* until_;
  bool changed_ = false;
};

}  // namespace subdesk::ui
