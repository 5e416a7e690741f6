#include "bill_printout.h"

#include <cairo.h>

#include <wx/dc.h>
#include <wx/graphics.h>

namespace subdesk::ui {

void BillPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) {
  *minPage = 1;
  *maxPage = pages();
  *pageFrom = 1;
  *pageTo = pages();
}

bool BillPrintout::OnPrintPage(int page) {
  wxDC* dc = GetDC();
  if (!dc) return false;
  // A4 in points, fitted to the paper: the DC's scale then maps points to device units.
  FitThisSizeToPaper(wxSize(static_cast<int>(reports::PdfDocument::kPageWidthPt),
                            static_cast<int>(reports::PdfDocument::kPageHeightPt)));
  wxGraphicsContext* gc = dc->GetGraphicsContext();
  if (!gc) return false;
  auto* cr = static_cast<cairo_t*>(gc->GetNativeContext());
  if (!cr) return false;
  cairo_save(cr);
  // White paper under the page (the preview's bitmap may start transparent).
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, reports::PdfDocument::kPageWidthPt, reports::PdfDocument::kPageHeightPt);
  cairo_fill(cr);
  doc_->drawPage(cr, page - 1);
  cairo_restore(cr);
  return true;
}

}  // namespace subdesk::ui
