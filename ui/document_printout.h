#pragma once
// Printing a PdfDocument: the page the printer gets is PdfDocument::drawPage() drawn into
// the printer's cairo context (wxGTK's printer DC is cairo), the very drawing that
// PdfDocument::save() writes into the PDF file, so what is printed and what is saved never
// differ. printDocument() shows the print dialog, previewDocument() the print preview.
#include <memory>

#include <wx/print.h>

#include "reports/pdf_document.h"

namespace subdesk::ui {

class DocumentPrintout : public wxPrintout {
 public:
  DocumentPrintout(std::shared_ptr<reports::PdfDocument> document, const wxString& title);

  void OnPreparePrinting() override;
  bool HasPage(int page) override;
  void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;
  bool OnPrintPage(int page) override;

 private:
  std::shared_ptr<reports::PdfDocument> document_;
  int pages_ = 0;
};

// Shows the print dialog and prints; returns an error sentence, or "" when printed or
// cancelled (`printed` tells which).
wxString printDocument(wxWindow* parent, std::shared_ptr<reports::PdfDocument> document, const wxString& title,
                       bool* printed);

// Opens the print preview of `document` in its own window (whose toolbar prints it);
// returns an error sentence, or "" when the preview is shown.
wxString previewDocument(wxWindow* parent, std::shared_ptr<reports::PdfDocument> document, const wxString& title);

}  // namespace subdesk::ui
