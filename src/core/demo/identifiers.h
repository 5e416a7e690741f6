#pragma once
// The number plans of the demo data: MSISDNs, personal account numbers, ICCIDs, IMSIs and
// tax numbers, each a pure function of an entity's index, so that a number can be
// recomputed wherever it is needed (a CDR to another subscriber needs that subscriber's
// number) instead of being stored. Indexes map to numbers through multiplications modulo
// the size of the number space by a constant coprime with it, so different entities never
// share a number and consecutive entities do not get consecutive numbers.
#include <array>
#include <cstdint>
#include <string>

#include "core/demo/random.h"

namespace subdesk::demo {

// The mobile network codes that msisdn_valid() accepts.
inline constexpr std::array<const char*, 16> kMobileCodes = {"39", "50", "63", "66", "67", "68", "73", "91",
                                                             "92", "93", "94", "95", "96", "97", "98", "99"};

// The Luhn check digit of a string of digits.
inline int luhnDigit(const char* digits, int n) {
  int sum = 0;
  for (int i = n - 1, k = 0; i >= 0; --i, ++k) {
    int d = digits[i] - '0';
    if (k % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - sum % 10) % 10;
}

inline void putDigits(char* out, std::uint64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

class NumberPlan {
 public:
  explicit NumberPlan(std::uint64_t seed) {
    Rng rng(seed, Stream::Identifier, 0);
    msisdnOffset_ = rng.below(kMsisdnSpace);
    accountOffset_ = rng.below(kAccountSpace);
    simBatch_ = 100 + rng.below(900);
  }

  // "+380" + code + 7 digits (not starting with 0): 13 characters.
  std::array<char, 13> msisdn(std::uint64_t lineIndex) const {
    const std::uint64_t n = (lineIndex % kMsisdnSpace * 97'654'321ULL + msisdnOffset_) % kMsisdnSpace;
    std::array<char, 13> out{'+', '3', '8', '0'};
    const char* code = kMobileCodes[n / 9'000'000];
    out[4] = code[0];
    out[5] = code[1];
    putDigits(out.data() + 6, 1'000'000 + n % 9'000'000, 7);
    return out;
  }

  // Nine digits: an eight-digit serial (10000000..99999999) and its Luhn check digit.
  std::array<char, 9> accountNumber(std::uint64_t accountIndex) const {
    const std::uint64_t serial =
        10'000'000 + (accountIndex % kAccountSpace * 48'271'607ULL + accountOffset_) % kAccountSpace;
    std::array<char, 9> out{};
    putDigits(out.data(), serial, 8);
    out[8] = static_cast<char>('0' + luhnDigit(out.data(), 8));
    return out;
  }

  // 89 (telecom) 380 (Ukraine) 06 (issuer), an 11-digit card serial, the Luhn digit: 19.
  // Serials are consecutive, as in the batches cards are delivered in.
  std::array<char, 19> iccid(std::uint64_t simIndex) const {
    std::array<char, 19> out{'8', '9', '3', '8', '0', '0', '6'};
    putDigits(out.data() + 7, simBatch_ * 100'000'000ULL + simIndex, 11);
    out[18] = static_cast<char>('0' + luhnDigit(out.data(), 18));
    return out;
  }

  // 255 (Ukraine) 06 (network) and a ten-digit subscriber identity: 15 digits.
  std::array<char, 15> imsi(std::uint64_t simIndex) const {
    std::array<char, 15> out{'2', '5', '5', '0', '6'};
    putDigits(out.data() + 5, (simBatch_ % 9 + 1) * 1'000'000'000ULL + simIndex, 10);
    return out;
  }

  static constexpr std::uint64_t kMsisdnSpace = 16ULL * 9'000'000;  // 144 million
  static constexpr std::uint64_t kAccountSpace = 90'000'000;

 private:
  std::uint64_t msisdnOffset_ = 0;
  std::uint64_t accountOffset_ = 0;
  std::uint64_t simBatch_ = 100;
};

// The taxpayer number (RNOKPP) of a person: the birth date as days since 31 December 1899,
// three serial digits, a gender digit (odd for men) and a check digit.
inline std::array<char, 10> taxNumber(std::int64_t birthDaysSinceEpoch, bool female, Rng& rng) {
  constexpr std::int64_t k18991231 = -25568;  // days from 1970-01-01 back to 1899-12-31
  std::array<char, 10> out{};
  putDigits(out.data(), static_cast<std::uint64_t>(birthDaysSinceEpoch - k18991231), 5);
  putDigits(out.data() + 5, rng.below(1000), 3);
  out[8] = static_cast<char>('0' + rng.below(5) * 2 + (female ? 0 : 1));
  constexpr int weights[9] = {-1, 5, 7, 9, 4, 6, 10, 5, 7};
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += weights[i] * (out[i] - '0');
  out[9] = static_cast<char>('0' + ((sum % 11 + 11) % 11) % 10);
  return out;
}

inline std::string toString(const auto& chars) { return std::string(chars.data(), chars.size()); }

}  // namespace subdesk::demo
