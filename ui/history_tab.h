#pragma once
// The card's History tab (issue 8): the line's calls, SMS and data sessions of a period,
// newest first, filtered by kind and number, 100 at a time ("Load more" asks for the next
// page by keyset). Records come from the read replica when there is one; opening the
// history (the first time the tab is shown, and each new period) is an audited read on
// the primary. Calls to emergency numbers never appear: the database leaves them out.
#include <optional>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "card_tabs.h"
#include "core/services/call_history.h"

namespace subdesk::ui {

class HistoryTab : public CardTab {
 public:
  HistoryTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;

 private:
  void load(bool more);
  void append(const services::HistoryPage& page);
  services::HistoryFilter filter() const;

  wxDatePickerCtrl* from_;
  wxDatePickerCtrl* to_;
  wxChoice* kind_;
  wxTextCtrl* number_;
  wxButton* showButton_;
  wxButton* more_;
  wxListCtrl* list_;
  wxStaticText* status_;
  std::int64_t lineId_ = 0;
  bool opened_ = false;   // the audited opening was written for the shown period
  bool loading_ = false;
  std::optional<services::HistoryCursor> next_;
  int generation_ = 0;    // a newer request supersedes the one in flight
};

}  // namespace subdesk::ui
