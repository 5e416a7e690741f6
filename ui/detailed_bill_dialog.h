#pragma once
// "Detailed bill…" on a subscriber card (issue 8): the agent picks the period and the
// number, sees the fee (DetailFeePolicy through DetailRequests::quote) before confirming;
// a supervisor may waive it with a reason. Confirming records the request and charges the
// fee on the primary server, then reads the bill (from the replica when there is one) and
// lays out its pages, all on a worker. On success the dialog ends with wxID_OK and
// result() holds the bill for printing, saving or e-mailing (BillReadyDialog).
#include <memory>
#include <optional>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/textctrl.h>

#include "card_tabs.h"
#include "core/services/detail_requests.h"
#include "core/services/detailed_bill.h"
#include "desk_dialog.h"
#include "reports/pdf_document.h"

namespace subdesk::ui {

struct PreparedBill {
  services::DetailRequestResult request;
  services::BillData bill;
  std::shared_ptr<reports::PdfDocument> document;
  Language language = Language::Uk;
};

class DetailedBillDialog : public DeskDialog {
 public:
  DetailedBillDialog(wxWindow* parent, CardContext context, const services::CardData& card);
  const std::optional<PreparedBill>& result() const { return result_; }

 private:
  void loadQuote();
  void onAccept() override;
  void updateWaiver();

  CardContext context_;
  services::CardData card_;
  wxChoice* line_;
  wxDatePickerCtrl* from_;
  wxDatePickerCtrl* to_;
  wxStaticText* fee_;
  wxCheckBox* waive_ = nullptr;
  wxTextCtrl* reason_ = nullptr;
  std::optional<services::DetailQuote> quote_;
  std::string idempotencyKey_;  // one per dialog: a second press after a timeout retries, never charges twice
  bool busy_ = false;
  std::optional<PreparedBill> result_;
};

}  // namespace subdesk::ui
