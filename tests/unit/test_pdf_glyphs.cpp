// Table cells drawn from glyphs shaped once (reports/pdf_glyphs.h) must come out of cairo
// exactly as pango_cairo_show_layout draws the same text: the same PDF bytes.
#define BOOST_TEST_MODULE pdf_glyphs
#include <boost/test/unit_test.hpp>

#include <cairo-pdf.h>

#include <string>
#include <vector>

#include "reports/pdf_glyphs.h"

using namespace subdesk::reports::pdf;

namespace {

struct Cell {
  std::string text;
  Font font;
  double width;
  bool right;
};

const std::vector<Cell> kCells = {
    {"01.10 00:00", kBody, 36 * kPt - 3 * kPt, false},
    {"31.10 23:59", kBodyBold, 36 * kPt - 3 * kPt, false},
    {"14:07", kBody, 26 * kPt - 3 * kPt, true},
    {"0:00", kBody, 26 * kPt - 3 * kPt, true},
    {"1", kBody, 26 * kPt - 3 * kPt, true},
    {"195.31", kBody, 26 * kPt - 3 * kPt, true},
    {"-1,234.50", kBodyBold, 44 * kPt - 3 * kPt, true},
    {"+380 67 123 45 67", kBody, 50 * kPt - 3 * kPt, false},
    {"067 123 4567", kBody, 50 * kPt - 3 * kPt, false},
    {"1 234,56 грн", kBody, 44 * kPt - 3 * kPt, true},
    {"12 345,00 грн", kBodyBold, 44 * kPt - 3 * kPt, true},
    {"UAH 1,234.50", kBody, 44 * kPt - 3 * kPt, true},
    {"вих.", kBody, 18 * kPt - 3 * kPt, false},
    {"Абонплата: Smart 150", kBody, 94 * kPt - 3 * kPt, false},
    {"Разом", kBodyBold, 36 * kPt - 3 * kPt, false},
    {"", kBody, 36 * kPt - 3 * kPt, false},
};

// A one-page PDF of the cells drawn one under another, by `draw`.
template <typename Draw>
std::string pdf(Draw draw) {
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &bytes, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-27T00:00:00Z");
  cairo_t* cr = cairo_create(surface);
  draw(cr);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return bytes;
}

double top(std::size_t i) { return kMargin + 1.5 * kPt + static_cast<double>(i) * 14.3; }

}  // namespace

BOOST_AUTO_TEST_CASE(cells_draw_the_same_pdf_as_pango) {
  const std::string byPango = pdf([](cairo_t* cr) {
    for (std::size_t i = 0; i < kCells.size(); ++i) {
      const auto& c = kCells[i];
      PangoLayout* layout = makeLayout(cr, c.text, c.font, c.width, c.right);
      cairo_move_to(cr, kMargin + 10.3, top(i));
      pango_cairo_show_layout(cr, layout);
      g_object_unref(layout);
    }
  });
  const std::string byGlyphs = pdf([](cairo_t* cr) {
    CellShaper shaper(cr);
    for (std::size_t i = 0; i < kCells.size(); ++i) {
      const auto& c = kCells[i];
      shaper.shape(c.text, c.font, c.width, c.right)->draw(cr, kMargin + 10.3, top(i));
    }
  });
  // A table row draws its cells through one batch: one cairo call per font.
  const std::string byBatch = pdf([](cairo_t* cr) {
    CellShaper shaper(cr);
    ShapedText::Batch batch;
    for (std::size_t i = 0; i < kCells.size(); ++i) {
      const auto& c = kCells[i];
      shaper.shape(c.text, c.font, c.width, c.right)->draw(cr, kMargin + 10.3, top(i), batch);
    }
    batch.flush(cr);
  });
  BOOST_TEST(byPango.size() > 1000u);
  BOOST_TEST(byGlyphs == byPango);
  BOOST_TEST(byBatch == byPango);
}

BOOST_AUTO_TEST_CASE(number_cells_from_the_glyph_table_equal_pango_shaping) {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }, nullptr, kPageW, kPageH);
  cairo_t* cr = cairo_create(surface);
  CellShaper shaper(cr);
  for (const auto& c : kCells) {
    const auto fast = shaper.shape(c.text, c.font, c.width, c.right);
    const auto slow = shaper.shapeWithPango(c.text, c.font, c.width, c.right);
    BOOST_TEST_CONTEXT(c.text) {
      BOOST_TEST(fast->height() == slow->height());
      const auto a = fast->glyphs(), b = slow->glyphs();
      BOOST_TEST_REQUIRE(a.size() == b.size());
      BOOST_TEST(a.size() == (c.text.empty() ? 0u : g_utf8_strlen(c.text.c_str(), -1)));
      for (std::size_t i = 0; i < a.size(); ++i) {
        BOOST_TEST(a[i].index == b[i].index);
        BOOST_TEST(a[i].x == b[i].x);
        BOOST_TEST(a[i].y == b[i].y);
      }
    }
  }
  // Text that wraps is left to pango, and still measures like pango.
  const auto wrapped = shaper.shape("1234567890 1234567890 1234567890", kBody, 20 * kPt, false);
  BOOST_TEST(wrapped->drawnByPango());
  PangoLayout* layout = makeLayout(cr, "1234567890 1234567890 1234567890", kBody, 20 * kPt);
  BOOST_TEST(wrapped->height() == layoutHeight(layout));
  BOOST_TEST(wrapped->height() > 2 * shaper.shape("1", kBody, 20 * kPt, false)->height());
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
}
