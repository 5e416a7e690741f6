#pragma once
// One dialog per home-internet operation on the card: vacation suspension, turbo, bonus
// transfer, password reissue. Each does its work off the UI thread and ends with wxID_OK
// once the core accepted it; a refusal (the core's sentence: limits, not enough money, no
// verified caller) stays in the dialog, which can be retried. Money operations make their
// idempotency key when the dialog opens, so a retry after a lost connection reuses it.
#include <memory>
#include <string>
#include <vector>

#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include "core/db/session_pool.h"
#include "desk_dialog.h"
#include "reports/pdf_document.h"

namespace subdesk::ui {

class SuspendHomeDialog : public DeskDialog {
 public:
  SuspendHomeDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t homeInternetId);

 private:
  void onAccept() override;
  std::shared_ptr<db::SessionPool> pool_;
  std::int64_t homeId_;
  wxDatePickerCtrl* from_;
  wxDatePickerCtrl* to_;
  wxStaticText* allowance_;
};

class TurboDialog : public DeskDialog {
 public:
  TurboDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t homeInternetId);
  // After wxID_OK: how long the turbo runs from now.
  std::int64_t secondsLeft() const { return secondsLeft_; }

 private:
  void onAccept() override;
  std::shared_ptr<db::SessionPool> pool_;
  std::int64_t homeId_;
  std::string key_;
  wxRadioButton* hours_[3];
  wxStaticText* prices_[3];
  std::int64_t secondsLeft_ = 0;
};

class BonusTransferDialog : public DeskDialog {
 public:
  // `numbers`: the mobile numbers of the customer and their family (E.164), offered first.
  BonusTransferDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t homeAccountId,
                      const std::vector<std::string>& numbers);

 private:
  void onAccept() override;
  std::shared_ptr<db::SessionPool> pool_;
  std::int64_t accountId_;
  std::string key_;
  wxComboBox* to_;
  wxTextCtrl* amount_;
  wxStaticText* limits_;
};

class ReissuePasswordDialog : public DeskDialog {
 public:
  ReissuePasswordDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t homeInternetId);
  // After wxID_OK: what happened, for the status bar.
  const wxString& outcome() const { return outcome_; }

 private:
  void onAccept() override;
  void onCancel() override;  // once the sheet is saved, closing is done, not cancelled
  void savePrinted(std::string password, std::string login);
  // The sheet is saved: show where, and offer it to the printer (preview, print).
  void sheetSaved(std::shared_ptr<reports::PdfDocument> sheet, const wxString& path);
  std::shared_ptr<db::SessionPool> pool_;
  std::int64_t homeId_;
  wxRadioButton* print_;
  wxRadioButton* sms_;
  wxRadioButton* email_;
  wxStaticText* saved_;
  wxButton* previewSheet_;
  wxButton* printSheet_;
  std::shared_ptr<reports::PdfDocument> sheet_;  // saved, for the printer; holds the password
  wxString outcome_;
};

}  // namespace subdesk::ui
