#pragma once
// The promotions of the card's line (Money > Promotions, Ctrl+Shift+P; the Current
// package tab's button): those it takes part in, and those it may join today. Join the
// selected offer (the affirmative button), or leave the selected promotion after a
// confirmation. The database's refusals (not running, not for the tariff, already in it)
// come back as sentences in the desk's language (describeError).
#include <cstdint>
#include <vector>

#include <wx/listctrl.h>

#include "account_dialog.h"
#include "core/services/promotions.h"

namespace subdesk::ui {

class PromotionsDialog : public AccountDialog {
 public:
  PromotionsDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card);

  // True once the line joined or left a promotion (the card should reload).
  bool changedSomething() const { return changed_; }

 private:
  void onAccept() override;
  void reload();
  void leaveSelected();
  wxListCtrl* makeList(std::initializer_list<std::pair<wxString, int>> columns);

  std::int64_t lineId_;
  std::vector<services::PromotionEnrolment> joined_;
  std::vector<services::PromotionOffer> offers_;
  wxListCtrl* joinedList_;
  wxListCtrl* offersList_;
  wxButton* leave_;
  bool changed_ = false;
};

}  // namespace subdesk::ui
