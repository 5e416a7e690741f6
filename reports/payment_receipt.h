#pragma once
// The payment receipt the desk prints (issue 7), rendered through PdfDocument. It shows
// at most the card's last four digits: the database never has more.
#include <string>

#include "core/domain/language.h"
#include "core/services/payments.h"

namespace subdesk::reports {

// Writes the receipt to `path`; returns the number of pages.
int renderPaymentReceipt(const services::PaymentReceipt& receipt, Language language, const std::string& path);

}  // namespace subdesk::reports
