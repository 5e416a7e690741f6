#pragma once
// Six-digit one-time codes. The codes the desk causes (password reset, caller
// verification) are made by the database itself (migration 0016), so that nobody at the
// desk ever sees one; this class implements the same algorithm for codes made outside
// the database (the self-care site links the core) and reads a code a person typed.
//
// Algorithm: 4 bytes from OpenSSL's RAND_bytes read as an unsigned 32-bit word (big
// endian); a word >= 4,294,000,000 (the largest multiple of 10^6 not above 2^32) is
// rejected and drawn again, so every code 000000..999999 is equally likely (plain
// "word mod 10^6" would favour the codes below 967,296).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/parsed.h"

namespace subdesk::security {

class OneTimeCode {
 public:
  static constexpr int kDigits = 6;
  static constexpr std::uint32_t kCodes = 1000000;
  // Words at or above this are rejected: 4294 * 10^6.
  static constexpr std::uint32_t kRejectFrom = (0xFFFFFFFFu / kCodes) * kCodes;

  // A fresh code from the CSPRNG. Throws std::runtime_error if OpenSSL has no entropy.
  static std::string generate();

  // The code a random word gives, or nullopt when the word must be rejected.
  static std::optional<std::string> fromRandomWord(std::uint32_t word);

  // A code as typed or read back ("482 915", "482-915"): six digits, or a translated
  // reason.
  static Parsed<std::string> parse(std::string_view typed);
};

}  // namespace subdesk::security
