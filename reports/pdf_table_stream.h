#pragma once
// The streaming mode of subdesk's PDF rendering, for reports too long to hold: a heading,
// then table rows drawn as they arrive, each page closed as soon as it is full (its header
// repeated atop the next). Memory stays flat; the price is the footer: "page X", since the
// number of pages is not known until the end (PdfDocument, which holds its content, says
// "page X of Y"). Same A4 geometry, fonts and table look as PdfDocument (pdf_text.h).
//
//   PdfTableStream pdf("/tmp/r.pdf", "Payments", columns, [](int p) { return "Page " + ...; });
//   pdf.heading("Payments by method", "1–30 November 2026");
//   for (...) pdf.row(cells);
//   pdf.finish();
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "reports/pdf_document.h"

typedef struct _cairo_surface cairo_surface_t;

namespace subdesk::reports {
namespace pdf {
class CellShaper;
class ShapedText;
}  // namespace pdf

class PdfTableStream {
 public:
  PdfTableStream(const std::string& path, const std::string& title, std::vector<PdfColumn> columns,
                 std::function<std::string(int page)> pageLabel);
  ~PdfTableStream();  // finishes the file if finish() was not called; never throws
  PdfTableStream(const PdfTableStream&) = delete;
  PdfTableStream& operator=(const PdfTableStream&) = delete;

  // Before the first row: a heading and a line under it (e.g. the period).
  void heading(const std::string& title, const std::string& subtitle);
  void row(const std::vector<std::string>& cells, bool bold = false);
  // Closes the last page and writes the file; returns the number of pages.
  int finish();

 private:
  void startPage();
  void endPage();
  void drawHeader();
  // The text of a cell, shaped once (pdf_glyphs.h: numbers from a glyph table, the rest
  // through pango) and reused for every row that repeats it (a method, a day, an office,
  // a name) and for the row that measures and then draws it.
  using Cell = std::shared_ptr<pdf::ShapedText>;
  const Cell& cell(std::size_t column, const std::string& text, bool bold);

  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  std::string title_;
  std::vector<PdfColumn> columns_;
  std::function<std::string(int)> pageLabel_;
  std::string path_;
  double y_ = 0;
  int page_ = 0;
  bool pageOpen_ = false;
  std::unique_ptr<pdf::CellShaper> shaper_;
  std::vector<std::unordered_map<std::string, Cell>> cache_[2];  // [bold][column]
  std::vector<const Cell*> laid_;                                // the current row's cells
};

}  // namespace subdesk::reports
