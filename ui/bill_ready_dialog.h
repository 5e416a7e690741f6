#pragma once
// The detailed bill, made: what it holds (records, total, the fee charged or waived), and
// what to do with it: print preview and print (wx printing framework drawing the same
// pages as the PDF), save as PDF, send by e-mail to the customer's registered address
// (through the outbox, after a confirmation that shows the address), or close.
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
  void onEmail();
  void sendEmail(const std::string& recipient);

  CardContext context_;
  PreparedBill bill_;
  wxButton* email_ = nullptr;
  bool busy_ = false;  // one worker at a time draws the document (save or e-mail)
};

}  // namespace subdesk::ui
