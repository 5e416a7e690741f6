#include "document_printout.h"

#include <cairo.h>

#include <memory>

#include <wx/dc.h>
#include <wx/graphics.h>
#include <wx/weakref.h>

#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

DocumentPrintout::DocumentPrintout(std::shared_ptr<reports::PdfDocument> document, const wxString& title)
    : wxPrintout(title), document_(std::move(document)) {}

void DocumentPrintout::OnPreparePrinting() { pages_ = document_->paginate(); }

bool DocumentPrintout::HasPage(int page) { return page >= 1 && page <= pages_; }

void DocumentPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) {
  *minPage = *pageFrom = 1;
  *maxPage = *pageTo = pages_;
}

bool DocumentPrintout::OnPrintPage(int page) {
  wxDC* dc = GetDC();
  if (!dc || !HasPage(page)) return false;
  // The printer DC of wxGTK draws with cairo, scaled so that its units are the printer's
  // pixels; the preview's DC is a cairo context on a bitmap of the zoomed page.
  cairo_t* cr = nullptr;
  if (wxGraphicsContext* gc = dc->GetGraphicsContext()) cr = static_cast<cairo_t*>(gc->GetNativeContext());
  if (!cr && dc->GetImpl()) cr = static_cast<cairo_t*>(dc->GetImpl()->GetCairoContext());
  if (!cr) return false;
  int w = 0, h = 0;
  GetPageSizePixels(&w, &h);
  if (w <= 0 || h <= 0) dc->GetSize(&w, &h);
  // The preview draws into a bitmap of the zoomed page, in its own pixels (the cairo
  // context is not scaled from the printer's): fit the page to that bitmap.
  if (IsPreview()) dc->GetSize(&w, &h);
  document_->drawPage(cr, page, w, h);
  guiProbe("print-page", wxString::Format("%d", page));
  return true;
}

wxString printDocument(wxWindow* parent, std::shared_ptr<reports::PdfDocument> document, const wxString& title,
                       bool* printed) {
  *printed = false;
  wxPrintDialogData data;
  data.GetPrintData().SetPaperId(wxPAPER_A4);
  wxPrinter printer(&data);
  DocumentPrintout printout(std::move(document), title);
  guiProbe("print-dialog", title);
  if (printer.Print(parent, &printout, true)) {
    *printed = true;
    guiProbe("print", "done");
    return {};
  }
  if (wxPrinter::GetLastError() == wxPRINTER_ERROR) {
    guiProbe("print", "error");
    return _("The document could not be printed. Check the printer and try again.");
  }
  guiProbe("print", "cancelled");
  return {};
}

wxString previewDocument(wxWindow* parent, std::shared_ptr<reports::PdfDocument> document, const wxString& title) {
  wxWeakRef<wxWindow> back(wxWindow::FindFocus() ? wxWindow::FindFocus() : parent);
  auto* preview = new wxPrintPreview(new DocumentPrintout(document, title), new DocumentPrintout(document, title));
  if (!preview->IsOk()) {
    delete preview;
    return _("There is no printer to preview for.");
  }
  auto* frame = new wxPreviewFrame(preview, parent, wxString::Format(_("Print preview — %s"), title),
                                   wxDefaultPosition, parent->FromDIP(wxSize(800, 900)));
  // Only the window it was opened from waits (a modal dialog, often): the rest of the
  // desk stays as it was. Closing the preview gives the keyboard back to where it was
  // (GTK leaves the re-enabled window without a focused control).
  frame->InitializeWithModality(wxPreviewFrame_WindowModal);
  wxWindow* top = wxGetTopLevelParent(parent);
  auto pending = std::make_shared<bool>(false);
  if (top) {
    top->Bind(wxEVT_ACTIVATE, [back, pending](wxActivateEvent& e) {
      e.Skip();
      if (!*pending || !e.GetActive()) return;
      *pending = false;
      if (back) back->CallAfter([back] {
        if (back) back->SetFocus();
      });
    });
  }
  frame->Bind(wxEVT_CLOSE_WINDOW, [pending](wxCloseEvent& e) {
    *pending = true;
    e.Skip();
  });
  frame->Show();
  guiProbe("print-preview", wxString::Format("%s, %d pages", title, preview->GetMaxPage()));
  return {};
}

}  // namespace subdesk::ui
