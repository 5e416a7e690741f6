#include "pdf_document.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "pdf_glyphs.h"
#include "pdf_text.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace subdesk::reports {
namespace {

using namespace pdf;

// The smallest piece that goes on one page.
struct Unit {
  double height = 0;
  std::function<void(cairo_t*, double y)> draw;
  const Unit* header = nullptr;  // a table row: the header repeated atop a new page
  bool keepWithNext = false;      // a heading stays with what follows it
  bool breakBefore = false;
};

}  // namespace

struct PdfDocument::Block {
  virtual ~Block() = default;
  virtual void units(cairo_t* cr, std::vector<std::unique_ptr<Unit>>& out) const = 0;
};

namespace {

struct TextBlock : PdfDocument::Block {
  std::string text;
  Font font;
  double before, after;
  bool keep;
  TextBlock(std::string t, Font f, double b, double a, bool k) : text(std::move(t)), font(f), before(b), after(a), keep(k) {}
  void units(cairo_t* cr, std::vector<std::unique_ptr<Unit>>& out) const override {
    auto u = std::make_unique<Unit>();
    const double h = textHeight(cr, text, font, kBodyW);
    u->height = before + h + after;
    u->keepWithNext = keep;
    u->draw = [t = text, f = font, b = before](cairo_t* c, double y) { drawText(c, t, f, kMargin, y + b, kBodyW); };
    out.push_back(std::move(u));
  }
};

struct FactsBlock : PdfDocument::Block {
  std::vector<std::pair<std::string, std::string>> rows;
  void units(cairo_t* cr, std::vector<std::unique_ptr<Unit>>& out) const override {
    const double labelW = 55 * kPt, valueW = kBodyW - labelW;
    for (const auto& [label, value] : rows) {
      auto u = std::make_unique<Unit>();
      u->height = std::max(textHeight(cr, label, kBody, labelW - 4 * kPt), textHeight(cr, value, kBodyBold, valueW)) + 2.5 * kPt;
      u->draw = [label, value, labelW, valueW](cairo_t* c, double y) {
        cairo_set_source_rgb(c, 0.35, 0.35, 0.35);
        drawText(c, label, kBody, kMargin, y, labelW - 4 * kPt);
        cairo_set_source_rgb(c, 0, 0, 0);
        drawText(c, value, kBodyBold, kMargin + labelW, y, valueW);
      };
      out.push_back(std::move(u));
    }
  }
};

// The rules between table rows, (right end, y) from kMargin: those of the page being
// drawn are collected and stroked as one path when the page is done (a stroke per row
// cost a fifth of a long bill's time).
using Rules = std::vector<std::pair<double, double>>;
thread_local Rules* pageRules = nullptr;

void strokeRules(cairo_t* c, const Rules& rules) {
  if (rules.empty()) return;
  cairo_set_line_width(c, 0.4);
  cairo_set_source_rgb(c, 0.6, 0.6, 0.6);
  for (const auto& [right, y] : rules) {
    cairo_move_to(c, kMargin, y);
    cairo_line_to(c, right, y);
  }
  cairo_stroke(c);
  cairo_set_source_rgb(c, 0, 0, 0);
}

// Each cell is shaped once, when measured, and the same glyphs are drawn later: shaping
// text is the cost of a long table (a bill of 3,000 records), so it is not done twice.
using SharedText = std::shared_ptr<ShapedText>;
struct LaidRow {
  std::vector<SharedText> cells;
  double height = 0;
};

struct TableBlock : PdfDocument::Block {
  std::vector<PdfColumn> columns;
  std::vector<std::vector<std::string>> rows;
  bool emphasisLast = false;

  // Cells repeat down a column (a direction, a number called often, an amount): a text
  // already shaped in that column and weight is drawn from the same glyphs.
  using Seen = std::vector<std::unordered_map<std::string, SharedText>>;

  std::shared_ptr<LaidRow> layRow(CellShaper& shaper, const std::vector<std::string>& cells, Font font,
                                  Seen& seen) const {
    auto row = std::make_shared<LaidRow>();
    double h = 0;
    seen.resize(columns.size() * 2);
    row->cells.reserve(columns.size());
    for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
      auto& known = seen[i * 2 + (font.bold ? 1 : 0)];
      auto it = known.find(cells[i]);
      if (it == known.end()) {
        it = known.emplace(cells[i], shaper.shape(cells[i], font, columns[i].widthMm * kPt - 3 * kPt, columns[i].alignRight))
                 .first;
      }
      h = std::max(h, it->second->height());
      row->cells.push_back(it->second);
    }
    row->height = h + 3 * kPt;
    return row;
  }
  static void drawRow(cairo_t* c, const std::shared_ptr<const std::vector<double>>& widths, const LaidRow& row,
                      double y, bool rule) {
    static thread_local ShapedText::Batch batch;
    double x = kMargin;
    for (std::size_t i = 0; i < widths->size(); ++i) {
      if (i < row.cells.size()) row.cells[i]->draw(c, x, y + 1.5 * kPt, batch);
      x += (*widths)[i];
    }
    batch.flush(c);
    if (rule) {
      if (pageRules) {
        pageRules->push_back({x, y});
      } else {
        strokeRules(c, {{x, y}});
      }
    }
  }
  void units(cairo_t* cr, std::vector<std::unique_ptr<Unit>>& out) const override {
    auto widths = std::make_shared<std::vector<double>>();
    std::vector<std::string> titles;
    for (const auto& col : columns) {
      titles.push_back(col.title);
      widths->push_back(col.widthMm * kPt);
    }
    CellShaper shaper(cr);
    auto header = std::make_unique<Unit>();
    Seen seen;
    auto laidHeader = layRow(shaper, titles, kBodyBold, seen);
    header->height = laidHeader->height + 1 * kPt;
    header->keepWithNext = true;
    header->draw = [widths, laidHeader](cairo_t* c, double y) { drawRow(c, widths, *laidHeader, y, false); };
    const Unit* headerPtr = header.get();
    out.push_back(std::move(header));
    out.reserve(out.size() + rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const bool bold = emphasisLast && r + 1 == rows.size();
      auto u = std::make_unique<Unit>();
      auto laid = layRow(shaper, rows[r], bold ? kBodyBold : kBody, seen);
      u->height = laid->height;
      u->header = headerPtr;
      u->draw = [widths, laid](cairo_t* c, double y) { drawRow(c, widths, *laid, y, true); };
      out.push_back(std::move(u));
    }
  }
};

struct BoxBlock : PdfDocument::Block {
  std::string text;
  void units(cairo_t* cr, std::vector<std::unique_ptr<Unit>>& out) const override {
    auto u = std::make_unique<Unit>();
    const double h = textHeight(cr, text, kBox, 0);
    u->height = h + 12 * kPt;
    u->draw = [t = text, h](cairo_t* c, double y) {
      PangoLayout* layout = makeLayout(c, t, kBox, 0);
      int w = 0, lh = 0;
      pango_layout_get_size(layout, &w, &lh);
      const double bw = static_cast<double>(w) / PANGO_SCALE + 12 * kPt;
      cairo_set_line_width(c, 1.2);
      cairo_rectangle(c, kMargin, y + 3 * kPt, bw, h + 6 * kPt);
      cairo_stroke(c);
      cairo_move_to(c, kMargin + 6 * kPt, y + 6 * kPt);
      pango_cairo_show_layout(c, layout);
      g_object_unref(layout);
    };
    out.push_back(std::move(u));
  }
};

struct SpaceBlock : PdfDocument::Block {
  double height;
  bool pageBreak;
  SpaceBlock(double h, bool b) : height(h), pageBreak(b) {}
  void units(cairo_t*, std::vector<std::unique_ptr<Unit>>& out) const override {
    auto u = std::make_unique<Unit>();
    u->height = height;
    u->breakBefore = pageBreak;
    u->draw = [](cairo_t*, double) {};
    out.push_back(std::move(u));
  }
};

}  // namespace

// The blocks cut into units and the units into pages, measured once on a PDF surface
// that writes nowhere (the metrics of save()'s surface, unhinted).
struct PdfDocument::Layout {
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  std::vector<std::unique_ptr<Unit>> units;
  std::vector<std::size_t> pageStarts{0};
  ~Layout() {
    if (cr) cairo_destroy(cr);
    if (surface) {
      cairo_surface_finish(surface);
      cairo_surface_destroy(surface);
    }
  }
};

PdfDocument::PdfDocument(std::string title) : title_(std::move(title)), footer_(title_) {
  pageLabel_ = [](int page, int pages) { return std::to_string(page) + " / " + std::to_string(pages); };
}
PdfDocument::~PdfDocument() = default;

void PdfDocument::changed() { layout_.reset(); }

void PdfDocument::setPageLabel(std::function<std::string(int, int)> label) { pageLabel_ = std::move(label); }
void PdfDocument::setFooterText(std::string text) { footer_ = std::move(text); }
void PdfDocument::heading(const std::string& text) {
  changed(), blocks_.push_back(std::make_unique<TextBlock>(text, kHeading, 0, 4 * kPt, true));
}
void PdfDocument::subheading(const std::string& text) {
  changed(), blocks_.push_back(std::make_unique<TextBlock>(text, kSubheading, 4 * kPt, 2 * kPt, true));
}
void PdfDocument::paragraph(const std::string& text, bool bold) {
  changed(), blocks_.push_back(std::make_unique<TextBlock>(text, bold ? kBodyBold : kBody, 0, 3 * kPt, false));
}
void PdfDocument::facts(const std::vector<std::pair<std::string, std::string>>& rows) {
  auto b = std::make_unique<FactsBlock>();
  b->rows = rows;
  changed(), blocks_.push_back(std::move(b));
}
void PdfDocument::table(std::vector<PdfColumn> columns, std::vector<std::vector<std::string>> rows, bool emphasisLastRow) {
  auto b = std::make_unique<TableBlock>();
  b->columns = std::move(columns);
  b->rows = std::move(rows);
  b->emphasisLast = emphasisLastRow;
  changed(), blocks_.push_back(std::move(b));
}
void PdfDocument::boxed(const std::string& text) {
  auto b = std::make_unique<BoxBlock>();
  b->text = text;
  changed(), blocks_.push_back(std::move(b));
}
void PdfDocument::spacer(double mm) { changed(), blocks_.push_back(std::make_unique<SpaceBlock>(mm * kPt, false)); }
void PdfDocument::pageBreak() { changed(), blocks_.push_back(std::make_unique<SpaceBlock>(0, true)); }

int PdfDocument::paginate() {
  if (layout_) return static_cast<int>(layout_->pageStarts.size());
  auto lay = std::make_unique<Layout>();
  lay->surface = cairo_pdf_surface_create_for_stream(
      [](void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }, nullptr, kPageW, kPageH);
  lay->cr = cairo_create(lay->surface);
  auto& units = lay->units;
  for (const auto& b : blocks_) b->units(lay->cr, units);

  // Paginate: which units start each page (a heading or table header is not left alone
  // at the bottom of a page).
  auto& pageStarts = lay->pageStarts;
  double y = kMargin;
  for (std::size_t i = 0; i < units.size(); ++i) {
    double need = units[i]->height;
    for (std::size_t j = i; units[j]->keepWithNext && j + 1 < units.size(); ++j) need += units[j + 1]->height;
    const bool first = pageStarts.back() == i;
    if (!first && (units[i]->breakBefore || y + need > kBodyBottom)) {
      pageStarts.push_back(i);
      y = kMargin + (units[i]->header && units[i]->header != units[i - 1].get() ? units[i]->header->height : 0);
    }
    y += units[i]->height;
  }
  layout_ = std::move(lay);
  return static_cast<int>(layout_->pageStarts.size());
}

void PdfDocument::drawPage(cairo_t* cr, int page, double width, double height) {
  const int pages = paginate();
  if (page < 1 || page > pages) throw std::out_of_range("no page " + std::to_string(page) + " in the document");
  const int p = page - 1;
  const auto& units = layout_->units;
  const auto& pageStarts = layout_->pageStarts;
  const std::size_t from = pageStarts[static_cast<std::size_t>(p)];
  const std::size_t to = p + 1 < pages ? pageStarts[static_cast<std::size_t>(p) + 1] : units.size();
  double top = kMargin;
  cairo_save(cr);
  const double scale = std::min(width / kPageW, height / kPageH);
  cairo_scale(cr, scale, scale);
  cairo_set_source_rgb(cr, 0, 0, 0);
  if (p > 0 && from < units.size() && units[from]->header && units[from]->header != units[from - 1].get()) {
    units[from]->header->draw(cr, top);
    top += units[from]->header->height;
  }
  Rules rules;
  struct Collect {
    explicit Collect(Rules* r) { pageRules = r; }
    ~Collect() { pageRules = nullptr; }
  } collect(&rules);
  for (std::size_t i = from; i < to; ++i) {
    units[i]->draw(cr, top);
    top += units[i]->height;
  }
  strokeRules(cr, rules);
  cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
  drawText(cr, footer_, kSmall, kMargin, kPageH - kMargin, kBodyW * 0.7);
  drawText(cr, pageLabel_(p + 1, pages), kSmall, kMargin, kPageH - kMargin, kBodyW, true);
  cairo_restore(cr);
}

int PdfDocument::write(cairo_surface_t* surface, const std::string& what) {
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    throw std::runtime_error("cannot write " + what);
  }
  const int pages = paginate();
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title_.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "subdesk");
  cairo_t* cr = cairo_create(surface);
  for (int p = 0; p < pages; ++p) {
    drawPage(cr, p + 1, kPageW, kPageH);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  if (!ok) throw std::runtime_error("cannot write " + what);
  return pages;
}

int PdfDocument::save(const std::string& path) {
  paginate();  // before the file is created: a layout error leaves no empty file behind
  return write(cairo_pdf_surface_create(path.c_str(), kPageW, kPageH), path);
}

std::string PdfDocument::render() {
  std::string bytes;
  paginate();
  write(cairo_pdf_surface_create_for_stream(
            [](void* closure, const unsigned char* data, unsigned int length) {
              static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
              return CAIRO_STATUS_SUCCESS;
            },
            &bytes, kPageW, kPageH),
        "the PDF document");
  return bytes;
}

}  // namespace subdesk::reports
