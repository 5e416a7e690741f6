#pragma once
// The detailed bill by e-mail (issue 8): the bill's pages rendered to PDF bytes in memory
// and queued through services::BillEmail, attached to a message to the customer's
// registered address. Used by the desk's "Send by e-mail" and by the tests.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "core/services/bill_email.h"
#include "core/services/detailed_bill.h"
#include "reports/pdf_document.h"

namespace subdesk::reports {

// `document` is the bill composed by composeBill() for `bill`; `primary` a session on
// the primary server. Throws like services::BillEmail::enqueue.
services::BillEmailResult emailBill(soci::session& primary, std::int64_t requestId, const services::BillData& bill,
                                    PdfDocument& document, const std::string& recipientShown);

}  // namespace subdesk::reports
