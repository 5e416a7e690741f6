#pragma once
// Feedback (issue 7; ticket_open() and ticket_answer() of migration 0027): a subscriber's
// written complaint or request, recorded as a ticket within the interaction in which it
// was made; the answer goes to the customer's registered e-mail through the outbox and
// the ticket becomes 'answered' (SD054: already answered, or no e-mail on file). The card
// lists the customer's open tickets.
#include <cstdint>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

struct Ticket {
  std::int64_t id = 0, customerId = 0, interactionId = 0;  // interactionId 0: none
  std::string subject, body, status;                       // open | answered | closed
  std::string answer;
  std::string createdAt, answeredAt;  // "YYYY-MM-DD HH:MM", Kyiv; answeredAt empty while open
  std::string createdBy, answeredBy;  // staff logins
};

class FeedbackTickets {
 public:
  explicit FeedbackTickets(soci::session& sql) : sql_(sql) {}

  // Within one of the signed-in staff member's open interactions that has a customer.
  // Returns the ticket id.
  std::int64_t open(std::int64_t interactionId, const std::string& subject, const std::string& body);
  // Returns the id of the outbox e-mail.
  std::int64_t answer(std::int64_t ticketId, const std::string& text);
  // The customer's open tickets, oldest first (the card shows them).
  std::vector<Ticket> openOf(std::int64_t customerId);
  // Throws UserError when there is no such ticket.
  Ticket byId(std::int64_t ticketId);

 private:
  std::vector<Ticket> query(const std::string& where, long long key);
  soci::session& sql_;
};

}  // namespace subdesk::services
