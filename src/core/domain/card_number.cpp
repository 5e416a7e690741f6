#include "core/domain/card_number.h"

#include <vector>

#include "core/util/i18n.h"

namespace subdesk {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool luhn(const std::string& digits) {
  int total = 0;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    int d = digits[n - 1 - i] - '0';
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return total % 10 == 0;
}

bool suspect(const std::string& digits) { return digits.size() >= 13 && digits.size() <= 19 && luhn(digits); }

}  // namespace

bool containsCardNumber(std::string_view text) {
  // Runs of digit groups joined by single separators, exactly as the database's regular
  // expression '[0-9](?:[ -]?[0-9])*' reads them. Within a run, every span of whole
  // consecutive groups is tried, so a card number typed right after an RRN or before a
  // date ("123456789012 4111 1111 1111 1111") is still found; a longer unbroken string of
  // digits (an ICCID) is not cut up.
  std::size_t i = 0;
  while (i < text.size()) {
    if (!isDigit(text[i])) {
      ++i;
      continue;
    }
    std::vector<std::string> groups(1);
    std::size_t j = i;
    while (j < text.size()) {
      if (isDigit(text[j])) {
        groups.back() += text[j++];
      } else if ((text[j] == ' ' || text[j] == '-') && j + 1 < text.size() && isDigit(text[j + 1])) {
        groups.emplace_back();
        ++j;
      } else {
        break;
      }
    }
    for (std::size_t first = 0; first < groups.size(); ++first) {
      std::string digits;
      for (std::size_t last = first; last < groups.size() && digits.size() + groups[last].size() <= 19; ++last) {
        digits += groups[last];
        if (suspect(digits)) return true;
      }
    }
    i = j;
  }
  return false;
}

std::string cardNumberRefusal() {
  return tr("This looks like a full card number. Never type a card number: keep only its last four digits.");
}

}  // namespace subdesk
