#include "sim_restore_wizard.h"

#include <wx/filename.h>
#include <wx/stdpaths.h>

#include "async.h"
#include "core/domain/iccid_entry.h"
#include "core/services/caller_verification.h"
#include "document_printout.h"
#include "gui_probe.h"
#include "interaction_bar.h"
#include "reports/sim_restore_receipt.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
constexpr services::SimRestoreReason kReasons[] = {services::SimRestoreReason::Lost, services::SimRestoreReason::Stolen,
                                                   services::SimRestoreReason::Damaged,
                                                   services::SimRestoreReason::FormatChange};
const wxColour kGood(0x1E, 0x6B, 0x2E), kBad(0xC0, 0x1C, 0x28), kPlain(0x33, 0x33, 0x33);

// ~/Documents when it exists, else the temporary folder.
wxString defaultReceiptPath(std::int64_t swapId) {
  wxString dir = wxGetHomeDir() + wxFILE_SEP_PATH + "Documents";
  if (!wxDirExists(dir)) dir = wxFileName::GetTempDir();
  return dir + wxFILE_SEP_PATH + wxString::Format("sim-restore-%lld.pdf", static_cast<long long>(swapId));
}
}  // namespace

SimRestoreWizard::SimRestoreWizard(wxWindow* parent, CardContext context, const services::CardData& card,
                                   InteractionBar* bar)
    : DeskDialog(parent, _("Restore the SIM")), context_(std::move(context)), card_(card), bar_(bar) {
  const int gap = FromDIP(8), width = FromDIP(520);
  wxString number;
  for (const auto& l : card_.overview.lines)
    if (l.lineId == card_.key.lineId) number = phone(l.msisdn);
  content()->Add(makeHeading(this, wxString::Format(_("New SIM for %s, %s"), number,
                                                    wxString::FromUTF8(card_.overview.customerName))),
                 wxSizerFlags().Border(wxBOTTOM, gap));
  stepTitle_ = new wxStaticText(this, wxID_ANY, wxString());
  stepTitle_->SetFont(stepTitle_->GetFont().Bold());
  content()->Add(stepTitle_, wxSizerFlags().Border(wxBOTTOM, gap));
  book_ = new wxSimplebook(this);

  auto* p1 = new wxPanel(book_);
  verifyState_ = new wxStaticText(p1, wxID_ANY, _("Checking the visit…"));
  verify_ = new wxButton(p1, wxID_ANY, _("Check the &ID document…"));
  verify_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    bar_->verifyCaller(services::VerifyMethod::Document, [this](bool) { checkVerification(); }, this);
  });
  auto* s1 = new wxBoxSizer(wxVERTICAL);
  s1->Add(verifyState_, wxSizerFlags().Border(wxBOTTOM, gap));
  s1->Add(verify_);
  p1->SetSizer(s1);

  auto* p2 = new wxPanel(book_);
  iccid_ = new wxTextCtrl(p2, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(300), -1));
  iccid_->SetHint(_("Type or scan the ICCID"));
  iccid_->SetFont(wxFont(wxFontInfo(13).Family(wxFONTFAMILY_TELETYPE)));
  luhn_ = new wxStaticText(p2, wxID_ANY, wxString());
  stock_ = new wxStaticText(p2, wxID_ANY, wxString());
  reason_ = new wxChoice(p2, wxID_ANY);
  for (auto r : kReasons) reason_->Append(wxString::FromUTF8(services::reasonTitle(r)));
  reason_->SetSelection(0);
  auto* s2 = new wxBoxSizer(wxVERTICAL);
  s2->Add(new wxStaticText(p2, wxID_ANY, _("ICCID of the new SIM card (from this office's stock):")));
  s2->Add(iccid_, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(4)));
  s2->Add(luhn_);
  s2->Add(stock_, wxSizerFlags().Border(wxBOTTOM, gap));
  s2->Add(new wxStaticText(p2, wxID_ANY, _("Why the SIM is replaced:")));
  s2->Add(reason_, wxSizerFlags().Border(wxTOP, FromDIP(4)));
  p2->SetSizer(s2);
  iccid_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { onIccidText(); });

  auto* p3 = new wxPanel(book_);
  summary_ = new wxStaticText(p3, wxID_ANY, wxString());
  auto* s3 = new wxBoxSizer(wxVERTICAL);
  s3->Add(summary_);
  p3->SetSizer(s3);

  auto* p4 = new wxPanel(book_);
  done_ = new wxStaticText(p4, wxID_ANY, wxString());
  done_->SetForegroundColour(kGood);
  file_ = new wxFilePickerCtrl(p4, wxID_ANY, wxString(), _("Save the receipt as"), _("PDF files (*.pdf)|*.pdf"),
                               wxDefaultPosition, wxSize(width, -1),
                               wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
  save_ = new wxButton(p4, wxID_ANY, _("&Save the receipt (PDF)"));
  print_ = new wxButton(p4, wxID_ANY, _("&Print the receipt…"));
  saved_ = new wxStaticText(p4, wxID_ANY, wxString());
  save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveReceipt(); });
  print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { printReceipt(); });
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(save_, wxSizerFlags().Border(wxRIGHT, gap));
  row->Add(print_);
  auto* s4 = new wxBoxSizer(wxVERTICAL);
  s4->Add(done_, wxSizerFlags().Border(wxBOTTOM, gap));
  s4->Add(new wxStaticText(p4, wxID_ANY, _("Receipt file:")));
  s4->Add(file_, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, FromDIP(4)));
  s4->Add(row);
  s4->Add(saved_, wxSizerFlags().Border(wxTOP, gap));
  p4->SetSizer(s4);

  for (wxPanel* p : {p1, p2, p3, p4}) book_->AddPage(p, wxString());
  book_->SetMinSize(wxSize(width, FromDIP(190)));
  content()->Add(book_, wxSizerFlags(1).Expand());
  back_ = new wxButton(this, wxID_ANY, _("< &Back"));
  back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (step_ == NewSim || step_ == Summary) go(static_cast<Step>(step_ - 1));
  });
  content()->Add(back_, wxSizerFlags().Border(wxTOP, gap));
  finishLayout(_("&Next >"), _("Cancel"));
  go(Verification);
}

void SimRestoreWizard::go(Step step) {
  step_ = step;
  book_->SetSelection(static_cast<size_t>(step));
  const wxString titles[] = {_("Step 1 of 4: the customer's ID document"), _("Step 2 of 4: the new SIM card"),
                             _("Step 3 of 4: check and confirm"), _("Step 4 of 4: the receipt")};
  stepTitle_->SetLabel(titles[step]);
  back_->Show(step == NewSim || step == Summary);
  cancelButton()->Show(step != Receipt);
  showError({});
  switch (step) {
    case Verification:
      okButton()->SetLabel(_("&Next >"));
      checkVerification();
      break;
    case NewSim:
      okButton()->SetLabel(_("&Next >"));
      onIccidText();
      iccid_->SetFocus();
      break;
    case Summary: {
      okButton()->SetLabel(_("&Restore the SIM"));
      okButton()->Enable();
      const auto& c = *check_;
      const wxString office = pick(c.officeNameUk, c.officeNameEn);
      summary_->SetLabel(wxString::Format(
          _("Number: %s\nOld SIM %s becomes lost: it stops working now and can never be activated again.\n"
            "New SIM %s becomes active on the same number, from the stock of %s.\n"
            "Reason: %s\nTariff, services, balance and bonuses stay as they are.\n"
            "An SMS tells the subscriber that their SIM was replaced here and now."),
          phone(c.msisdn), wxString::FromUTF8(c.oldIccid), wxString::FromUTF8(c.newIccid), office,
          wxString::FromUTF8(services::reasonTitle(reason()))));
      summary_->Wrap(FromDIP(500));
      summary_->GetParent()->Layout();
      okButton()->SetFocus();
      break;
    }
    case Receipt:
      okButton()->SetLabel(_("&Done"));
      okButton()->Enable();
      break;
  }
  guiProbe("sim-wizard-step", wxString::Format("%d", static_cast<int>(step) + 1));
  GetSizer()->Fit(this);
  Layout();
}

services::SimRestoreReason SimRestoreWizard::reason() const {
  return kReasons[std::max(0, reason_->GetSelection())];
}

void SimRestoreWizard::checkVerification() {
  okButton()->Disable();
  struct Seen {
    services::SimRestoreCheck check;
    std::optional<services::InteractionState> interaction;
  };
  runAsync(
      this,
      [pool = context_.pool, line = card_.key.lineId, customer = card_.key.customerId] {
        auto sql = pool->lease();
        Seen seen;
        seen.check = services::SimRestore(*sql).check(line, "");
        seen.interaction = services::CallerVerification(*sql).current(customer);
        return seen;
      },
      [this](Seen seen) {
        const auto& c = seen.check;
        // With no ICCID yet, "iccid_invalid" means everything before it passed.
        verified_ = c.problem == "iccid_invalid";
        if (verified_) {
          const auto& i = seen.interaction;
          const wxString how = wxString::FromUTF8(
              services::verificationMethodTitle("document", i && i->verifiedBy == "document" ? i->docKind : ""));
          wxString text = wxString::Format(_("✔ Checked in this visit: %s. The SIM at the line now: %s."), how,
                                           wxString::FromUTF8(c.oldIccid));
          if (i && services::verifiedNow(*i))
            text += "\n" + wxString::Format(_("The check is valid until %s."), wxString::FromUTF8(i->validUntilLocal));
          verifyState_->SetLabel(text);
          verifyState_->SetForegroundColour(kGood);
        } else {
          verifyState_->SetLabel(wxString::FromUTF8(c.reason));
          verifyState_->SetForegroundColour(kBad);
        }
        verify_->Show(!verified_ && (c.problem == "not_verified" || c.problem == "not_document"));
        okButton()->Enable(verified_);
        if (verified_) okButton()->SetFocus();
        wxString probe = verifyState_->GetLabel();
        probe.Replace("\n", " ");
        guiProbe("sim-wizard-verification", probe);
        verifyState_->Wrap(FromDIP(500));
        verifyState_->GetParent()->Layout();
        GetSizer()->Fit(this);
        Layout();
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void SimRestoreWizard::onIccidText() {
  const IccidTyping t = iccidTyping(iccid_->GetValue().utf8_string());
  ++checkGeneration_;
  check_.reset();
  stock_->SetLabel(wxString());
  if (step_ == NewSim) okButton()->Disable();
  luhn_->SetLabel(t.state == IccidTyping::State::Valid ? wxString::FromUTF8("✔ " + t.message)
                  : t.state == IccidTyping::State::Invalid ? wxString::FromUTF8("✖ " + t.message)
                                                            : wxString::FromUTF8(t.message));
  luhn_->SetForegroundColour(t.state == IccidTyping::State::Valid     ? kGood
                             : t.state == IccidTyping::State::Invalid ? kBad
                                                                      : kPlain);
  if (t.state == IccidTyping::State::Valid) checkStock(t.digits);
  guiProbe("iccid", luhn_->GetLabel());
  Layout();
}

void SimRestoreWizard::checkStock(const std::string& digits) {
  stock_->SetLabel(_("Checking the office stock…"));
  stock_->SetForegroundColour(kPlain);
  const unsigned generation = checkGeneration_;
  runAsync(
      this,
      [pool = context_.pool, line = card_.key.lineId, digits] {
        auto sql = pool->lease();
        return services::SimRestore(*sql).check(line, digits);
      },
      [this, generation](services::SimRestoreCheck c) {
        if (generation != checkGeneration_) return;  // the text changed meanwhile
        if (c.ok) {
          stock_->SetLabel(wxString::Format(_("✔ In the stock of %s and free."), pick(c.officeNameUk, c.officeNameEn)));
          stock_->SetForegroundColour(kGood);
          check_ = std::move(c);
          if (step_ == NewSim) okButton()->Enable();
        } else {
          stock_->SetLabel(wxString::FromUTF8("✖ " + c.reason));
          stock_->SetForegroundColour(kBad);
        }
        guiProbe("sim-stock", stock_->GetLabel());
        Layout();
      },
      [this](const std::string& error) { stock_->SetLabel(wxString::FromUTF8(error)); });
}

void SimRestoreWizard::onAccept() {
  if (busy_) return;
  switch (step_) {
    case Verification:
      if (verified_) go(NewSim);
      break;
    case NewSim:
      if (check_ && check_->ok) go(Summary);
      break;
    case Summary:
      restore();
      break;
    case Receipt:
      EndModal(wxID_OK);
      break;
  }
}

void SimRestoreWizard::restore() {
  busy_ = true;
  okButton()->Disable();
  back_->Disable();
  runAsync(
      this,
      [pool = context_.pool, line = card_.key.lineId, c = *check_, why = reason()] {
        auto sql = pool->lease();
        return services::SimRestore(*sql).restore(line, c.newIccid, why, c.oldIccid);
      },
      [this](services::SimRestoreReceipt r) {
        busy_ = false;
        back_->Enable();
        receipt_ = std::move(r);
        document_ = reports::simRestoreReceipt(*receipt_, deskLanguage());
        done_->SetLabel(wxString::Format(_("The SIM was restored (No. %lld). The new SIM %s works now."),
                                         static_cast<long long>(receipt_->swapId), wxString::FromUTF8(receipt_->newIccid)));
        file_->SetPath(defaultReceiptPath(receipt_->swapId));
        guiProbe("sim-restored", wxString::Format("%lld %s", static_cast<long long>(receipt_->swapId),
                                                 wxString::FromUTF8(receipt_->newIccid)));
        go(Receipt);
        // The path first: the person may change where the receipt goes, then saves.
        if (file_->GetTextCtrl()) {
          file_->GetTextCtrl()->SetFocus();
        } else {
          save_->SetFocus();
        }
      },
      [this](const std::string& error) {
        busy_ = false;
        back_->Enable();
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

void SimRestoreWizard::saveReceipt() {
  if (!document_) return;
  const wxString path = file_->GetPath();
  if (path.empty()) {
    showError(_("Choose where to save the receipt."));
    return;
  }
  try {
    document_->save(path.utf8_string());
    saved_->SetLabel(wxString::Format(_("Saved to %s."), path));
    showError({});
    guiProbe("receipt-saved", path);
  } catch (const std::exception& e) {
    showError(wxString::Format(_("The receipt could not be saved to %s."), path));
  }
  Layout();
}

void SimRestoreWizard::printReceipt() {
  if (!document_) return;
  bool printed = false;
  const wxString error = printDocument(this, document_, GetTitle(), &printed);
  showError(error);
  if (printed) saved_->SetLabel(_("Sent to the printer."));
}

}  // namespace subdesk::ui
