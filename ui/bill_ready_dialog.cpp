#include "bill_ready_dialog.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/printdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "async.h"
#include "core/reporting/report.h"
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
  actions->Add(save, wxSizerFlags().Border(wxRIGHT, gap));
  actions->Add(preview, wxSizerFlags().Border(wxRIGHT, gap));
  actions->Add(print);
  content()->Add(actions, wxSizerFlags().Border(wxTOP, gap * 2));
  save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
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
  auto doc = bill_.document;
  runAsync(
      this, [doc, path] { return doc->save(path); },
      [this, path](int pages) {
        guiProbe("bill-saved", wxString::FromUTF8(path));
        showError(wxString());
        SetTitle(wxString::Format(_("Detailed bill — saved (%d pages)"), pages));
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
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
