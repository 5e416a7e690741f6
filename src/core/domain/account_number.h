#pragma once
// The personal account number of a contract: nine digits, the first not 0, the last a
// Luhn check digit over the first eight (the serial), so that a mistyped digit, and most
// swaps of two neighbours, are caught before anyone opens the wrong subscriber. Spaces and
// dashes in the typed text are ignored.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/domain/parsed.h"

namespace subdesk {

class AccountNumber {
 public:
  static constexpr std::int64_t kMinSerial = 10'000'000;
  static constexpr std::int64_t kMaxSerial = 99'999'999;

  static Parsed<AccountNumber> parse(std::string_view text);
  // The number for a serial in [kMinSerial, kMaxSerial]; throws std::out_of_range
  // otherwise (serials come from a database sequence, never from a person).
  static AccountNumber fromSerial(std::int64_t serial);

  const std::string& digits() const { return digits_; }
  std::int64_t serial() const;

  friend auto operator<=>(const AccountNumber&, const AccountNumber&) = default;

 private:
  explicit AccountNumber(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

}  // namespace subdesk
