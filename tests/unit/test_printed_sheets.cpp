// The payment receipt, the home-internet contract sheet and the password sheet are
// composed as PdfDocuments that the desk prints (PdfDocument::drawPage into the printer's
// cairo context, as ui/document_printout does) or saves. What the printer gets must read
// exactly like the saved file: each page is drawn here into a cairo PDF surface (a
// stand-in for the printer) and both are read back with pdftotext.
#define BOOST_TEST_MODULE printed_sheets
#include <boost/test/unit_test.hpp>

#include <cairo-pdf.h>
#include <cairo.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "core/domain/card_number.h"
#include "reports/home_sheets.h"
#include "reports/payment_receipt.h"
#include "run_command.h"

using subdesk::test::run;
using subdesk::Language;
using subdesk::reports::PdfDocument;

namespace {
std::string text(const std::string& path) { return run("pdftotext -layout " + path + " - 2>&1"); }
// The words in reading order, whatever the page's size in points.
std::string words(const std::string& path) { return run("pdftotext " + path + " - 2>&1"); }

// Saves the document and "prints" it page by page into a printer-sized cairo surface;
// returns the saved file's text after checking the printout reads the same.
std::string savedAndPrinted(PdfDocument& doc, const std::string& stem) {
  const std::string saved = stem + "_saved.pdf", printed = stem + "_printed.pdf";
  const int pages = doc.save(saved);
  BOOST_TEST(pages >= 1);
  // An A4 printer page at 300 dpi, in device pixels, as wxGTK's printer DC hands it out.
  const double w = 2480, h = 3508;
  cairo_surface_t* surface = cairo_pdf_surface_create(printed.c_str(), w, h);
  cairo_t* cr = cairo_create(surface);
  BOOST_TEST(doc.paginate() == pages);
  for (int page = 1; page <= pages; ++page) {
    cairo_save(cr);
    doc.drawPage(cr, page, w, h);
    cairo_restore(cr);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  const std::string savedText = text(saved);
  BOOST_TEST(words(printed) == words(saved));
  BOOST_TEST(run("pdfinfo " + printed + " | grep '^Pages:'") ==
             run("pdfinfo " + saved + " | grep '^Pages:'"));
  run("pdftoppm -png -r 80 -f 1 -l 1 " + saved + " " + stem + " 2>&1");  // for a person to look at
  std::filesystem::remove(saved);
  std::filesystem::remove(printed);
  return savedText;
}

subdesk::services::PaymentReceipt receipt() {
  subdesk::services::PaymentReceipt r;
  r.paymentId = 4711;
  r.accountNumber = "100000017";
  r.customerName = "Коваленко Олена Петрівна";
  r.amount = 15000;
  r.method = "pos";
  r.rrn = "123456789012";
  r.cardLast4 = "1111";
  r.officeNameUk = "Київ, Хрещатик";
  r.officeNameEn = "Kyiv, Khreshchatyk";
  r.staffName = "Оксана Петренко";
  r.at = "14.05.2024 14:02";
  return r;
}

subdesk::services::ContractSheet sheet() {
  subdesk::services::ContractSheet s;
  s.contractNumber = "HI-2024-000123";
  s.signedAtLocal = "14.05.2024 14:02";
  s.customerName = "Коваленко Олена Петрівна";
  s.address = "Київ, вул. Липська, 5, кв. 7";
  s.accountNumber = "163755978";
  s.login = "163755978";
  s.tariffUk = "Дім 100";
  s.tariffEn = "Home 100";
  s.speedMbps = 100;
  s.monthlyFee = 20000;
  s.officeNameUk = "Київ, Хрещатик";
  s.officeNameEn = "Kyiv, Khreshchatyk";
  s.staffName = "Оксана Петренко";
  return s;
}
}  // namespace

BOOST_AUTO_TEST_CASE(payment_receipt_prints_as_it_saves) {
  auto doc = subdesk::reports::paymentReceipt(receipt(), Language::En);
  const std::string t = savedAndPrinted(*doc, "printed_payment_receipt");
  for (const char* want : {"Payment receipt No. 4711", "100000017", "UAH 150.00", "123456789012", "**** 1111",
                           "Kyiv, Khreshchatyk", "Оксана Петренко"})
    BOOST_TEST(t.find(want) != std::string::npos, want << " in\n" << t);
  BOOST_TEST(!subdesk::containsCardNumber(t));
  // The file the CLI writes is the same composition.
  BOOST_TEST(subdesk::reports::renderPaymentReceipt(receipt(), Language::En, "printed_payment_cli.pdf") == 1);
  BOOST_TEST(text("printed_payment_cli.pdf") == t);
  std::filesystem::remove("printed_payment_cli.pdf");
}

BOOST_AUTO_TEST_CASE(contract_sheet_prints_as_it_saves) {
  auto doc = subdesk::reports::contractSheet(sheet(), "Kx7mPq2RtY9w", Language::Uk);
  const std::string t = savedAndPrinted(*doc, "printed_contract_sheet");
  for (const char* want : {"HI-2024-000123", "Коваленко Олена Петрівна", "Київ, вул. Липська, 5, кв. 7",
                           "163755978", "Kx7mPq2RtY9w", "0 800 300-466"})
    BOOST_TEST(t.find(want) != std::string::npos, want << " in\n" << t);
  subdesk::reports::writeContractSheet(sheet(), "Kx7mPq2RtY9w", Language::Uk, "printed_contract_cli.pdf");
  BOOST_TEST(text("printed_contract_cli.pdf") == t);
  std::filesystem::remove("printed_contract_cli.pdf");
}

BOOST_AUTO_TEST_CASE(password_sheet_prints_as_it_saves) {
  auto doc = subdesk::reports::passwordSheet(sheet(), "Zz3nWq8HkR4s", Language::En);
  const std::string t = savedAndPrinted(*doc, "printed_password_sheet");
  for (const char* want : {"HI-2024-000123", "163755978", "Zz3nWq8HkR4s"})
    BOOST_TEST(t.find(want) != std::string::npos, want << " in\n" << t);
  subdesk::reports::writePasswordSheet(sheet(), "Zz3nWq8HkR4s", Language::En, "printed_password_cli.pdf");
  BOOST_TEST(text("printed_password_cli.pdf") == t);
  std::filesystem::remove("printed_password_cli.pdf");
}
