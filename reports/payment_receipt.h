#pragma once
// The payment receipt the desk prints (issue 7), composed as a PdfDocument: the desk
// prints it (PdfDocument::drawPage through the print framework) or saves it, the CLI
// saves it; both are the same drawing. It shows at most the card's last four digits: the
// database never has more.
#include <memory>
#include <string>

#include "core/domain/language.h"
#include "core/services/payments.h"
#include "reports/pdf_document.h"

namespace subdesk::reports {

// Texts are translated with tr() (the desk's language); `language` picks the office name
// and the money format.
std::unique_ptr<PdfDocument> paymentReceipt(const services::PaymentReceipt& receipt, Language language);

// Composes the receipt and writes it to `path`; returns the number of pages.
int renderPaymentReceipt(const services::PaymentReceipt& receipt, Language language, const std::string& path);

}  // namespace subdesk::reports
