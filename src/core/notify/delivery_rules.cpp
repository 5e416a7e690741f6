#include "core/notify/delivery_rules.h"

#include <algorithm>
#include <stdexcept>

namespace subdesk::notify {

BackoffPolicy::BackoffPolicy(std::chrono::milliseconds base, std::chrono::milliseconds cap)
    : base_(base), cap_(cap) {
  if (base_.count() <= 0) throw std::invalid_argument("backoff base must be positive");
  if (cap_ < base_) throw std::invalid_argument("backoff cap must not be below the base");
}

std::chrono::milliseconds BackoffPolicy::delayAfter(int failedAttempts) const {
  if (failedAttempts < 1) failedAttempts = 1;
  // Doubling from the base until the cap, without overflowing for large attempt counts.
  auto delay = base_;
  for (int i = 1; i < failedAttempts && delay < cap_; ++i) {
    delay = delay > cap_ / 2 ? cap_ : delay * 2;
  }
  return std::min(delay, cap_);
}

std::string scrubSecret(const std::string& text, const std::string& secret) {
  if (secret.empty()) return text;
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (true) {
    const auto hit = text.find(secret, pos);
    if (hit == std::string::npos) break;
    out.append(text, pos, hit - pos);
    out += kScrubbedSecret;
    pos = hit + secret.size();
  }
  out.append(text, pos, std::string::npos);
  return out;
}

bool isE164(const std::string& msisdn) {
  if (msisdn.size() < 8 || msisdn.size() > 16 || msisdn[0] != '+' || msisdn[1] == '0') return false;
  return std::all_of(msisdn.begin() + 1, msisdn.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isPlausibleEmailAddress(const std::string& address) {
  const auto at = address.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 >= address.size() || address.size() > 254) return false;
  const std::string domain = address.substr(at + 1);
  if (domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.') return false;
  // No whitespace, control characters or angle brackets: they would break the SMTP
  // envelope and the headers.
  return std::none_of(address.begin(), address.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' || u == 0x7f || c == '<' || c == '>' || c == ',' || c == ';';
  });
}

}  // namespace subdesk::notify
