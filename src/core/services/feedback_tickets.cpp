#include "core/services/feedback_tickets.h"

#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::int64_t FeedbackTickets::open(std::int64_t interactionId, const std::string& subject,
                                   const std::string& body) {
  const long long iid = interactionId;
  long long id = 0;
  sql_ << "SELECT ticket_open(:i, :s, :b)", soci::use(iid), soci::use(subject), soci::use(body),
      soci::into(id);
  return id;
}

std::int64_t FeedbackTickets::answer(std::int64_t ticketId, const std::string& text) {
  const long long tid = ticketId;
  long long id = 0;
  sql_ << "SELECT ticket_answer(:t, :a)", soci::use(tid), soci::use(text), soci::into(id);
  return id;
}

std::vector<Ticket> FeedbackTickets::query(const std::string& where, long long key) {
  std::vector<Ticket> out;
  card_sql::eachRow(
      sql_,
      "SELECT id, customer_id, interaction_id, subject, body, status, answer, "
      "to_char(created_at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD HH24:MI'), "
      "to_char(answered_at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD HH24:MI'), "
      "CAST(created_by AS text), CAST(answered_by AS text) FROM ticket WHERE " +
          where + " ORDER BY created_at, id",
      [&](const soci::row& r) {
        using namespace card_sql;
        out.push_back({i64(r, 0), i64(r, 1), i64(r, 2), str(r, 3), str(r, 4), str(r, 5), str(r, 6), str(r, 7),
                       str(r, 8), str(r, 9), str(r, 10)});
      },
      soci::use(key));
  return out;
}

std::vector<Ticket> FeedbackTickets::openOf(std::int64_t customerId) {
  return query("customer_id = :k AND status = 'open'", customerId);
}

Ticket FeedbackTickets::byId(std::int64_t ticketId) {
  auto found = query("id = :k", ticketId);
  if (found.empty())
    throw UserError(format(tr("There is no ticket {0}."), {std::to_string(ticketId)}), "usage");
  return found.front();
}

}  // namespace subdesk::services
