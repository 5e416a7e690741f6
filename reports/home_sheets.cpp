#include "reports/home_sheets.h"

#include "core/domain/money.h"
#include "core/util/i18n.h"
#include "reports/pdf_document.h"

namespace subdesk::reports {

namespace {
void pageLabel(PdfDocument& doc) {
  doc.setPageLabel([](int p, int n) { return format(tr("Page {0} of {1}"), {std::to_string(p), std::to_string(n)}); });
}

void loginBlock(PdfDocument& doc, const services::ContractSheet& s, const std::string& password) {
  doc.subheading(tr("Your home internet login"));
  doc.facts({{tr("Login"), s.login}});
  doc.paragraph(tr("Password"));
  doc.boxed(password);
  doc.paragraph(tr("The password is printed only on this sheet: the operator does not keep it and cannot show it "
                   "again. Keep the sheet in a safe place or change the password."),
                true);
  doc.subheading(tr("How to change the password"));
  doc.paragraph(tr("Sign in to self-care with your personal account number and choose \"Home internet\" -> "
                   "\"Change password\". If you lose the password, a new one is issued at any office on "
                   "presenting your ID document, or sent to your registered mobile number or e-mail address."));
  doc.subheading(tr("Help"));
  doc.paragraph(tr("Hotline 0 800 300-466 (free, around the clock)."));
}
}  // namespace

std::unique_ptr<PdfDocument> contractSheet(const services::ContractSheet& s, const std::string& password,
                                           Language language) {
  auto document = std::make_unique<PdfDocument>(format(tr("Home internet contract {0}"), {s.contractNumber}));
  PdfDocument& doc = *document;
  pageLabel(doc);
  doc.heading(format(tr("Home internet contract {0}"), {s.contractNumber}));
  const std::string tariff = language == Language::En ? s.tariffEn : s.tariffUk;
  doc.facts({
      {tr("Signed"), s.signedAtLocal},
      {tr("Customer"), s.customerName},
      {tr("Connection address"), s.address},
      {tr("Personal account"), s.accountNumber},
      {tr("Tariff"), format(tr("{0}, {1} Mbit/s, {2} a month"),
                            {tariff, std::to_string(s.speedMbps), Money::fromKopecks(s.monthlyFee).format(language)})},
      {tr("Office"), (language == Language::En ? s.officeNameEn : s.officeNameUk) +
                         (s.officeAddress.empty() ? "" : ", " + s.officeAddress)},
      {tr("Signed for the operator by"), s.staffName},
  });
  doc.spacer(4);
  loginBlock(doc, s, password);
  doc.spacer(10);
  doc.facts({{tr("Customer's signature"), "______________________"},
             {tr("Operator's signature"), "______________________"}});
  return document;
}

std::unique_ptr<PdfDocument> passwordSheet(const services::ContractSheet& s, const std::string& password,
                                           Language /*language*/) {
  auto document = std::make_unique<PdfDocument>(format(tr("New home internet password, login {0}"), {s.login}));
  PdfDocument& doc = *document;
  pageLabel(doc);
  doc.heading(tr("New home internet password"));
  doc.facts({{tr("Contract"), s.contractNumber},
             {tr("Customer"), s.customerName},
             {tr("Connection address"), s.address},
             {tr("Personal account"), s.accountNumber}});
  doc.spacer(4);
  loginBlock(doc, s, password);
  doc.paragraph(tr("The previous password no longer works."));
  return document;
}

void writeContractSheet(const services::ContractSheet& sheet, const std::string& password, Language language,
                        const std::string& path) {
  contractSheet(sheet, password, language)->save(path);
}

void writePasswordSheet(const services::ContractSheet& sheet, const std::string& password, Language language,
                        const std::string& path) {
  passwordSheet(sheet, password, language)->save(path);
}

}  // namespace subdesk::reports
