#pragma once
// Changing the tariff of the card's line (Money > Change the tariff, Ctrl+T): choose a
// tariff and when (now, at the start of the next billing period, on a chosen day); before
// the person confirms, the dialog shows the core's preview: the day it takes effect, the
// monthly fee difference and how each allowance changes. Below, the customer's scheduled
// changes, each of which can be cancelled.
#include <cstdint>
#include <vector>

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listctrl.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>

#include "account_dialog.h"
#include "core/services/tariff_change.h"

namespace subdesk::ui {

class TariffDialog : public AccountDialog {
 public:
  TariffDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card);

  // True once a change was requested or cancelled (the card should reload).
  bool changedSomething() const { return changed_; }

 private:
  void onAccept() override;
  void loadChoices();
  void loadScheduled();
  void updatePreview();
  void cancelSelected();
  services::TariffChangeWhen when() const;
  std::string chosenDay() const;

  std::int64_t lineId_;
  std::vector<services::TariffOption> options_;
  std::vector<services::ScheduledTariffChange> scheduled_;
  wxChoice* tariff_;
  wxRadioBox* when_;
  wxDatePickerCtrl* date_;
  wxStaticText* preview_;
  wxListCtrl* list_;
  wxButton* cancelChange_;
  unsigned previewSeq_ = 0;
  bool previewOk_ = false;
  bool changed_ = false;
};

}  // namespace subdesk::ui
