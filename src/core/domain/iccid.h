#pragma once
// The number printed on a SIM card (ICCID, ITU-T E.118): 19 or 20 digits starting with
// the telecom industry identifier 89, the last digit a Luhn check digit over the others.
// Ukrainian cards start 89380, but cards of foreign make are stocked too, so only 89 is
// required. Spaces and dashes in the typed text are ignored (cards print the number in
// groups).
#include <compare>
#include <string>
#include <string_view>

#include "core/domain/parsed.h"

namespace subdesk {

class Iccid {
 public:
  static Parsed<Iccid> parse(std::string_view text);

  // The Luhn (mod 10) check digit for a payload of digits; also used to spot card
  // numbers. Throws std::invalid_argument when digits is empty or has a non-digit.
  static int luhnCheckDigit(std::string_view digitsWithoutCheck);
  // Whether the last digit is the Luhn check digit of the others; false for fewer than two
  // characters or any non-digit.
  static bool luhnValid(std::string_view allDigits);

  const std::string& digits() const { return digits_; }

  friend auto operator<=>(const Iccid&, const Iccid&) = default;

 private:
  explicit Iccid(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

}  // namespace subdesk
