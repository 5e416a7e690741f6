#pragma once
// The pure rules of delivery: when to try again, and what stays of a secret once sent.
#include <chrono>
#include <string>

namespace subdesk::notify {

// Exponential backoff with a cap: the wait after the n-th failed attempt (n >= 1) is
// base * 2^(n-1), never more than cap. A message is retried for as long as it takes:
// the wait stops growing at the cap, the attempts go on.
class BackoffPolicy {
 public:
  BackoffPolicy(std::chrono::milliseconds base, std::chrono::milliseconds cap);
  std::chrono::milliseconds delayAfter(int failedAttempts) const;
  std::chrono::milliseconds base() const { return base_; }
  std::chrono::milliseconds cap() const { return cap_; }

 private:
  std::chrono::milliseconds base_;
  std::chrono::milliseconds cap_;
};

// What replaces a secret in the stored text once the message has been sent.
inline constexpr const char* kScrubbedSecret = "******";

// Replaces every occurrence of secret in text with kScrubbedSecret. An empty secret
// changes nothing.
std::string scrubSecret(const std::string& text, const std::string& secret);

// Whether a recipient is well-formed for its channel. A malformed recipient is the one
// failure that makes a message permanently undeliverable.
bool isE164(const std::string& msisdn);
bool isPlausibleEmailAddress(const std::string& address);

}  // namespace subdesk::notify
