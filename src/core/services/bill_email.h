#pragma once
// A detailed bill sent to the customer's registered e-mail (issue 8): the desk renders the
// bill's PDF, shows the address in its confirmation, and detail_request_email() (migration
// 0031) queues the message with the PDF attached in the outbox, in the customer's
// language, audited as 'detailed_bill_email'. subdesk-notifier delivers it. Runs on the
// primary server; the PDF comes from reports/ (reports/bill_email.h does both steps).
//
//   BillEmail mail(sql);
//   auto to = mail.recipient(requestId);            // std::nullopt: no registered e-mail
//   auto queued = mail.enqueue(requestId, "bill-....pdf", pdfBytes, *to);
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace subdesk::services {

struct BillEmailResult {
  std::int64_t outboxId = 0;
  std::string recipient;
};

class BillEmail {
 public:
  explicit BillEmail(soci::session& primary) : sql_(primary) {}
  // The customer's registered e-mail address for the request's account, or none.
  // Throws UserError("not_found") for an unknown request.
  std::optional<std::string> recipient(std::int64_t requestId);
  // Queues the e-mail with `pdf` attached. `recipientShown` is the address the person at
  // the desk confirmed. Throws UserError("no_email") when the customer has none (SD060),
  // soci_error SD061 when the address changed since it was shown, 22023 for a file that
  // is not a PDF.
  BillEmailResult enqueue(std::int64_t requestId, const std::string& fileName, const std::string& pdf,
                          const std::string& recipientShown);

 private:
  soci::session& sql_;
};

// Bytes as lower-case hexadecimal (how bytea travels as a bound text parameter), and back.
std::string toHex(const std::string& bytes);
std::string fromHex(const std::string& hex);

}  // namespace subdesk::services
