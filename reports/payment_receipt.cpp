#include "reports/payment_receipt.h"

#include "core/domain/money.h"
#include "core/util/i18n.h"
#include "reports/pdf_document.h"

namespace subdesk::reports {

std::unique_ptr<PdfDocument> paymentReceipt(const services::PaymentReceipt& r, Language language) {
  const auto money = [&](std::int64_t k) { return Money::fromKopecks(k).format(language); };
  auto document = std::make_unique<PdfDocument>(tr("Payment receipt"));
  PdfDocument& doc = *document;
  doc.setPageLabel([](int p, int n) { return format(tr("Page {0} of {1}"), {std::to_string(p), std::to_string(n)}); });
  doc.heading(format(tr("Payment receipt No. {0}"), {std::to_string(r.paymentId)}));
  std::vector<std::pair<std::string, std::string>> facts{
      {tr("Date"), r.at},
      {tr("Account"), r.accountNumber},
      {tr("Customer"), r.customerName},
      {tr("Amount"), money(r.amount)},
      {tr("Commission"), money(0)},
      {tr("Method"), services::methodTitle(services::methodFromCode(r.method))},
  };
  if (!r.rrn.empty()) facts.emplace_back(tr("RRN"), r.rrn);
  if (!r.cardLast4.empty()) facts.emplace_back(tr("Card"), "**** " + r.cardLast4);
  if (!r.receiptNo.empty()) facts.emplace_back(tr("Document No."), r.receiptNo);
  const std::string office = language == Language::Uk ? r.officeNameUk : r.officeNameEn;
  if (!office.empty()) facts.emplace_back(tr("Office"), office + (r.officeAddress.empty() ? "" : ", " + r.officeAddress));
  facts.emplace_back(tr("Accepted by"), r.staffName.empty() ? r.staffLogin : r.staffName);
  doc.facts(facts);
  doc.spacer(6);
  doc.paragraph(tr("Top-ups carry no commission. Keep this receipt until the payment shows on your balance."));
  return document;
}

int renderPaymentReceipt(const services::PaymentReceipt& receipt, Language language, const std::string& path) {
  return paymentReceipt(receipt, language)->save(path);
}

}  // namespace subdesk::reports
