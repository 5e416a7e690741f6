#include "reports/bill_email.h"

#include "reports/bill_pdf.h"

namespace subdesk::reports {

services::BillEmailResult emailBill(soci::session& primary, std::int64_t requestId, const services::BillData& bill,
                                    PdfDocument& document, const std::string& recipientShown) {
  const std::string pdf = document.render();
  return services::BillEmail(primary).enqueue(requestId, billFileName(bill), pdf, recipientShown);
}

}  // namespace subdesk::reports
