#include "bill_ready_dialog.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/printdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "async.h"
#include "core/reporting/report.h"
#include "core/services/bill_email.h"
#include "reports/bill_email.h"
#include "document_printout.h"
#include "gui_probe.h"
#include "reports/bill_pdf.h"
#include "translate.h"

namespace subdesk::ui {

void requestDetailedBill(wxWindow* parent, const CardContext& context, const services::CardData& card) {
  DetailedBillDialog request(parent, context, card);
  if (request.ShowModal() != wxID_OK || !request.result()) return;
  BillReadyDialog ready(parent, context, *request.result());
  ready.ShowModal();
}

BillReadyDialog::BillReadyDialog(wxWindow* parent, CardContext context, PreparedBill bill)
    : DeskDialog(parent, _("Detailed bill")), context_(std::move(context)), bill_(std::move(bill)) {
  const int gap = FromDIP(8);
  const auto& b = bill_.bill;
  content()->Add(makeHeading(this, _("The detailed bill is ready")), wxSizerFlags().Border(wxBOTTOM, gap));
  wxString fee = bill_.request.waived
                     ? wxString::Format(_("Fee %s waived."), money(bill_.request.fee.kopecks()))
                     : wxString::Format(_("Fee %s charged to the account."), money(bill_.request.fee.kopecks()));
  const int pages = bill_.document->paginate();
  content()->Add(new wxStaticText(this, wxID_ANY,
                                  wxString::Format(_("Account %s, %s – %s"), wxString::FromUTF8(b.accountNumber),
                                                   wxString::FromUTF8(reporting::isoDay(b.from)),
                                                   wxString::FromUTF8(reporting::isoDay(b.to)))));
  content()->Add(new wxStaticText(this, wxID_ANY,
                                  wxString::Format(wxPLURAL("%zu record, total %s, %d page.",
                                                            "%zu records, total %s, %d pages.", pages),
                                                   b.records.size(), money(b.total()), pages)),
                 wxSizerFlags().Border(wxTOP, gap / 2));
  content()->Add(new wxStaticText(this, wxID_ANY, fee), wxSizerFlags().Border(wxTOP, gap / 2));
  auto* actions = new wxBoxSizer(wxHORIZONTAL);
  auto* save = new wxButton(this, wxID_ANY, _("&Save as PDF…"));
  auto* preview = new wxButton(this, wxID_ANY, _("Print pre&view…"));
  auto* print = new wxButton(this, wxID_ANY, _("&Print…"));
  email_ = new wxButton(this, wxID_ANY, _("Send by &e-mail…"));
  email_->SetToolTip(_("Send the bill as a PDF to the customer's registered e-mail address (Alt+E)"));
  actions->Add(save, wxSizerFlags().Border(wxRIGHT, gap));
  actions->Add(preview, wxSizerFlags().Border(wxRIGHT, gap));
  actions->Add(print, wxSizerFlags().Border(wxRIGHT, gap));
  actions->Add(email_);
  content()->Add(actions, wxSizerFlags().Border(wxTOP, gap * 2));
  save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
  email_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onEmail(); });
  preview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onPreview(); });
  print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onPrint(); });
  finishLayout(_("&Close"), wxString());
  save->SetFocus();
}

void BillReadyDialog::onSave() {
  wxFileDialog dialog(this, _("Save the detailed bill"), wxString(),
                      wxString::FromUTF8(reports::billFileName(bill_.bill)), _("PDF files (*.pdf)|*.pdf"),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dialog.ShowModal() != wxID_OK) return;
  const std::string path = dialog.GetPath().utf8_string();
  if (busy_) return;
  busy_ = true;
  auto doc = bill_.document;
  runAsync(
      this, [doc, path] { return doc->save(path); },
      [this, path](int pages) {
        busy_ = false;
        guiProbe("bill-saved", wxString::FromUTF8(path));
        showError(wxString());
        SetTitle(wxString::Format(_("Detailed bill — saved (%d pages)"), pages));
      },
      [this](const std::string& error) {
        busy_ = false;
        showError(wxString::FromUTF8(error));
      });
}

void BillReadyDialog::onEmail() {
  if (busy_) return;
  busy_ = true;
  email_->Disable();
  showError(wxString());
  // The address as the primary has it now (the bill itself may come from a replica).
  runAsync(
      this,
      [pool = context_.pool, request = bill_.request.requestId] {
        auto sql = pool->lease();
        return services::BillEmail(*sql).recipient(request).value_or(std::string());
      },
      [this](std::string recipient) {
        busy_ = false;
        email_->Enable();
        if (recipient.empty()) {
          guiProbe("bill-email-refused", "no address");
          showError(_("The customer has no registered e-mail address: add it to the profile (with their consent) "
                      "first."));
          return;
        }
        const wxString to = wxString::FromUTF8(recipient);
        wxMessageDialog ask(this,
                            wxString::Format(_("Send the detailed bill (PDF) to the customer's registered e-mail "
                                               "address %s?"),
                                             to),
                            _("Send the bill by e-mail"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Send"), _("Cancel"));
        guiProbe("bill-email-confirm", to);
        if (ask.ShowModal() != wxID_YES) return;
        sendEmail(recipient);
      },
      [this](const std::string& error) {
        busy_ = false;
        email_->Enable();
        showError(wxString::FromUTF8(error));
      });
}

void BillReadyDialog::sendEmail(const std::string& recipient) {
  busy_ = true;
  email_->Disable();
  runAsync(
      this,
      [pool = context_.pool, request = bill_.request.requestId, bill = bill_.bill, doc = bill_.document, recipient] {
        auto sql = pool->lease();
        return reports::emailBill(*sql, request, bill, *doc, recipient);
      },
      [this](services::BillEmailResult queued) {
        busy_ = false;
        email_->Enable();
        showError(wxString());
        guiProbe("bill-emailed", wxString::Format("%lld %s", static_cast<long long>(queued.outboxId),
                                                  wxString::FromUTF8(queued.recipient)));
        SetTitle(wxString::Format(_("Detailed bill — queued for e-mail to %s"), wxString::FromUTF8(queued.recipient)));
      },
      [this](const std::string& error) {
        busy_ = false;
        email_->Enable();
        showError(wxString::FromUTF8(error));
      });
}

void BillReadyDialog::onPreview() {
  auto* preview = new wxPrintPreview(new DocumentPrintout(bill_.document, GetTitle()),
                                     new DocumentPrintout(bill_.document, GetTitle()));
  if (!preview->IsOk()) {
    delete preview;
    showError(_("There is no printer to preview for."));
    return;
  }
  auto* frame = new wxPreviewFrame(preview, this, _("Print preview"), wxDefaultPosition, FromDIP(wxSize(800, 900)));
  frame->Initialize();
  frame->Show();
}

void BillReadyDialog::onPrint() {
  bool printed = false;
  const wxString problem = printDocument(this, bill_.document, _("Detailed bill"), &printed);
  showError(problem);
}

}  // namespace subdesk::ui
