#include "core/notify/delivery_status.h"

#include "core/util/i18n.h"

namespace subdesk::notify {

namespace {

// Times as epoch milliseconds: no time-zone conversion on the way through SOCI's std::tm.
constexpr const char* kSelect =
    "SELECT id, channel, recipient, status, attempts, last_error, "
    "  (extract(epoch FROM created_at) * 1000)::bigint, created_by::text, "
    "  (extract(epoch FROM sent_at) * 1000)::bigint, "
    "  (extract(epoch FROM last_attempt_at) * 1000)::bigint, "
    "  (extract(epoch FROM next_attempt_at) * 1000)::bigint, customer_id, interaction_id "
    "FROM outbox ";

Delivery::Clock::time_point fromMillis(long long ms) {
  return Delivery::Clock::time_point(std::chrono::milliseconds(ms));
}

std::optional<Delivery::Clock::time_point> optionalTime(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return std::nullopt;
  return fromMillis(r.get<long long>(i));
}

Delivery toDelivery(const soci::row& r) {
  Delivery d;
  d.id = r.get<long long>(0);
  d.channel = r.get<std::string>(1);
  d.recipient = r.get<std::string>(2);
  const std::string status = r.get<std::string>(3);
  d.attempts = r.get<int>(4);
  if (r.get_indicator(5) == soci::i_ok) d.lastError = r.get<std::string>(5);
  if (status == "sent") {
    d.state = DeliveryState::Sent;
  } else if (status == "failed") {
    d.state = DeliveryState::Undeliverable;
  } else {
    d.state = d.attempts > 0 ? DeliveryState::Failing : DeliveryState::Queued;
    d.nextAttemptAt = optionalTime(r, 10);
  }
  d.createdAt = fromMillis(r.get<long long>(6));
  d.createdBy = r.get<std::string>(7);
  d.sentAt = optionalTime(r, 8);
  d.lastAttemptAt = optionalTime(r, 9);
  if (r.get_indicator(11) == soci::i_ok) d.customerId = r.get<long long>(11);
  if (r.get_indicator(12) == soci::i_ok) d.interactionId = r.get<long long>(12);
  return d;
}

}  // namespace

std::string describe(DeliveryState state) {
  switch (state) {
    // TRANSLATORS: delivery state of an SMS or e-mail, not yet attempted
    case DeliveryState::Queued: return tr("queued");
    // TRANSLATORS: delivery state: attempted, the gateway did not take it yet; retried
    case DeliveryState::Failing: return tr("failing, will retry");
    // TRANSLATORS: delivery state: the SMS or e-mail gateway accepted the message
    case DeliveryState::Sent: return tr("sent");
    // TRANSLATORS: delivery state: the address or number can never be delivered to
    case DeliveryState::Undeliverable: return tr("undeliverable");
  }
  return {};
}

std::vector<Delivery> DeliveryStatus::forCustomer(std::int64_t customerId, int limit) {
  const long long id = customerId;
  soci::rowset<soci::row> rows = (sql_.prepare << std::string(kSelect) +
                                                      "WHERE customer_id = :id ORDER BY created_at DESC, id DESC "
                                                      "LIMIT :limit",
                                  soci::use(id, "id"), soci::use(limit, "limit"));
  std::vector<Delivery> out;
  for (const auto& r : rows) out.push_back(toDelivery(r));
  return out;
}

std::vector<Delivery> DeliveryStatus::forInteraction(std::int64_t interactionId) {
  const long long id = interactionId;
  soci::rowset<soci::row> rows =
      (sql_.prepare << std::string(kSelect) + "WHERE interaction_id = :id ORDER BY created_at DESC, id DESC",
       soci::use(id, "id"));
  std::vector<Delivery> out;
  for (const auto& r : rows) out.push_back(toDelivery(r));
  return out;
}

std::optional<Delivery> DeliveryStatus::byId(std::int64_t outboxId) {
  const long long id = outboxId;
  soci::rowset<soci::row> rows = (sql_.prepare << std::string(kSelect) + "WHERE id = :id", soci::use(id, "id"));
  for (const auto& r : rows) return toDelivery(r);
  return std::nullopt;
}

}  // namespace subdesk::notify
