#include "home_dialogs.h"

#include <algorithm>
#include <cstdlib>

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "async.h"
#include "core/domain/money.h"
#include "core/security/home_password.h"
#include "core/services/home_bonus_transfer.h"
#include "core/services/home_contract_signing.h"
#include "core/services/home_offer.h"
#include "core/services/home_password_reissue.h"
#include "core/services/home_suspension.h"
#include "core/services/home_turbo.h"
#include "desk_format.h"
#include "document_printout.h"
#include "gui_probe.h"
#include "reports/home_sheets.h"
#include "translate.h"

namespace subdesk::ui {
namespace {

void wipe(std::string& secret) {
  std::fill(secret.begin(), secret.end(), '\0');
  secret.clear();
}

std::string isoDay(const wxDateTime& d) { return d.FormatISODate().utf8_string(); }

wxStaticText* note(wxWindow* parent, const wxString& text = wxString()) {
  return new wxStaticText(parent, wxID_ANY, text);
}

}  // namespace

// --- Vacation suspension --------------------------------------------------------------

SuspendHomeDialog::SuspendHomeDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t homeId)
    : DeskDialog(parent, _("Suspend home internet for a vacation")), pool_(std::move(pool)), homeId_(homeId) {
  const wxDateTime tomorrow = wxDateTime::Today() + wxDateSpan::Day();
  from_ = new wxDatePickerCtrl(this, wxID_ANY, tomorrow, wxDefaultPosition, wxDefaultSize,
                               wxDP_DROPDOWN | wxDP_SHOWCENTURY);
  to_ = new wxDatePickerCtrl(this, wxID_ANY, tomorrow + wxDateSpan::Days(13), wxDefaultPosition, wxDefaultSize,
                             wxDP_DROPDOWN | wxDP_SHOWCENTURY);
  auto* grid = new wxFlexGridSizer(2, wxSize(12, 6));
  grid->Add(note(this, _("From (first day without internet):")), wxSizerFlags().CentreVertical());
  grid->Add(from_);
  grid->Add(note(this, _("To (last day, inclusive):")), wxSizerFlags().CentreVertical());
  grid->Add(to_);
  allowance_ = note(this, _("Loading the days allowed…"));
  content()->Add(grid);
  content()->Add(allowance_, wxSizerFlags().Border(wxTOP, 10));
  finishLayout(_("&Suspend"), _("Cancel"));
  runAsync(
      this,
      [pool = pool_, homeId] {
        auto sql = pool->lease();
        return services::HomeSuspension(*sql).allowance(homeId);
      },
      [this](services::SuspensionAllowance a) {
        allowance_->SetLabel(wxString::Format(_("Used this year: %d of %d days."), a.usedThisYear, a.daysPerYear));
        GetSizer()->Fit(this);
      },
      [this](const std::string& error) { allowance_->SetLabel(wxString::FromUTF8(error)); });
}

void SuspendHomeDialog::onAccept() {
  okButton()->Disable();
  runAsync(
      this,
      [pool = pool_, id = homeId_, from = isoDay(from_->GetValue()), to = isoDay(to_->GetValue())] {
        auto sql = pool->lease();
        services::HomeSuspension(*sql).suspend(id, from, to);
      },
      [this] { EndModal(wxID_OK); },
      [this](const std::string& error) {
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

// --- Turbo ------------------------------------------------------------------------------

TurboDialog::TurboDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t homeId)
    : DeskDialog(parent, _("Turbo: twice the speed")), pool_(std::move(pool)), homeId_(homeId),
      key_(security::newIdempotencyKey()) {
  content()->Add(note(this, _("Doubles the speed for a while; charged from the main balance.")),
                 wxSizerFlags().Border(wxBOTTOM, 8));
  // Each duration with its price beside it (filled once the tariff is read).
  const int hours[] = {1, 3, 24};
  auto* grid = new wxFlexGridSizer(2, wxSize(16, 6));
  for (int i = 0; i < 3; ++i) {
    hours_[i] = new wxRadioButton(this, wxID_ANY, wxString::Format(wxPLURAL("%d hour", "%d hours", hours[i]), hours[i]),
                                  wxDefaultPosition, wxDefaultSize, i == 0 ? wxRB_GROUP : 0);
    hours_[i]->Disable();
    prices_[i] = note(this, wxString::FromUTF8("…"));
    grid->Add(hours_[i], wxSizerFlags().CentreVertical());
    grid->Add(prices_[i], wxSizerFlags().CentreVertical());
  }
  content()->Add(grid);
  finishLayout(_("&Buy turbo"), _("Cancel"));
  okButton()->Disable();
  runAsync(
      this,
      [pool = pool_, homeId] {
        auto sql = pool->lease();
        return services::homeTariffOf(*sql, homeId);
      },
      [this](std::optional<services::HomeTariff> t) {
        if (!t) return showError(_("This home internet no longer exists."));
        const std::optional<std::int64_t> prices[] = {t->turbo1h, t->turbo3h, t->turbo24h};
        bool any = false;
        for (int i = 0; i < 3; ++i) {
          prices_[i]->SetLabel(prices[i] ? money(*prices[i]) : _("not available"));
          if (!prices[i]) continue;
          hours_[i]->Enable();
          if (!any) hours_[i]->SetValue(true);
          any = true;
        }
        okButton()->Enable(any);
        // Enter buys the chosen turbo (the button was disabled while the prices loaded).
        if (any) okButton()->SetFocus();
        if (!any) showError(_("The tariff has no turbo."));
        GetSizer()->Fit(this);
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void TurboDialog::onAccept() {
  int hours = 1;
  if (hours_[1]->GetValue()) hours = 3;
  if (hours_[2]->GetValue()) hours = 24;
  okButton()->Disable();
  runAsync(
      this,
      [pool = pool_, id = homeId_, hours, key = key_] {
        auto sql = pool->lease();
        return services::HomeTurbo(*sql).buy(id, hours, key);
      },
      [this](services::TurboResult r) {
        secondsLeft_ = r.secondsLeft;
        EndModal(wxID_OK);
      },
      [this](const std::string& error) {
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

// --- Bonus transfer -----------------------------------------------------------------------

BonusTransferDialog::BonusTransferDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                                         std::int64_t accountId, const std::vector<std::string>& numbers)
    : DeskDialog(parent, _("Transfer home-internet bonuses to a mobile line")), pool_(std::move(pool)),
      accountId_(accountId), key_(security::newIdempotencyKey()) {
  to_ = new wxComboBox(this, wxID_ANY);
  for (const auto& n : numbers) to_->Append(phone(n));
  if (!numbers.empty()) to_->SetSelection(0);
  amount_ = new wxTextCtrl(this, wxID_ANY);
  amount_->SetHint(_("e.g. 50,00"));
  auto* grid = new wxFlexGridSizer(2, wxSize(12, 6));
  grid->AddGrowableCol(1, 1);
  grid->Add(note(this, _("To the mobile number:")), wxSizerFlags().CentreVertical());
  grid->Add(to_, wxSizerFlags().Expand());
  grid->Add(note(this, _("Amount, UAH:")), wxSizerFlags().CentreVertical());
  grid->Add(amount_, wxSizerFlags().Expand());
  limits_ = note(this, _("Loading the limits…"));
  content()->Add(grid, wxSizerFlags().Expand());
  content()->Add(limits_, wxSizerFlags().Border(wxTOP, 10));
  finishLayout(_("&Transfer"), _("Cancel"));
  runAsync(
      this,
      [pool = pool_, accountId] {
        auto sql = pool->lease();
        return services::HomeBonusTransfer(*sql).limits(accountId);
      },
      [this](services::BonusTransferLimits l) {
        limits_->SetLabel(wxString::Format(_("Bonuses available: %s. At most %s per transfer and %s a month (%s "
                                             "transferred this month)."),
                                           money(l.available), money(l.perTransfer), money(l.perMonth),
                                           money(l.transferredThisMonth)));
        limits_->Wrap(FromDIP(480));
        GetSizer()->Fit(this);
      },
      [this](const std::string& error) { limits_->SetLabel(wxString::FromUTF8(error)); });
}

void BonusTransferDialog::onAccept() {
  const auto amount = Money::parse(amount_->GetValue().utf8_string(), deskLanguage());
  if (!amount || amount->kopecks() <= 0) {
    showError(amount ? _("Enter an amount above zero.") : wxString::FromUTF8(amount.error()));
    return;
  }
  okButton()->Disable();
  runAsync(
      this,
      [pool = pool_, account = accountId_, to = to_->GetValue().utf8_string(), kopecks = amount->kopecks(),
       key = key_] {
        auto sql = pool->lease();
        return services::HomeBonusTransfer(*sql).transfer(account, to, kopecks, key);
      },
      [this](std::int64_t) { EndModal(wxID_OK); },
      [this](const std::string& error) {
        // The same key goes again on the next try: a transfer that did happen is not repeated.
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

// --- Password reissue -------------------------------------------------------------------

ReissuePasswordDialog::ReissuePasswordDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                                             std::int64_t homeId)
    : DeskDialog(parent, _("Reissue the home-internet password")), pool_(std::move(pool)), homeId_(homeId) {
  content()->Add(note(this, _("The old password stops working. How does the customer want the new one?")),
                 wxSizerFlags().Border(wxBOTTOM, 8));
  print_ = new wxRadioButton(this, wxID_ANY, _("&Printed on a sheet, handed over in the office"), wxDefaultPosition,
                             wxDefaultSize, wxRB_GROUP);
  sms_ = new wxRadioButton(this, wxID_ANY, _("By &SMS to the registered mobile number"));
  email_ = new wxRadioButton(this, wxID_ANY, _("By &e-mail to the registered address"));
  for (auto* r : {print_, sms_, email_}) content()->Add(r, wxSizerFlags().Border(wxTOP, 4));
  saved_ = new wxStaticText(this, wxID_ANY, wxString());
  content()->Add(saved_, wxSizerFlags().Border(wxTOP, 12));
  auto* printing = new wxBoxSizer(wxHORIZONTAL);
  previewSheet_ = new wxButton(this, wxID_ANY, _("Print pre&view…"));
  printSheet_ = new wxButton(this, wxID_ANY, _("&Print the sheet…"));
  printing->Add(previewSheet_, wxSizerFlags().Border(wxRIGHT, 8));
  printing->Add(printSheet_, wxSizerFlags());
  content()->Add(printing, wxSizerFlags().Border(wxTOP, 8));
  const auto title = [] { return _("New home internet password"); };
  previewSheet_->Bind(wxEVT_BUTTON, [this, title](wxCommandEvent&) {
    if (sheet_) showError(previewDocument(this, sheet_, title()));
  });
  printSheet_->Bind(wxEVT_BUTTON, [this, title](wxCommandEvent&) {
    if (!sheet_) return;
    bool printed = false;
    showError(printDocument(this, sheet_, title(), &printed));
    if (printed) saved_->SetLabel(saved_->GetLabel() + "\n" + _("Sent to the printer."));
  });
  for (wxWindow* w : std::initializer_list<wxWindow*>{saved_, previewSheet_, printSheet_}) w->Hide();
  finishLayout(_("&Reissue"), _("Cancel"));
}

void ReissuePasswordDialog::onAccept() {
  if (sheet_) {  // the sheet is saved: the affirmative button closes
    EndModal(wxID_OK);
    return;
  }
  const auto delivery = print_->GetValue() ? services::PasswordDelivery::Print
                        : sms_->GetValue() ? services::PasswordDelivery::Sms
                                           : services::PasswordDelivery::Email;
  okButton()->Disable();
  runAsync(
      this,
      [pool = pool_, id = homeId_, delivery] {
        auto sql = pool->lease();
        return services::HomePasswordReissue(*sql).reissue(id, delivery);
      },
      [this, delivery](services::ReissuedPassword r) {
        if (delivery == services::PasswordDelivery::Print) return savePrinted(std::move(r.password), r.login);
        outcome_ = wxString::Format(_("The new password for %s is on its way to %s."), wxString::FromUTF8(r.login),
                                    wxString::FromUTF8(r.recipient));
        EndModal(wxID_OK);
      },
      [this](const std::string& error) {
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

void ReissuePasswordDialog::onCancel() {
  if (sheet_) EndModal(wxID_OK);
  else DeskDialog::onCancel();
}

void ReissuePasswordDialog::savePrinted(std::string password, std::string login) {
  const char* dir = std::getenv("SUBDESK_SHEET_DIR");
  wxFileDialog dialog(this, _("Save the password sheet"),
                      dir && *dir ? wxString::FromUTF8(dir) : wxStandardPaths::Get().GetDocumentsDir(),
                      wxString::FromUTF8(login) + "-password.pdf", _("PDF files (*.pdf)|*.pdf"),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dialog.ShowModal() != wxID_OK) {
    wipe(password);
    outcome_ = _("The password was changed but the sheet was not saved: reissue it again.");
    EndModal(wxID_OK);
    return;
  }
  const wxString path = dialog.GetPath();
  runAsync(
      this,
      [pool = pool_, id = homeId_, password = std::move(password), file = path.utf8_string(),
       language = deskLanguage()]() mutable {
        auto sql = pool->lease();
        const auto sheet = services::HomeContractSigning(*sql).sheet(id);
        std::shared_ptr<reports::PdfDocument> document;
        try {
          document = reports::passwordSheet(sheet, password, language);
          wipe(password);
          document->save(file);
        } catch (...) {
          wipe(password);
          throw;
        }
        return document;
      },
      [this, path](std::shared_ptr<reports::PdfDocument> document) { sheetSaved(std::move(document), path); },
      [this](const std::string& error) {
        outcome_ = wxString::Format(_("The password was changed but the sheet could not be written (%s): reissue "
                                      "it again."),
                                    wxString::FromUTF8(error));
        EndModal(wxID_OK);
      });
}

void ReissuePasswordDialog::sheetSaved(std::shared_ptr<reports::PdfDocument> sheet, const wxString& path) {
  sheet_ = std::move(sheet);
  outcome_ = wxString::Format(_("The new password is on the sheet %s: print it for the customer."), path);
  guiProbe("home", "password sheet " + path);
  for (auto* r : {print_, sms_, email_}) r->Disable();
  saved_->SetLabel(wxString::Format(_("Saved: %s"), path));
  for (wxWindow* w : std::initializer_list<wxWindow*>{saved_, previewSheet_, printSheet_}) w->Show();
  if (cancelButton()) cancelButton()->Hide();
  okButton()->SetLabel(_("Close"));
  okButton()->Enable();
  printSheet_->SetFocus();
  showError(wxString());
  GetSizer()->Fit(this);
  Layout();
}

}  // namespace subdesk::ui
