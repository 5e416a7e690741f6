#include "pdf_glyphs.h"

#include <array>
#include <cmath>

namespace subdesk::reports::pdf {
namespace {

// The characters of numbers as the bill and the reports print them. ASCII only: the
// table is indexed by the byte.
constexpr const char* kTableChars = "0123456789 :.,-+";

struct Line {
  PangoLayoutLine* line = nullptr;
  int x = 0;         // the line's left edge in the layout (alignment), pango units
  int baseline = 0;  // pango units from the layout's top
};

// The layout's only line, or nothing when it has several.
bool onlyLine(PangoLayout* layout, Line& out) {
  if (pango_layout_get_line_count(layout) != 1) return false;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  PangoRectangle logical;
  pango_layout_iter_get_line_extents(iter, nullptr, &logical);
  out.line = pango_layout_iter_get_line_readonly(iter);
  out.x = logical.x;
  out.baseline = pango_layout_iter_get_baseline(iter);
  pango_layout_iter_free(iter);
  return true;
}

}  // namespace

ShapedText::~ShapedText() {
  for (auto& s : segments_) cairo_scaled_font_destroy(s.font);
  if (layout_) g_object_unref(layout_);
}

namespace {
// Where pango would start a layout drawn at (x, y): the current point, which cairo keeps
// in 24.8 fixed point in device space.
void pangoOrigin(cairo_t* cr, double& x, double& y) {
  cairo_user_to_device(cr, &x, &y);
  x = std::nearbyint(x * 256) / 256, y = std::nearbyint(y * 256) / 256;
  cairo_device_to_user(cr, &x, &y);
}
}  // namespace

void ShapedText::draw(cairo_t* cr, double x, double y) const {
  static thread_local Batch batch;
  draw(cr, x, y, batch);
  batch.flush(cr);
}

void ShapedText::draw(cairo_t* cr, double x, double y, Batch& batch) const {
  if (layout_) {
    batch.flush(cr);
    cairo_move_to(cr, x, y);
    pango_cairo_update_layout(cr, layout_);
    pango_cairo_show_layout(cr, layout_);
    return;
  }
  pangoOrigin(cr, x, y);
  for (const auto& s : segments_) {
    if (batch.font_ != s.font) {
      batch.flush(cr);
      batch.font_ = s.font;
    }
    for (const auto& g : s.glyphs) batch.glyphs_.push_back({g.index, g.x + x, g.y + y});
    batch.clusters_.insert(batch.clusters_.end(), s.clusters.begin(), s.clusters.end());
    batch.utf8_ += s.utf8;
  }
}

void ShapedText::Batch::flush(cairo_t* cr) {
  if (font_ && !glyphs_.empty()) {
    cairo_set_scaled_font(cr, font_);
    cairo_show_text_glyphs(cr, utf8_.data(), static_cast<int>(utf8_.size()), glyphs_.data(),
                           static_cast<int>(glyphs_.size()), clusters_.data(), static_cast<int>(clusters_.size()),
                           cairo_text_cluster_flags_t(0));
  }
  font_ = nullptr;
  glyphs_.clear();
  clusters_.clear();
  utf8_.clear();
}

std::vector<cairo_glyph_t> ShapedText::glyphs() const {
  std::vector<cairo_glyph_t> all;
  for (const auto& s : segments_) all.insert(all.end(), s.glyphs.begin(), s.glyphs.end());
  return all;
}

// One font's characters of kTableChars, each shaped alone, with what a one-line layout of
// them measures.
struct CellShaper::Table {
  Font font;
  struct Glyph {
    bool ok = false;
    unsigned long index = 0;
    int width = 0, dx = 0, dy = 0;  // pango units
  };
  std::array<Glyph, 128> glyphs{};
  cairo_scaled_font_t* scaled = nullptr;
  int baseline = 0;
  double height = 0;
  bool usable = false;
};

CellShaper::CellShaper(cairo_t* cr) : cr_(cr) {}

CellShaper::~CellShaper() {
  for (auto& t : tables_) {
    if (t->scaled) cairo_scaled_font_destroy(t->scaled);
  }
}

namespace {

// The glyphs of a one-line layout in one font, one glyph per byte of `text`: false when
// the layout is anything else.
bool singleGlyphs(PangoLayout* layout, const std::string& text, std::vector<PangoGlyphInfo>& out, PangoFont** font,
                  Line& line) {
  if (!onlyLine(layout, line)) return false;
  out.clear();
  for (GSList* l = line.line->runs; l; l = l->next) {
    const auto* run = static_cast<const PangoGlyphItem*>(l->data);
    if (run->item->analysis.level % 2) return false;
    if (*font && *font != run->item->analysis.font) return false;
    *font = run->item->analysis.font;
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      if (run->item->offset + run->glyphs->log_clusters[g] != static_cast<int>(out.size())) return false;
      out.push_back(run->glyphs->glyphs[g]);
    }
  }
  return out.size() == text.size();
}

}  // namespace

CellShaper::Table& CellShaper::table(Font font) {
  for (auto& t : tables_) {
    if (t->font.family == font.family && t->font.size == font.size && t->font.bold == font.bold) return *t;
  }
  auto t = std::make_unique<Table>();
  t->font = font;
  PangoFont* pfont = nullptr;
  bool ok = true;
  const std::string chars = kTableChars;
  std::vector<PangoGlyphInfo> infos;
  for (const char c : chars) {
    const std::string one(1, c);
    PangoLayout* layout = makeLayout(cr_, one, font, 0);
    Line line;
    if (singleGlyphs(layout, one, infos, &pfont, line) && !(infos[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
        infos[0].glyph != PANGO_GLYPH_EMPTY) {
      auto& g = t->glyphs[static_cast<unsigned char>(c)];
      g = {true, infos[0].glyph, infos[0].geometry.width, infos[0].geometry.x_offset, infos[0].geometry.y_offset};
      const double h = layoutHeight(layout);
      if (c == chars.front()) {
        t->baseline = line.baseline, t->height = h;
      } else if (t->baseline != line.baseline || t->height != h || line.x != 0) {
        ok = false;
      }
    } else {
      ok = false;
    }
    g_object_unref(layout);
  }
  // Every ordered pair in one text: shaped together, each glyph must be the one shaped
  // alone (no kerning, no ligature, no contextual form between these characters).
  if (ok) {
    std::string pairs;
    for (const char a : chars) {
      for (const char b : chars) pairs += std::string{a, b};
    }
    PangoLayout* layout = makeLayout(cr_, pairs, font, 0);
    Line line;
    PangoFont* same = pfont;
    if (singleGlyphs(layout, pairs, infos, &same, line)) {
      for (std::size_t i = 0; i < pairs.size() && ok; ++i) {
        const auto& g = t->glyphs[static_cast<unsigned char>(pairs[i])];
        ok = infos[i].glyph == g.index && infos[i].geometry.width == g.width && infos[i].geometry.x_offset == g.dx &&
             infos[i].geometry.y_offset == g.dy;
      }
    } else {
      ok = false;
    }
    g_object_unref(layout);
  }
  if (ok && pfont) {
    t->scaled = cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(pfont)));
    t->usable = t->scaled != nullptr;
  }
  tables_.push_back(std::move(t));
  return *tables_.back();
}

bool CellShaper::fromTable(Table& t, const std::string& text, double width, bool right, ShapedText& out) const {
  if (!t.usable || text.empty()) return false;
  int total = 0;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 128 || !t.glyphs[u].ok) return false;
    total += t.glyphs[u].width;
  }
  // As pango places one line: wrapped text, or a trailing space pango would hang, is
  // left to pango.
  const int layoutWidth = width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1;
  if (text.front() == ' ' || text.back() == ' ' || (layoutWidth >= 0 && total > layoutWidth)) return false;
  int x = right && layoutWidth >= 0 ? layoutWidth - total : 0;
  ShapedText::Segment s;
  s.font = cairo_scaled_font_reference(t.scaled);
  s.utf8 = text;
  s.glyphs.reserve(text.size());
  s.clusters.assign(text.size(), cairo_text_cluster_t{1, 1});
  const double baseline = static_cast<double>(t.baseline) / PANGO_SCALE;
  for (const char c : text) {
    const auto& g = t.glyphs[static_cast<unsigned char>(c)];
    s.glyphs.push_back({g.index, static_cast<double>(x + g.dx) / PANGO_SCALE,
                        baseline + static_cast<double>(g.dy) / PANGO_SCALE});
    x += g.width;
  }
  out.segments_.push_back(std::move(s));
  out.height_ = t.height;
  return true;
}

std::shared_ptr<ShapedText> CellShaper::shape(const std::string& text, Font font, double width, bool right) {
  auto out = std::make_shared<ShapedText>();
  if (fromTable(table(font), text, width, right, *out)) return out;
  return shapeWithPango(text, font, width, right);
}

std::shared_ptr<ShapedText> CellShaper::shapeWithPango(const std::string& text, Font font, double width, bool right) {
  auto out = std::make_shared<ShapedText>();
  PangoLayout* layout = makeLayout(cr_, text, font, width, right);
  out->height_ = layoutHeight(layout);
  Line line;
  bool ok = onlyLine(layout, line);
  const char* all = pango_layout_get_text(layout);
  int x = line.x;
  for (GSList* l = ok ? line.line->runs : nullptr; l && ok; l = l->next) {
    const auto* run = static_cast<const PangoGlyphItem*>(l->data);
    const PangoItem* item = run->item;
    const PangoGlyphString* gs = run->glyphs;
    if (item->analysis.level % 2 || gs->num_glyphs == 0) {
      ok = false;
      break;
    }
    ShapedText::Segment s;
    s.font = cairo_scaled_font_reference(pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font)));
    s.utf8.assign(all + item->offset, static_cast<std::size_t>(item->length));
    for (int g = 0; g < gs->num_glyphs; ++g) {
      const PangoGlyphInfo& gi = gs->glyphs[g];
      if (gi.glyph == PANGO_GLYPH_EMPTY || (gi.glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
        ok = false;
        break;
      }
      s.glyphs.push_back({gi.glyph, static_cast<double>(x + gi.geometry.x_offset) / PANGO_SCALE,
                          static_cast<double>(line.baseline + gi.geometry.y_offset) / PANGO_SCALE});
      x += gi.geometry.width;
      // A cluster: the glyphs sharing a start in the text, and the bytes up to the next.
      if (g == 0 || gs->log_clusters[g] != gs->log_clusters[g - 1]) {
        if (!s.clusters.empty()) s.clusters.back().num_bytes = gs->log_clusters[g] - gs->log_clusters[g - 1];
        s.clusters.push_back({0, 0});
      }
      ++s.clusters.back().num_glyphs;
    }
    if (!ok) {
      cairo_scaled_font_destroy(s.font);
      break;
    }
    s.clusters.back().num_bytes = item->length - gs->log_clusters[gs->num_glyphs - 1];
    if (!s.font || gs->log_clusters[0] != 0) {
      ok = false;
      if (s.font) cairo_scaled_font_destroy(s.font);
      break;
    }
    out->segments_.push_back(std::move(s));
  }
  if (ok) {
    g_object_unref(layout);
  } else {
    for (auto& s : out->segments_) cairo_scaled_font_destroy(s.font);
    out->segments_.clear();
    out->layout_ = layout;
  }
  return out;
}

}  // namespace subdesk::reports::pdf
