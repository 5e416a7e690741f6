#pragma once
// Shared by the PDF renderers of reports/ (PdfDocument, PdfTableStream): A4 geometry in
// points, the DejaVu faces, and text laid out with pango. Internal to reports/.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

namespace subdesk::reports::pdf {

constexpr double kPt = 72.0 / 25.4;  // points per millimetre
constexpr double kPageW = 210 * kPt, kPageH = 297 * kPt;
constexpr double kMargin = 18 * kPt, kFooterH = 12 * kPt;
constexpr double kBodyW = kPageW - 2 * kMargin;
constexpr double kBodyBottom = kPageH - kMargin - kFooterH;

inline constexpr const char* kSans = "DejaVu Sans";
inline constexpr const char* kMono = "DejaVu Sans Mono";

struct Font {
  const char* family;
  double size;
  bool bold;
};
constexpr Font kBody{kSans, 9.5, false};
constexpr Font kBodyBold{kSans, 9.5, true};
constexpr Font kHeading{kSans, 15, true};
constexpr Font kSubheading{kSans, 11, true};
constexpr Font kSmall{kSans, 8, false};
// The rows of streamed reports (PdfTableStream): a day, a moment or an amount per cell.
constexpr Font kTable{kSans, 8.5, false};
constexpr Font kTableBold{kSans, 8.5, true};
constexpr Font kBox{kMono, 16, true};

// A pango layout of `text` in `font`, wrapped at `width` points (0: no wrapping).
// One pango context per thread, brought up to date with whichever cairo context measures
// or draws (creating a context per layout cost more than shaping the text). A layout
// drawn into another cairo context is updated with pango_cairo_update_layout.
inline PangoContext* sharedContext(cairo_t* cr) {
  static thread_local PangoContext* context = pango_font_map_create_context(pango_cairo_font_map_get_default());
  pango_cairo_update_context(cr, context);
  return context;
}

inline PangoLayout* makeLayout(cairo_t* cr, const std::string& text, Font font, double width, bool right = false) {
  PangoLayout* layout = pango_layout_new(sharedContext(cr));
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family_static(desc, font.family);
  pango_font_description_set_absolute_size(desc, font.size * PANGO_SCALE);
  pango_font_description_set_weight(desc, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  if (right) pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text(layout, text.c_str(), -1);
  return layout;
}

inline double layoutHeight(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

inline void drawText(cairo_t* cr, const std::string& text, Font font, double x, double y, double width, bool right = false) {
  PangoLayout* layout = makeLayout(cr, text, font, width, right);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
}

inline double textHeight(cairo_t* cr, const std::string& text, Font font, double width) {
  PangoLayout* layout = makeLayout(cr, text, font, width);
  const double h = layoutHeight(layout);
  g_object_unref(layout);
  return h;
}

}  // namespace subdesk::reports::pdf
