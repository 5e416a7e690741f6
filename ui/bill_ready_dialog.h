#pragma once
// The detailed bill, made: what it holds (records, total, the fee charged or waived), and
// what to do with it: print preview and print (wx printing framework drawing the same
// pages as the PDF), save as PDF, or close.
#include <wx/button.h>

#include "card_tabs.h"
#include "desk_dialog.h"
#include "detailed_bill_dialog.h"

namespace subdesk::ui {

// The whole operation from a card: DetailedBillDialog, then this one when a bill was made.
void requestDetailedBill(wxWindow* parent, const CardContext& context, const services::CardData& card);

class BillReadyDialog : public DeskDialog {
 public:
  BillReadyDialog(wxWindow* parent, CardContext context, PreparedBill bill);

 private:
  void onPreview();
  void onPrint();
  void onSave();

  CardContext context_;
  PreparedBill bill_;
};

}  // namespace subdesk::ui
