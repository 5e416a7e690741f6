#pragma once
// A Ukrainian mobile subscriber number, kept in E.164 ("+380671234567"). Parsing and the
// mobile check use libphonenumber (region UA); the notation rules are ours.
//
// What parse() accepts: digits with spaces, '-', '.', '(' and ')' between them, and
// - the national form "067 123 45 67", "(067) 123-45-67", "0671234567";
// - the international form "+380 67 123 45 67", "+380671234567", "00380671234567", and
//   the same without '+' ("380671234567", "38 067 123 45 67"), and with the trunk 0
//   repeated after the country code ("+380 (0)67 123 45 67", "+380 067 123 45 67");
// - the old long-distance prefix 8 before the national form ("8 067 123 45 67"): many
//   people still write it, and "80..." can mean nothing else in an 11-digit number;
// - the nine-digit number without the trunk 0 ("67 123 45 67"), as typed after a
//   "+380" label on a paper form.
// The number must then be valid and of type MOBILE (or FIXED_LINE_OR_MOBILE) in
// libphonenumber's metadata for UA. Everything else is refused with the reason: a foreign
// country code, a landline or free-phone number, an emergency short number, too few or
// too many digits, letters or other characters, a code no operator uses.
#include <compare>
#include <string>
#include <string_view>

#include "core/domain/parsed.h"

namespace subdesk {

class Msisdn {
 public:
  // Thread-safe: libphonenumber's PhoneNumberUtil is only read.
  static Parsed<Msisdn> parse(std::string_view text);

  // The short numbers whose calls are never shown in call history or detailed bills:
  // 101, 102, 103, 104 and 112. Takes the dialled digits as they are, without separators.
  static bool isEmergencyShortNumber(std::string_view digits);

  const std::string& e164() const { return e164_; }  // "+380671234567"
  std::string national() const;                      // "067 123 45 67"
  std::string international() const;                 // libphonenumber's "+380 67 123 4567"

  friend auto operator<=>(const Msisdn&, const Msisdn&) = default;

 private:
  explicit Msisdn(std::string e164) : e164_(std::move(e164)) {}
  std::string e164_;
};

}  // namespace subdesk
