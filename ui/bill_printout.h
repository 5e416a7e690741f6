#pragma once
// Prints a PdfDocument through the wx printing framework: each page is drawn by the same
// code that writes the PDF (PdfDocument::drawPage), into the cairo context behind the
// printer's or the preview's DC (wxGTK's DCs are cairo-based), scaled to fit the paper.
#include <memory>

#include <wx/print.h>

#include "reports/pdf_document.h"

namespace subdesk::ui {

class BillPrintout : public wxPrintout {
 public:
  BillPrintout(std::shared_ptr<reports::PdfDocument> doc, const wxString& title)
      : wxPrintout(title), doc_(std::move(doc)) {}
  bool OnPrintPage(int page) override;
  bool HasPage(int page) override { return page >= 1 && page <= pages(); }
  void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;

 private:
  int pages() const { return doc_->paginate(); }
  std::shared_ptr<reports::PdfDocument> doc_;
};

}  // namespace subdesk::ui
