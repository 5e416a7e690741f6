#pragma once
// Printed documents of subdesk (receipts, contract sheets, detailed bills) as PDF, drawn
// with cairo and laid out with pango, so Ukrainian text, wrapping and right-aligned money
// come out right. A document is a sequence of blocks; save() paginates them on A4 (a
// table breaks across pages and repeats its header) and writes "page X of Y" in the footer.
// No wx: the desk, the CLI and the tests all render through this.
//
//   PdfDocument doc("Receipt");
//   doc.heading("Payment receipt");
//   doc.facts({{"Account", "123456782"}, {"Amount", "100,00 грн"}});
//   doc.table({{"When", 40}, {"What", 100}, {"Amount", 30, true}}, rows);
//   doc.save("/tmp/receipt.pdf");
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace subdesk::reports {

struct PdfColumn {
  std::string title;
  double widthMm = 30;
  bool alignRight = false;
};

class PdfDocument {
 public:
  // `title` goes into the PDF's metadata and the footer.
  explicit PdfDocument(std::string title);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // The footer's page label, e.g. [](int p, int n) { return format(tr("Page {0} of {1}"), ...); }
  // (default "p / n").
  void setPageLabel(std::function<std::string(int page, int pages)> label);
  // Text at the left of every footer (default: the title).
  void setFooterText(std::string text);

  void heading(const std::string& text);     // large, bold
  void subheading(const std::string& text);  // bold
  void paragraph(const std::string& text, bool bold = false);
  // Two columns: labels and values.
  void facts(const std::vector<std::pair<std::string, std::string>>& rows);
  // A table; `emphasisLastRow` makes the last row bold (totals).
  void table(std::vector<PdfColumn> columns, std::vector<std::vector<std::string>> rows,
             bool emphasisLastRow = false);
  // Text in a box in a monospace face, large: what a person copies by hand (a password).
  void boxed(const std::string& text);
  void spacer(double mm);
  void pageBreak();

  // Lays out and writes the file; throws std::runtime_error when it cannot be written.
  // Returns the number of pages.
  int save(const std::string& path);
  // The same file's bytes, in memory (an e-mail attachment).
  std::string render();

  // Lays out the blocks on A4 pages (again, when blocks were added since) and returns the
  // number of pages.
  int paginate();
  // Draws page `page` (1-based, after paginate()) into `cr`, scaled to fit an area of
  // width x height in cr's current units with its top-left corner at the origin: the very
  // drawing save() writes, so a printout (the desk's wx print framework hands out a cairo
  // context per page) never differs from the PDF. Does not end the page. Throws
  // std::out_of_range for a page that is not there.
  void drawPage(cairo_t* cr, int page, double width, double height);
  // The A4 page in points (1/72 inch).
  static constexpr double kPageWidthPt = 210 * 72.0 / 25.4;
  static constexpr double kPageHeightPt = 297 * 72.0 / 25.4;
  static double pageWidthPt() { return kPageWidthPt; }
  static double pageHeightPt() { return kPageHeightPt; }

  struct Block;  // one piece of content (defined in the .cpp)
  struct Layout;

 private:
  void changed();
  int write(cairo_surface_t* surface, const std::string& what);  // takes the surface
  std::string title_;
  std::string footer_;
  std::function<std::string(int, int)> pageLabel_;
  std::vector<std::unique_ptr<Block>> blocks_;
  std::unique_ptr<Layout> layout_;
};

}  // namespace subdesk::reports
