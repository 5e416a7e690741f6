#pragma once
// Signing a home-internet contract at the office (sales and up), one step per page:
//   1. the customer: search first (an existing customer), or a new one;
//   2. (only when the core finds people with the same name and birth date or document)
//      who matched: sign for that customer, or confirm that this is someone else;
//   3. the connection: address, tariff, optional family line, login;
//   4. the summary, then Sign.
// The core makes the password; it goes from the signing straight into the contract sheet
// the person saves (a file dialog, named after the contract) and is wiped from memory: the
// wizard never shows it. $SUBDESK_SHEET_DIR, when set, is the folder the file dialog opens
// in (else the Documents folder). Afterwards the wizard prints the same sheet through the
// print framework (print preview, print dialog); the composed sheet, and with it the
// password, is dropped when the wizard closes. On close, signedCard() is the new
// contract's card.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/radiobut.h>
#include <wx/simplebook.h>
#include <wx/textctrl.h>

#include "core/db/session_pool.h"
#include "core/services/card_tabs.h"
#include "core/services/home_contract_signing.h"
#include "core/services/subscriber_lookup.h"
#include "desk_dialog.h"
#include "reports/pdf_document.h"

namespace subdesk::ui {

class HomeContractWizard : public DeskDialog {
 public:
  HomeContractWizard(wxWindow* parent, std::shared_ptr<db::SessionPool> pool);

  // The new customer's card, once signed.
  std::optional<services::CardKey> signedCard() const { return signedCard_; }

 private:
  enum Step { kCustomer, kDuplicates, kConnection, kSummary, kDone };

  // Pages (home_contract_pages.cpp).
  wxWindow* makeCustomerPage();
  wxWindow* makeDuplicatesPage();
  wxWindow* makeConnectionPage();
  wxWindow* makeSummaryPage();
  wxWindow* makeDonePage();
  void fillSummary();

  // Flow (home_contract_wizard.cpp).
  void go(Step step);
  void onAccept() override;
  void onBack();
  void search();
  void checkDuplicates();
  void showDuplicates(std::vector<services::DuplicateCustomer> found);
  void sign();
  void saveSheet(services::SignedContract signedContract, std::int64_t customerId);
  void writeSheet(services::ContractSheet sheet, std::string password, const wxString& path);
  void showPrinting(bool shown);
  services::ContractRequest request() const;
  wxString customerLine() const;
  void busy(bool on);

  std::shared_ptr<db::SessionPool> pool_;
  wxSimplebook* book_ = nullptr;
  wxButton* back_ = nullptr;
  Step step_ = kCustomer;
  bool busy_ = false;

  // Customer page.
  wxTextCtrl* query_ = nullptr;
  wxListCtrl* hits_ = nullptr;
  wxStaticText* searchNote_ = nullptr;
  wxRadioButton* useFound_ = nullptr;
  wxRadioButton* useNew_ = nullptr;
  wxTextCtrl *lastName_ = nullptr, *firstName_ = nullptr, *patronymic_ = nullptr, *birthDate_ = nullptr;
  wxChoice* docKind_ = nullptr;
  wxTextCtrl *docNumber_ = nullptr, *contactPhone_ = nullptr, *email_ = nullptr;
  std::vector<services::SubscriberHit> found_;

  // Duplicates page.
  wxListCtrl* duplicates_ = nullptr;
  wxRadioButton* takeDuplicate_ = nullptr;
  wxRadioButton* confirmNew_ = nullptr;
  std::vector<services::DuplicateCustomer> matched_;

  // Connection page.
  wxTextCtrl* address_ = nullptr;
  wxChoice* tariff_ = nullptr;
  wxTextCtrl* family_ = nullptr;
  wxRadioButton* loginIsAccount_ = nullptr;
  wxRadioButton* loginChosen_ = nullptr;
  wxTextCtrl* login_ = nullptr;
  std::vector<services::HomeTariff> tariffs_;

  // Summary and done pages.
  wxStaticText* summary_ = nullptr;
  wxStaticText* done_ = nullptr;
  wxButton* previewSheet_ = nullptr;
  wxButton* printSheet_ = nullptr;

  // What the flow decided.
  std::optional<std::int64_t> customerId_;  // an existing customer (found or matched)
  wxString customerName_;                   // of the existing customer
  bool duplicateConfirmed_ = false;
  std::shared_ptr<reports::PdfDocument> sheet_;  // saved, for the printer; holds the password
  std::optional<services::CardKey> signedCard_;
};

}  // namespace subdesk::ui
