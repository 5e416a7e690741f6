#include "core/security/one_time_code.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "core/util/i18n.h"

namespace subdesk::security {

std::optional<std::string> OneTimeCode::fromRandomWord(std::uint32_t word) {
  if (word >= kRejectFrom) return std::nullopt;
  std::string code = std::to_string(word % kCodes);
  code.insert(0, kDigits - code.size(), '0');
  return code;
}

std::string OneTimeCode::generate() {
  for (;;) {
    std::array<unsigned char, 4> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
      throw std::runtime_error("RAND_bytes failed: no one-time code can be made");
    }
    const std::uint32_t word = (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
                               (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
    if (auto code = fromRandomWord(word)) return *code;
  }
}

Parsed<std::string> OneTimeCode::parse(std::string_view typed) {
  const std::string digits = typed_input::withoutSpaces(typed, "-");
  if (digits.empty()) return std::unexpected(tr("Enter the code from the SMS."));
  const auto bad =
      std::find_if_not(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (bad != digits.end()) {
    return std::unexpected(
        format(tr("The code has only digits, but this one contains \"{0}\"."),
               {typed_input::firstCharacter(std::string_view(digits).substr(bad - digits.begin()))}));
  }
  if (digits.size() != kDigits) {
    return std::unexpected(
        format(tr("The code has 6 digits; this one has {0}."), {std::to_string(digits.size())}));
  }
  return digits;
}

}  // namespace subdesk::security
