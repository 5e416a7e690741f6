// The payment receipt, rendered through PdfDocument and read back with pdftotext: the
// amount, the account, the terminal's RRN, only the card's last four digits, no
// commission; and a picture of it (pdftoppm) for a person to look at.
#define BOOST_TEST_MODULE payment_receipt
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "core/domain/card_number.h"
#include "reports/payment_receipt.h"
#include "run_command.h"

using subdesk::test::run;
using subdesk::Language;
using subdesk::services::PaymentReceipt;

namespace {
PaymentReceipt sample() {
  PaymentReceipt r;
  r.paymentId = 4711;
  r.accountNumber = "100000017";
  r.customerName = "Коваленко Олена Петрівна";
  r.amount = 123456;
  r.method = "pos";
  r.rrn = "123456789012";
  r.cardLast4 = "1111";
  r.officeNameUk = "Київ, Хрещатик";
  r.officeNameEn = "Kyiv, Khreshchatyk";
  r.officeAddress = "вул. Хрещатик, 1";
  r.staffLogin = "o.petrenko";
  r.staffName = "Оксана Петренко";
  r.at = "14.05.2024 14:02";
  return r;
}
}  // namespace

BOOST_AUTO_TEST_CASE(receipt_reads_back) {
  const std::string path = "payment_receipt_test.pdf";
  BOOST_TEST(subdesk::reports::renderPaymentReceipt(sample(), Language::Uk, path) == 1);
  const std::string text = run("pdftotext -layout " + path + " - 2>&1");
  BOOST_TEST(text.find("4711") != std::string::npos);
  BOOST_TEST(text.find("100000017") != std::string::npos);
  BOOST_TEST(text.find("Коваленко Олена Петрівна") != std::string::npos);
  BOOST_TEST(text.find("1 234,56 грн") != std::string::npos);
  BOOST_TEST(text.find("0,00 грн") != std::string::npos);  // no commission
  BOOST_TEST(text.find("123456789012") != std::string::npos);
  BOOST_TEST(text.find("**** 1111") != std::string::npos);
  BOOST_TEST(text.find("Київ, Хрещатик") != std::string::npos);
  BOOST_TEST(text.find("Оксана Петренко") != std::string::npos);
  BOOST_TEST(!subdesk::containsCardNumber(text));
  // A picture of the first page, kept beside the test for a person to look at.
  run("pdftoppm -png -r 80 -f 1 -l 1 " + path + " payment_receipt_test 2>&1");
  BOOST_TEST(std::filesystem::exists("payment_receipt_test-1.png"));
}
