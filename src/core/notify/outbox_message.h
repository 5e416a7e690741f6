#pragma once
// One outbox row as the notifier sees it, and what became of an attempt to send it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace subdesk::notify {

enum class Channel { Sms, Email };

// A file sent with an e-mail (outbox_attachment, migration 0031).
struct Attachment {
  std::string fileName;  // "bill-123456782-2026-10-01-2026-10-31.pdf"
  std::string mimeType;  // "application/pdf"
  std::string content;   // the bytes
};

struct OutboxMessage {
  std::int64_t id = 0;
  Channel channel = Channel::Sms;
  std::string recipient;               // E.164 for SMS, an address for e-mail
  std::optional<std::string> subject;  // e-mail only
  std::string body;
  std::optional<std::string> secret;   // a code or password inside body/subject
  int attempts = 0;                    // attempts made before this one
  std::vector<Attachment> attachments; // e-mail only; loaded just before sending
};

struct DeliveryResult {
  enum class Outcome {
    Sent,           // the gateway accepted it: mark sent, scrub the secret
    Retry,          // the gateway or the network failed: try again later
    Undeliverable,  // it can never be delivered as addressed (malformed recipient, ...)
  };
  Outcome outcome = Outcome::Retry;
  std::string error;  // why, for last_error and the log (empty when sent)

  static DeliveryResult sent() { return {Outcome::Sent, {}}; }
  static DeliveryResult retry(std::string why) { return {Outcome::Retry, std::move(why)}; }
  static DeliveryResult undeliverable(std::string why) { return {Outcome::Undeliverable, std::move(why)}; }
};

// Sends one message of its channel. Implementations never throw: every failure becomes
// a DeliveryResult.
class Sender {
 public:
  virtual ~Sender() = default;
  virtual DeliveryResult send(const OutboxMessage& message) = 0;
};

}  // namespace subdesk::notify
