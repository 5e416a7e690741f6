#include "home_contract_wizard.h"

#include <algorithm>
#include <cstdlib>

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "async.h"
#include "core/services/home_lookup.h"
#include "desk_format.h"
#include "document_printout.h"
#include "gui_probe.h"
#include "reports/home_sheets.h"
#include "translate.h"

namespace subdesk::ui {
namespace {

// What signing hands back: the contract, or the people the database says may be this
// customer (SD030), or the refused login (SD031).
struct SignOutcome {
  std::optional<services::SignedContract> contract;
  std::int64_t customerId = 0;
  std::vector<services::DuplicateCustomer> duplicates;
  std::string loginRefused;
};

void wipe(std::string& secret) {
  std::fill(secret.begin(), secret.end(), '\0');
  secret.clear();
  secret.shrink_to_fit();
}

wxString sheetFolder() {
  if (const char* dir = std::getenv("SUBDESK_SHEET_DIR"); dir && *dir) return wxString::FromUTF8(dir);
  return wxStandardPaths::Get().GetDocumentsDir();
}

}  // namespace

HomeContractWizard::HomeContractWizard(wxWindow* parent, std::shared_ptr<db::SessionPool> pool)
    : DeskDialog(parent, _("Sign a home-internet contract")), pool_(std::move(pool)) {
  book_ = new wxSimplebook(this, wxID_ANY);
  book_->AddPage(makeCustomerPage(), wxString());
  book_->AddPage(makeDuplicatesPage(), wxString());
  book_->AddPage(makeConnectionPage(), wxString());
  book_->AddPage(makeSummaryPage(), wxString());
  book_->AddPage(makeDonePage(), wxString());
  content()->Add(book_, wxSizerFlags(1).Expand());
  finishLayout(_("&Next"), _("Cancel"));
  // "Back" sits in the standard button row, before the affirmative button.
  back_ = new wxButton(this, wxID_ANY, _("&Back"));
  back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onBack(); });
  if (auto* row = okButton()->GetContainingSizer()) {
    const auto& items = row->GetChildren();
    std::size_t at = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i]->GetWindow() == okButton()) at = i;
    }
    row->Insert(at, back_, wxSizerFlags().Centre().Border(wxLEFT | wxRIGHT, FromDIP(6)));
  }
  const auto sheetTitle = [this] { return _("Home internet contract sheet"); };
  previewSheet_->Bind(wxEVT_BUTTON, [this, sheetTitle](wxCommandEvent&) {
    if (sheet_) showError(previewDocument(this, sheet_, sheetTitle()));
  });
  printSheet_->Bind(wxEVT_BUTTON, [this, sheetTitle](wxCommandEvent&) {
    if (!sheet_) return;
    bool printed = false;
    showError(printDocument(this, sheet_, sheetTitle(), &printed));
  });
  go(kCustomer);
  Fit();
  CentreOnParent();
  // The search box has the cursor once the dialog is on screen.
  CallAfter([this] { query_->SetFocus(); });

  runAsync(
      this,
      [pool = pool_] {
        auto sql = pool->lease();
        return services::HomeContractSigning(*sql).tariffs();
      },
      [this](std::vector<services::HomeTariff> tariffs) {
        tariffs_ = std::move(tariffs);
        tariff_->Clear();
        for (const auto& t : tariffs_) {
          tariff_->Append(wxString::Format(_("%s, %d Mbit/s, %s a month"), pick(t.nameUk, t.nameEn), t.speedMbps,
                                           money(t.monthlyFee)));
        }
        if (!tariffs_.empty()) tariff_->SetSelection(0);
        guiProbe("wizard", wxString::Format("tariffs %zu", tariffs_.size()));
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void HomeContractWizard::go(Step step) {
  step_ = step;
  book_->SetSelection(static_cast<size_t>(step));
  showError(wxString());
  back_->Show(step != kCustomer && step != kDone);
  if (cancelButton()) cancelButton()->Show(step != kDone);
  switch (step) {
    case kCustomer:
      okButton()->SetLabel(_("&Next"));
      query_->SetFocus();
      break;
    case kDuplicates:
      okButton()->SetLabel(_("&Next"));
      duplicates_->SetFocus();
      break;
    case kConnection:
      okButton()->SetLabel(_("&Next"));
      address_->SetFocus();
      break;
    case kSummary:
      fillSummary();
      okButton()->SetLabel(_("&Sign"));
      okButton()->SetFocus();
      break;
    case kDone:
      okButton()->SetLabel(_("Open the &card"));
      okButton()->SetFocus();
      break;
  }
  static const char* const names[] = {"customer", "duplicates", "connection", "summary", "done"};
  guiProbe("wizard", wxString("step ") + names[step]);
  GetSizer()->Fit(this);
  Layout();
}

void HomeContractWizard::busy(bool on) {
  busy_ = on;
  okButton()->Enable(!on);
  back_->Enable(!on);
  if (on) wxBeginBusyCursor(); else wxEndBusyCursor();
}

void HomeContractWizard::onBack() {
  if (busy_) return;
  switch (step_) {
    case kDuplicates:
    case kConnection:
      // Back from the connection goes to the customer (the duplicate choice is made again).
      customerId_.reset();
      duplicateConfirmed_ = false;
      go(kCustomer);
      break;
    case kSummary:
      go(kConnection);
      break;
    default:
      break;
  }
}

void HomeContractWizard::onAccept() {
  if (busy_) return;
  switch (step_) {
    case kCustomer: {
      if (useFound_->GetValue()) {
        const long row = hits_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (row < 0 || static_cast<std::size_t>(row) >= found_.size()) {
          showError(_("Select the customer in the list, or enter a new customer."));
          return;
        }
        customerId_ = found_[static_cast<std::size_t>(row)].customerId;
        customerName_ = wxString::FromUTF8(found_[static_cast<std::size_t>(row)].customerName);
        go(kConnection);
      } else {
        checkDuplicates();
      }
      break;
    }
    case kDuplicates: {
      if (confirmNew_->GetValue()) {
        duplicateConfirmed_ = true;
        go(kConnection);
        break;
      }
      const long row = duplicates_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
      if (!takeDuplicate_->GetValue() || row < 0 || static_cast<std::size_t>(row) >= matched_.size()) {
        showError(_("Select the customer in the list, or confirm that this is another person."));
        return;
      }
      customerId_ = matched_[static_cast<std::size_t>(row)].customerId;
      customerName_ = wxString::FromUTF8(matched_[static_cast<std::size_t>(row)].fullName);
      go(kConnection);
      break;
    }
    case kConnection: {
      if (auto why = services::HomeContractSigning::validate(request()); !why.empty()) {
        showError(wxString::FromUTF8(why));
        return;
      }
      go(kSummary);
      break;
    }
    case kSummary:
      sign();
      break;
    case kDone:
      EndModal(wxID_OK);
      break;
  }
}

void HomeContractWizard::search() {
  const std::string query = query_->GetValue().Strip(wxString::both).utf8_string();
  if (query.empty()) return;
  searchNote_->SetLabel(_("Searching…"));
  runAsync(
      this,
      [pool = pool_, query] {
        auto sql = pool->lease();
        return services::SubscriberLookup(*sql).find(query, 30);
      },
      [this, query](std::vector<services::SubscriberHit> hits) {
        found_ = std::move(hits);
        hits_->DeleteAllItems();
        for (const auto& h : found_) {
          const long row = hits_->InsertItem(hits_->GetItemCount(), wxString::FromUTF8(h.customerName));
          hits_->SetItem(row, 1, wxString::FromUTF8(h.accountNumber));
          hits_->SetItem(row, 2, h.msisdn.empty() ? wxString::FromUTF8(h.login) : phone(h.msisdn));
        }
        guiProbe("wizard", wxString::Format("found %zu", found_.size()));
        if (found_.empty()) {
          // Nobody: the details of a new customer come next, starting with what was typed
          // when it looks like a surname.
          searchNote_->SetLabel(_("Nobody found: enter a new customer below."));
          useNew_->SetValue(true);
          if (lastName_->IsEmpty() && query.find_first_of("0123456789@") == std::string::npos) {
            const wxString typed = wxString::FromUTF8(query);
            lastName_->ChangeValue(typed.BeforeFirst(' '));
            if (firstName_->IsEmpty() && typed.Contains(" ")) firstName_->ChangeValue(typed.AfterFirst(' ').BeforeFirst(' '));
          }
          (lastName_->IsEmpty() ? lastName_ : firstName_->IsEmpty() ? firstName_ : birthDate_)->SetFocus();
        } else {
          searchNote_->SetLabel(_("Select the customer and press Next, or enter a new customer below."));
          hits_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                              wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
          useFound_->SetValue(true);
          hits_->SetFocus();
        }
        Layout();
      },
      [this](const std::string& error) { searchNote_->SetLabel(wxString::FromUTF8(error)); });
}

void HomeContractWizard::checkDuplicates() {
  customerId_.reset();
  auto q = request();
  // The customer's part only: the connection is not entered yet.
  q.address = "-";
  q.tariffCode = "-";
  if (auto why = services::HomeContractSigning::validate(q); !why.empty()) {
    showError(wxString::FromUTF8(why));
    return;
  }
  busy(true);
  runAsync(
      this,
      [pool = pool_, person = q.person] {
        auto sql = pool->lease();
        return services::HomeContractSigning(*sql).duplicates(person);
      },
      [this](std::vector<services::DuplicateCustomer> found) {
        busy(false);
        if (found.empty()) {
          go(kConnection);
        } else {
          showDuplicates(std::move(found));
        }
      },
      [this](const std::string& error) {
        busy(false);
        showError(wxString::FromUTF8(error));
      });
}

void HomeContractWizard::showDuplicates(std::vector<services::DuplicateCustomer> found) {
  matched_ = std::move(found);
  duplicates_->DeleteAllItems();
  for (const auto& d : matched_) {
    const long row = duplicates_->InsertItem(duplicates_->GetItemCount(), wxString::FromUTF8(d.fullName));
    duplicates_->SetItem(row, 1, day(d.birthDate));
    duplicates_->SetItem(row, 2, wxString::FromUTF8(d.address));
    duplicates_->SetItem(row, 3, d.match == "document" ? _("ID document") : _("name and birth date"));
  }
  duplicates_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  takeDuplicate_->SetValue(true);
  duplicateConfirmed_ = false;
  guiProbe("wizard", wxString::Format("duplicates %zu", matched_.size()));
  go(kDuplicates);
}

void HomeContractWizard::sign() {
  busy(true);
  runAsync(
      this,
      [pool = pool_, q = request()] {
        auto sql = pool->lease();
        services::HomeContractSigning signing(*sql);
        SignOutcome out;
        try {
          out.contract = signing.sign(q);
        } catch (const UserError& e) {
          if (e.code() == "SD030") {
            out.duplicates = signing.duplicates(q.person);
            if (!out.duplicates.empty()) return out;
          }
          if (e.code() != "SD031") throw;
          out.loginRefused = e.what();
          return out;
        }
        // The card opens by customer; the contract's login finds them.
        if (auto key = services::findHome(*sql, out.contract->sheet.login)) out.customerId = key->customerId;
        return out;
      },
      [this](SignOutcome out) {
        busy(false);
        if (!out.duplicates.empty()) {
          showDuplicates(std::move(out.duplicates));
        } else if (!out.loginRefused.empty()) {
          go(kConnection);
          showError(wxString::FromUTF8(out.loginRefused));
          login_->SetFocus();
        } else {
          guiProbe("wizard", "signed " + wxString::FromUTF8(out.contract->sheet.contractNumber));
          saveSheet(std::move(*out.contract), out.customerId);
        }
      },
      [this](const std::string& error) {
        busy(false);
        showError(wxString::FromUTF8(error));
      });
}

void HomeContractWizard::saveSheet(services::SignedContract signedContract, std::int64_t customerId) {
  back_->Hide();
  if (cancelButton()) cancelButton()->Hide();
  okButton()->Disable();
  signedCard_ = services::CardKey{customerId, signedContract.accountId, 0};
  const wxString name = wxString::FromUTF8(signedContract.sheet.contractNumber) + ".pdf";
  for (;;) {
    wxFileDialog dialog(this, _("Save the contract sheet (it holds the password)"), sheetFolder(), name,
                        _("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() == wxID_OK) {
      writeSheet(std::move(signedContract.sheet), std::move(signedContract.password), dialog.GetPath());
      return;
    }
    const int answer = wxMessageBox(_("The password exists only on this sheet. Without it the customer cannot sign "
                                      "in, and the password has to be reissued. Save the sheet now?"),
                                    _("Save the contract sheet"), wxYES_NO | wxICON_WARNING, this);
    if (answer != wxYES) break;
  }
  wipe(signedContract.password);
  done_->SetLabel(wxString::Format(_("Contract %s, personal account %s, login %s.\nThe sheet was not saved: reissue "
                                     "the password from the customer's card."),
                                   wxString::FromUTF8(signedContract.sheet.contractNumber),
                                   wxString::FromUTF8(signedContract.sheet.accountNumber),
                                   wxString::FromUTF8(signedContract.sheet.login)));
  showPrinting(false);
  okButton()->Enable();
  go(kDone);
}

void HomeContractWizard::showPrinting(bool shown) {
  previewSheet_->Show(shown);
  printSheet_->Show(shown);
  if (shown) printSheet_->SetFocus();
  Layout();
}

void HomeContractWizard::writeSheet(services::ContractSheet sheet, std::string password, const wxString& path) {
  busy(true);
  const wxString summary = wxString::Format(_("Contract %s, personal account %s, login %s."),
                                            wxString::FromUTF8(sheet.contractNumber),
                                            wxString::FromUTF8(sheet.accountNumber), wxString::FromUTF8(sheet.login));
  runAsync(
      this,
      [sheet = std::move(sheet), password = std::move(password), file = path.utf8_string(),
       language = deskLanguage()]() mutable {
        std::shared_ptr<reports::PdfDocument> document;
        try {
          document = reports::contractSheet(sheet, password, language);
          wipe(password);
          document->save(file);
        } catch (...) {
          wipe(password);
          throw;
        }
        return document;
      },
      [this, path, summary](std::shared_ptr<reports::PdfDocument> document) {
        busy(false);
        sheet_ = std::move(document);
        guiProbe("wizard", "sheet " + path);
        done_->SetLabel(summary + "\n" +
                        wxString::Format(_("The contract sheet with the password is saved as %s.\nPrint it and hand "
                                           "it to the customer; the password is not shown anywhere else."),
                                         path));
        showPrinting(true);
        okButton()->Enable();
        go(kDone);
      },
      [this](const std::string& error) {
        busy(false);
        okButton()->Enable();
        done_->SetLabel(wxString::Format(_("The contract is signed, but the sheet could not be written (%s): "
                                           "reissue the password from the customer's card."),
                                         wxString::FromUTF8(error)));
        showPrinting(false);
        go(kDone);
      });
}

}  // namespace subdesk::ui
