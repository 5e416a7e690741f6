#pragma once
// After a payment: what was taken and the balance now, and the receipt (composed by
// reports::paymentReceipt, the same document the CLI writes). "Save as PDF…" asks where
// and writes it; "Print preview…" (Alt+V) and "Print…" (Alt+P) print the same drawing
// through the print framework (ui/document_printout).
#include <cstdint>
#include <memory>
#include <optional>

#include <wx/button.h>
#include <wx/stattext.h>

#include "core/db/session_pool.h"
#include "core/services/payments.h"
#include "desk_dialog.h"
#include "reports/pdf_document.h"

namespace subdesk::ui {

class ReceiptDialog : public DeskDialog {
 public:
  ReceiptDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t paymentId);

 private:
  void onAccept() override;  // Save as PDF…
  void loaded(services::PaymentReceipt receipt);
  wxString printTitle() const;

  std::shared_ptr<db::SessionPool> pool_;
  std::int64_t paymentId_;
  std::optional<services::PaymentReceipt> receipt_;
  wxStaticText* summary_;
  wxStaticText* saved_;
  wxButton* preview_;
  wxButton* print_;
  std::shared_ptr<reports::PdfDocument> document_;  // the receipt, for the printer
  bool saving_ = false;
};

}  // namespace subdesk::ui
