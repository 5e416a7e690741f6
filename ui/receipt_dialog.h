#pragma once
// After a payment: what was taken and the balance now, and the receipt as a PDF (rendered
// by reports::renderPaymentReceipt, the same file the CLI writes). "Save as PDF…" asks
// where and writes it; "Open" then hands the file to the desktop's PDF viewer, which
// prints it.
#include <cstdint>
#include <memory>
#include <optional>

#include <wx/button.h>
#include <wx/stattext.h>

#include "core/db/session_pool.h"
#include "core/services/payments.h"
#include "desk_dialog.h"

namespace subdesk::ui {

class ReceiptDialog : public DeskDialog {
 public:
  ReceiptDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t paymentId);

 private:
  void onAccept() override;  // Save as PDF…
  void loaded(services::PaymentReceipt receipt);

  std::shared_ptr<db::SessionPool> pool_;
  std::int64_t paymentId_;
  std::optional<services::PaymentReceipt> receipt_;
  wxStaticText* summary_;
  wxStaticText* saved_;
  wxButton* open_;
  wxString savedPath_;
  bool saving_ = false;
};

}  // namespace subdesk::ui
