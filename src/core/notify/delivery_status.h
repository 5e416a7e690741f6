#pragma once
// What the desk shows of the messages it caused: for a customer or an interaction, each
// outbox message with its delivery state (queued, failing with the last error, sent,
// undeliverable). Reads only the outbox columns granted to subdesk_agent; never the body
// or subject, which hold codes and passwords until the message is sent.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::notify {

enum class DeliveryState {
  Queued,         // waiting for its first attempt
  Failing,        // attempted, not yet accepted by the gateway; retried (see lastError)
  Sent,           // the gateway accepted it
  Undeliverable,  // it can never be delivered as addressed (status 'failed')
};

struct Delivery {
  using Clock = std::chrono::system_clock;
  std::int64_t id = 0;
  std::string channel;    // "sms" | "email"
  std::string recipient;  // E.164 number or e-mail address
  DeliveryState state = DeliveryState::Queued;
  int attempts = 0;
  std::optional<std::string> lastError;
  Clock::time_point createdAt;
  std::string createdBy;  // the staff login whose action queued it
  std::optional<Clock::time_point> sentAt;
  std::optional<Clock::time_point> lastAttemptAt;
  std::optional<Clock::time_point> nextAttemptAt;  // while queued or failing
  std::optional<std::int64_t> customerId;
  std::optional<std::int64_t> interactionId;
};

// The state's name for the person at the desk, translated ("queued", "sent", ...).
std::string describe(DeliveryState state);

class DeliveryStatus {
 public:
  explicit DeliveryStatus(soci::session& sql) : sql_(sql) {}

  // Newest first, at most `limit`.
  std::vector<Delivery> forCustomer(std::int64_t customerId, int limit = 50);
  std::vector<Delivery> forInteraction(std::int64_t interactionId);
  std::optional<Delivery> byId(std::int64_t outboxId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::notify
