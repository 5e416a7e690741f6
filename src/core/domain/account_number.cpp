#include "core/domain/account_number.h"

#include <algorithm>
#include <stdexcept>

#include "core/domain/iccid.h"
#include "core/util/i18n.h"

namespace subdesk {
namespace {

constexpr std::size_t kLength = 9;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Parsed<AccountNumber> AccountNumber::parse(std::string_view text) {
  const std::string digits = typed_input::withoutSpaces(text, "-");
  if (digits.empty()) return std::unexpected(tr("Enter the personal account number."));
  if (auto bad = std::find_if_not(digits.begin(), digits.end(), isDigit); bad != digits.end()) {
    return std::unexpected(format(
        tr("The account number may contain only digits, but it contains \"{0}\"."),
        {typed_input::firstCharacter(std::string_view(digits).substr(bad - digits.begin()))}));
  }
  if (digits.size() != kLength) {
    return std::unexpected(format(tr("The account number must have 9 digits; this one has {0}."),
                                  {std::to_string(digits.size())}));
  }
  if (digits.front() == '0') {
    return std::unexpected(tr("An account number never starts with 0."));
  }
  // Unlike the ICCID, the expected digit is not named: "fixing" the last digit to match
  // would turn a typo anywhere else into another subscriber's valid account.
  if (!Iccid::luhnValid(digits)) {
    return std::unexpected(
        tr("The account number has a typo: its check digit does not match. Check every digit."));
  }
  return AccountNumber(digits);
}

AccountNumber AccountNumber::fromSerial(std::int64_t serial) {
  if (serial < kMinSerial || serial > kMaxSerial) {
    throw std::out_of_range("account serial " + std::to_string(serial) +
                            " is outside 10000000..99999999");
  }
  std::string digits = std::to_string(serial);
  digits += static_cast<char>('0' + Iccid::luhnCheckDigit(digits));
  return AccountNumber(std::move(digits));
}

std::int64_t AccountNumber::serial() const { return std::stoll(digits_.substr(0, kLength - 1)); }

}  // namespace subdesk
