// The shared PDF renderer, read back by a real reader (pdftotext from poppler-utils).
#define BOOST_TEST_MODULE pdf_document
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include <cairo.h>

#include <cstdint>

#include "reports/pdf_document.h"
#include "run_command.h"

using subdesk::test::run;
using subdesk::reports::PdfDocument;


BOOST_AUTO_TEST_CASE(cyrillic_text_long_tables_and_page_x_of_y) {
  const std::string path = "pdf_document_test.pdf";
  PdfDocument doc("Рахунок");
  doc.setPageLabel([](int p, int n) { return "Сторінка " + std::to_string(p) + " з " + std::to_string(n); });
  doc.heading("Деталізація рахунку");
  doc.facts({{"Особовий рахунок", "515607760"}, {"Номер", "+380 95 810 47 68"}});
  doc.boxed("k7P-ma3x-Q9");
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 120; ++i) rows.push_back({"2026-11-0" + std::to_string(i % 9 + 1), "Дзвінок №" + std::to_string(i), "1,06 грн"});
  rows.push_back({"", "Разом", "127,20 грн"});
  doc.table({{"Коли", 40}, {"Що", 90}, {"Сума", 30, true}}, rows, true);
  const int pages = doc.save(path);
  BOOST_TEST(pages >= 3);

  const std::string text = run("pdftotext -layout " + path + " - 2>&1");
  BOOST_TEST(text.find("Деталізація рахунку") != std::string::npos);
  BOOST_TEST(text.find("515607760") != std::string::npos);
  BOOST_TEST(text.find("k7P-ma3x-Q9") != std::string::npos);
  BOOST_TEST(text.find("Дзвінок №119") != std::string::npos);
  BOOST_TEST(text.find("127,20 грн") != std::string::npos);
  BOOST_TEST(text.find("Сторінка 1 з " + std::to_string(pages)) != std::string::npos);
  BOOST_TEST(text.find("Сторінка " + std::to_string(pages) + " з " + std::to_string(pages)) != std::string::npos);
  // The table header is repeated on every page.
  std::size_t headers = 0;
  for (auto pos = text.find("Коли"); pos != std::string::npos; pos = text.find("Коли", pos + 1)) ++headers;
  BOOST_TEST(headers == static_cast<std::size_t>(pages));
  std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(an_unwritable_path_is_an_error) {
  PdfDocument doc("x");
  doc.paragraph("x");
  BOOST_CHECK_THROW(doc.save("/nonexistent-dir/x.pdf"), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(every_table_row_has_its_rule) {
  PdfDocument doc("x");
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 10; ++i) rows.push_back({"01.10 00:0" + std::to_string(i), "b", "1,00 грн"});
  doc.table({{"A", 40}, {"B", 100}, {"C", 30, true}}, rows);
  // Page 1 drawn at 2 pixels a point; a vertical line through the empty middle of column
  // B crosses only the rules.
  const int w = static_cast<int>(PdfDocument::kPageWidthPt * 2), h = static_cast<int>(PdfDocument::kPageHeightPt * 2);
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(image);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  doc.drawPage(cr, 1, w, h);
  cairo_destroy(cr);
  cairo_surface_flush(image);
  const int x = static_cast<int>((18 + 40 + 60) * 72.0 / 25.4 * 2);
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  int rules = 0;
  bool inRule = false;
  for (int y = 0; y < h; ++y) {
    const auto* px = reinterpret_cast<const std::uint32_t*>(data + y * stride) + x;
    const bool dark = (*px & 0xff) < 230;
    if (dark && !inRule) ++rules;
    inRule = dark;
  }
  cairo_surface_destroy(image);
  BOOST_TEST(rules == 10);
}
