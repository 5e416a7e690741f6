#include "core/domain/iccid.h"

#include <algorithm>
#include <stdexcept>

#include "core/util/i18n.h"

namespace subdesk {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool onlyDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), isDigit); }

}  // namespace

int Iccid::luhnCheckDigit(std::string_view digitsWithoutCheck) {
  if (digitsWithoutCheck.empty() || !onlyDigits(digitsWithoutCheck)) {
    throw std::invalid_argument("luhnCheckDigit needs one or more digits");
  }
  // Counting from the right, the digit next to the (future) check digit is doubled.
  int sum = 0;
  bool doubled = true;
  for (auto it = digitsWithoutCheck.rbegin(); it != digitsWithoutCheck.rend(); ++it) {
    int d = *it - '0';
    if (doubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubled = !doubled;
  }
  return (10 - sum % 10) % 10;
}

bool Iccid::luhnValid(std::string_view allDigits) {
  if (allDigits.size() < 2 || !onlyDigits(allDigits)) return false;
  return luhnCheckDigit(allDigits.substr(0, allDigits.size() - 1)) == allDigits.back() - '0';
}

Parsed<Iccid> Iccid::parse(std::string_view text) {
  const std::string digits = typed_input::withoutSpaces(text, "-");
  if (digits.empty()) return std::unexpected(tr("Enter the ICCID printed on the SIM card."));
  if (auto bad = std::find_if_not(digits.begin(), digits.end(), isDigit); bad != digits.end()) {
    return std::unexpected(format(
        tr("The ICCID may contain only digits, but it contains \"{0}\"."),
        {typed_input::firstCharacter(std::string_view(digits).substr(bad - digits.begin()))}));
  }
  if (digits.size() != 19 && digits.size() != 20) {
    return std::unexpected(format(tr("The ICCID must have 19 or 20 digits; this one has {0}."),
                                  {std::to_string(digits.size())}));
  }
  if (!digits.starts_with("89")) {
    return std::unexpected(tr("The ICCID must start with 89, the code of telecom SIM cards."));
  }
  const int expected = luhnCheckDigit(std::string_view(digits).substr(0, digits.size() - 1));
  if (expected != digits.back() - '0') {
    return std::unexpected(
        format(tr("The ICCID check digit is wrong: expected {0}."), {std::to_string(expected)}));
  }
  return Iccid(digits);
}

}  // namespace subdesk
