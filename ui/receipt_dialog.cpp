#include "receipt_dialog.h"

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>

#include "async.h"
#include "desk_format.h"
#include "document_printout.h"
#include "gui_probe.h"
#include "reports/payment_receipt.h"
#include "translate.h"

namespace subdesk::ui {

ReceiptDialog::ReceiptDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t paymentId)
    : DeskDialog(parent, _("Payment taken — subdesk")), pool_(std::move(pool)), paymentId_(paymentId) {
  content()->Add(makeHeading(this, _("Payment taken")), wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  summary_ = new wxStaticText(this, wxID_ANY, _("Loading the receipt…"));
  content()->Add(summary_, wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
  saved_ = new wxStaticText(this, wxID_ANY, wxString());
  content()->Add(saved_, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  auto* printing = new wxBoxSizer(wxHORIZONTAL);
  preview_ = new wxButton(this, wxID_ANY, _("Print pre&view…"));
  print_ = new wxButton(this, wxID_ANY, _("&Print…"));
  for (auto* b : {preview_, print_}) {
    b->Disable();
    printing->Add(b, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
  }
  preview_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (document_) showError(previewDocument(this, document_, printTitle()));
  });
  print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (!document_) return;
    bool printed = false;
    showError(printDocument(this, document_, printTitle(), &printed));
    if (printed) saved_->SetLabel(_("Sent to the printer."));
  });
  content()->Add(printing, wxSizerFlags());
  finishLayout(_("&Save as PDF…"), _("Close"));
  okButton()->Disable();
  SetMinSize(FromDIP(wxSize(460, -1)));
  Fit();

  runAsync(
      this,
      [pool = pool_, id = paymentId_] {
        auto sql = pool->lease();
        return services::Payments(*sql).receipt(id);
      },
      [this](services::PaymentReceipt r) { loaded(std::move(r)); },
      [this](const std::string& error) {
        summary_->SetLabel(wxString());
        showError(wxString::FromUTF8(error));
      });
}

wxString ReceiptDialog::printTitle() const {
  return wxString::Format(_("Payment receipt No. %lld"), static_cast<long long>(paymentId_));
}

void ReceiptDialog::loaded(services::PaymentReceipt r) {
  wxString text = wxString::Format(_("Receipt No. %lld, %s\n%s to account %s (%s)\nMethod: %s\nBalance now: %s"),
                                   static_cast<long long>(r.paymentId), wxString::FromUTF8(r.at), money(r.amount),
                                   wxString::FromUTF8(r.accountNumber), wxString::FromUTF8(r.customerName),
                                   wxString::FromUTF8(services::methodTitle(services::methodFromCode(r.method))),
                                   money(r.balanceNow));
  summary_->SetLabel(text);
  document_ = reports::paymentReceipt(r, deskLanguage());
  receipt_ = std::move(r);
  okButton()->Enable();
  preview_->Enable();
  print_->Enable();
  okButton()->SetFocus();
  GetSizer()->Fit(this);
  Layout();
  guiProbe("receipt", wxString::Format("%lld", static_cast<long long>(paymentId_)));
}

void ReceiptDialog::onAccept() {
  if (!receipt_ || saving_) return;
  wxString folder = wxStandardPaths::Get().GetDocumentsDir();
  if (!wxDirExists(folder)) folder = wxGetHomeDir();
  // TRANSLATORS: the suggested file name of a receipt; %lld is its number
  const wxString name = wxString::Format(_("receipt-%lld.pdf"), static_cast<long long>(paymentId_));
  wxFileDialog ask(this, _("Save the receipt"), folder, name, _("PDF documents (*.pdf)|*.pdf"),
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ask.ShowModal() != wxID_OK) return;
  wxString path = ask.GetPath();
  if (wxFileName(path).GetExt().Lower() != "pdf") path += ".pdf";
  saving_ = true;
  okButton()->Disable();
  runAsync(
      this,
      [receipt = *receipt_, file = path.utf8_string(), language = deskLanguage()] {
        return reports::renderPaymentReceipt(receipt, language, file);
      },
      [this, path](int) {
        saving_ = false;
        okButton()->Enable();
        saved_->SetLabel(wxString::Format(_("Saved: %s"), path));
        print_->SetFocus();
        showError(wxString());
        guiProbe("receipt-saved", path);
      },
      [this](const std::string& error) {
        saving_ = false;
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

}  // namespace subdesk::ui
