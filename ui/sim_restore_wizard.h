#pragma once
// Restoring a lost SIM at the office, step by step: (1) the visit with the customer's ID
// document checked, (2) the new SIM's ICCID typed or scanned, Luhn-checked as it is typed
// and then checked against this office's stock, (3) a summary of what will happen, then
// the restore itself, (4) the receipt: saved as PDF where the person chooses, and printed.
#include <memory>
#include <optional>

#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/simplebook.h>
#include <wx/textctrl.h>

#include "card_tabs.h"
#include "core/services/sim_restore.h"
#include "desk_dialog.h"
#include "reports/pdf_document.h"

namespace subdesk::ui {

class InteractionBar;

class SimRestoreWizard : public DeskDialog {
 public:
  SimRestoreWizard(wxWindow* parent, CardContext context, const services::CardData& card, InteractionBar* bar);
  bool restored() const { return receipt_.has_value(); }

 private:
  enum Step { Verification, NewSim, Summary, Receipt };
  void go(Step step);
  void onAccept() override;
  void checkVerification();
  void onIccidText();
  void checkStock(const std::string& digits);
  void restore();
  void saveReceipt();
  void printReceipt();
  services::SimRestoreReason reason() const;

  CardContext context_;
  services::CardData card_;
  InteractionBar* bar_;
  Step step_ = Verification;
  bool verified_ = false;
  bool busy_ = false;
  unsigned checkGeneration_ = 0;
  std::optional<services::SimRestoreCheck> check_;
  std::optional<services::SimRestoreReceipt> receipt_;
  std::shared_ptr<reports::PdfDocument> document_;

  wxSimplebook* book_;
  wxButton* back_;
  wxStaticText* stepTitle_;
  wxStaticText* verifyState_;
  wxButton* verify_;
  wxTextCtrl* iccid_;
  wxStaticText* luhn_;
  wxStaticText* stock_;
  wxChoice* reason_;
  wxStaticText* summary_;
  wxStaticText* done_;
  wxFilePickerCtrl* file_;
  wxButton* save_;
  wxButton* print_;
  wxStaticText* saved_;
};

}  // namespace subdesk::ui
