#include "document_printout.h"

#include <cairo.h>
#include <wx/dc.h>
#include <wx/graphics.h>

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
  // The printer DC of wxGTK draws with cairo in device units; a wxGCDC (a preview) has a
  // cairo graphics context whose user units are the same printer pixels.
  cairo_t* cr = nullptr;
  if (wxGraphicsContext* gc = dc->GetGraphicsContext()) cr = static_cast<cairo_t*>(gc->GetNativeContext());
  if (!cr && dc->GetImpl()) cr = static_cast<cairo_t*>(dc->GetImpl()->GetCairoContext());
  if (!cr) return false;
  int w = 0, h = 0;
  GetPageSizePixels(&w, &h);
  if (w <= 0 || h <= 0) dc->GetSize(&w, &h);
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
  auto* preview = new wxPrintPreview(new DocumentPrintout(document, title), new DocumentPrintout(document, title));
  if (!preview->IsOk()) {
    delete preview;
    return _("There is no printer to preview for.");
  }
  auto* frame = new wxPreviewFrame(preview, parent, wxString::Format(_("Print preview — %s"), title),
                                   wxDefaultPosition, parent->FromDIP(wxSize(800, 900)));
  frame->Initialize();
  frame->Show();
  guiProbe("print-preview", wxString::Format("%s, %d pages", title, preview->GetMaxPage()));
  return {};
}

}  // namespace subdesk::ui
