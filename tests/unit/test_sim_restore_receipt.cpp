// The SIM restore receipt and PdfDocument's page drawing (the desk prints through
// drawPage): what the receipt says, read back with pdftotext, and the drawing itself.
#define BOOST_TEST_MODULE sim_restore_receipt
#include <boost/test/unit_test.hpp>

#include <cairo.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "reports/sim_restore_receipt.h"
#include "run_command.h"

using subdesk::test::run;
using subdesk::reports::PdfDocument;

namespace {
subdesk::services::SimRestoreReceipt sample() {
  subdesk::services::SimRestoreReceipt r;
  r.swapId = 4711;
  r.msisdn = "+380671234567";
  r.oldIccid = "8938006989000000001";
  r.newIccid = "8938006989000001234";
  r.reason = "stolen";
  r.docKind = "passport";
  r.officeNameUk = "Київ, Хрещатик";
  r.officeNameEn = "Kyiv, Khreshchatyk";
  r.officeAddress = "вул. Хрещатик, 22";
  r.staffLogin = "sales1";
  r.staffName = "Оксана Тестова";
  r.swappedAtLocal = "14.05.2026 14:02";
  return r;
}

// How many pixels of the image are not white.
int inked(cairo_surface_t* s) {
  cairo_surface_flush(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s), w = cairo_image_surface_get_width(s),
            h = cairo_image_surface_get_height(s);
  int n = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const auto* px = data + y * stride + x * 4;
      if (px[0] < 200 || px[1] < 200 || px[2] < 200) ++n;
    }
  return n;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_receipt_names_the_number_both_sims_the_reason_and_the_hotline) {
  auto doc = subdesk::reports::simRestoreReceipt(sample(), subdesk::Language::Uk);
  const std::string path = "sim_restore_receipt_test.pdf";
  BOOST_TEST(doc->save(path) == 1);
  std::string text = run("pdftotext -layout " + path + " - 2>&1");
  // No-break spaces as plain ones.
  for (auto pos = text.find("\u00A0"); pos != std::string::npos; pos = text.find("\u00A0", pos)) text.replace(pos, 2, " ");
  BOOST_TEST(text.find("4711") != std::string::npos, text);
  BOOST_TEST(text.find("067 123 45 67") != std::string::npos, text);
  BOOST_TEST(text.find("8938006989000000001") != std::string::npos, text);
  BOOST_TEST(text.find("8938006989000001234") != std::string::npos, text);
  BOOST_TEST(text.find("Stolen") != std::string::npos, text);
  BOOST_TEST(text.find("passport") != std::string::npos, text);
  BOOST_TEST(text.find("Київ, Хрещатик") != std::string::npos, text);
  BOOST_TEST(text.find("Оксана Тестова (sales1)") != std::string::npos, text);
  BOOST_TEST(text.find("0 800 300-466") != std::string::npos, text);
  std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(draw_page_paints_the_same_layout_into_any_cairo_context) {
  auto doc = subdesk::reports::simRestoreReceipt(sample(), subdesk::Language::En);
  BOOST_TEST(doc->paginate() == 1);
  // A quarter-size A4 at 36 dpi: the page is scaled into the area it is given.
  const int w = 298, h = 421;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  BOOST_TEST(inked(surface) == 0);
  doc->drawPage(cr, 1, w, h);
  const int ink = inked(surface);
  BOOST_TEST(ink > 500);
  // Nothing is drawn outside the page: the bottom-right margin stays white.
  cairo_surface_flush(surface);
  const unsigned char* corner = cairo_image_surface_get_data(surface) + (h - 2) * cairo_image_surface_get_stride(surface) + (w - 2) * 4;
  BOOST_TEST(static_cast<int>(corner[0]) == 255);
  BOOST_CHECK_THROW(doc->drawPage(cr, 2, w, h), std::out_of_range);
  BOOST_CHECK_THROW(doc->drawPage(cr, 0, w, h), std::out_of_range);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  // The page count of the layout and of the saved file agree.
  const std::string path = "sim_restore_receipt_pages.pdf";
  BOOST_TEST(doc->save(path) == doc->paginate());
  BOOST_TEST(run("pdfinfo " + path + " | grep '^Pages:'").find("1") != std::string::npos);
  std::remove(path.c_str());
}
