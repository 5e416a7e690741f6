#pragma once
// Table cells shaped once and drawn as glyphs (internal to reports/). A long table (a
// bill of 3,000 records) spends its time shaping and drawing many short one-line cells;
// pango_cairo_show_layout per cell walks the layout and builds its glyph and cluster
// arrays on every draw. A ShapedText keeps those arrays and draws them with
// cairo_show_text_glyphs: the very glyphs, positions and text (clusters) pango would hand
// to cairo, so the PDF's text stays selectable and searchable and reads the same.
//
// Cells made only of digits and number punctuation (moments, durations, amounts, volumes)
// are not shaped at all: their glyphs come from a table of single characters shaped once
// per font, checked against pango's shaping of every pair of them (no kerning, no
// ligature), so the result equals what pango makes of the whole text.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "pdf_text.h"

namespace subdesk::reports::pdf {

class ShapedText {
 public:
  ShapedText() = default;
  ~ShapedText();
  ShapedText(const ShapedText&) = delete;
  ShapedText& operator=(const ShapedText&) = delete;

  double height() const { return height_; }
  // Draws with the top-left corner of the text box at (x, y) in cr's user space.
  void draw(cairo_t* cr, double x, double y) const;
  // Several texts drawn with one cairo_show_text_glyphs per font: add() them, then
  // flush() (or draw something else; add() flushes when the font changes).
  class Batch {
   public:
    void flush(cairo_t* cr);

   private:
    friend class ShapedText;
    cairo_scaled_font_t* font_ = nullptr;
    std::vector<cairo_glyph_t> glyphs_;
    std::vector<cairo_text_cluster_t> clusters_;
    std::string utf8_;
  };
  // Draws like draw(), into `batch`.
  void draw(cairo_t* cr, double x, double y, Batch& batch) const;
  // For the tests: the glyphs of the text box placed at (0, 0) (empty when drawn by pango).
  std::vector<cairo_glyph_t> glyphs() const;
  bool drawnByPango() const { return layout_ != nullptr; }

 private:
  friend class CellShaper;
  struct Segment {
    cairo_scaled_font_t* font = nullptr;
    std::vector<cairo_glyph_t> glyphs;  // relative to the top-left corner of the box
    std::vector<cairo_text_cluster_t> clusters;
    std::string utf8;
  };
  std::vector<Segment> segments_;
  PangoLayout* layout_ = nullptr;  // text that is not one left-to-right line: pango draws it
  double height_ = 0;
};

// Shapes the cells of the tables of one document, on the cairo context that measures them.
class CellShaper {
 public:
  explicit CellShaper(cairo_t* cr);
  ~CellShaper();
  CellShaper(const CellShaper&) = delete;
  CellShaper& operator=(const CellShaper&) = delete;

  // `text` in `font`, wrapped at `width` points, right-aligned when `right`.
  std::shared_ptr<ShapedText> shape(const std::string& text, Font font, double width, bool right);
  // The same through a pango layout always (the tests compare the two).
  std::shared_ptr<ShapedText> shapeWithPango(const std::string& text, Font font, double width, bool right);

 private:
  struct Table;
  Table& table(Font font);
  bool fromTable(Table& t, const std::string& text, double width, bool right, ShapedText& out) const;
  cairo_t* cr_;
  std::vector<std::unique_ptr<Table>> tables_;
};

}  // namespace subdesk::reports::pdf
