#include "core/domain/money.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/util/i18n.h"

namespace subdesk {
namespace {

using typed_input::firstCharacter;
using typed_input::spaceLength;
using typed_input::trimSpaces;

constexpr std::string_view kMinusSign = "\u2212";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool startsWithIgnoringAsciiCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin(),
                    [](char a, char b) { return (a | 0x20) == (b | 0x20); });
}

// Longest first, so that "грн." is taken whole and the dot is not read as a separator.
constexpr std::array<std::string_view, 7> kHryvniaMarks = {"грн.", "Грн.", "ГРН.", "грн",
                                                           "Грн",  "ГРН",  "₴"};

bool stripMarkFront(std::string_view& s) {
  if (startsWithIgnoringAsciiCase(s, "UAH")) {
    s.remove_prefix(3);
    return true;
  }
  for (auto mark : kHryvniaMarks) {
    if (s.starts_with(mark)) {
      s.remove_prefix(mark.size());
      return true;
    }
  }
  return false;
}

bool stripMarkBack(std::string_view& s) {
  if (s.size() >= 3 && startsWithIgnoringAsciiCase(s.substr(s.size() - 3), "UAH")) {
    s.remove_suffix(3);
    return true;
  }
  for (auto mark : kHryvniaMarks) {
    if (s.ends_with(mark)) {
      s.remove_suffix(mark.size());
      return true;
    }
  }
  return false;
}

// The length of a sign at the start of s, 0 if none; *negative tells which sign.
std::size_t signLength(std::string_view s, bool* negative) {
  if (s.starts_with('+') || s.starts_with('-')) {
    *negative = s[0] == '-';
    return 1;
  }
  if (s.starts_with(kMinusSign)) {
    *negative = true;
    return kMinusSign.size();
  }
  return 0;
}

// The number part with every kind of space turned into one ASCII space, or the first
// character that has no place in a number.
std::expected<std::string, std::string_view> normalizeBody(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  while (!body.empty()) {
    if (std::size_t n = spaceLength(body)) {
      if (!out.ends_with(' ')) out += ' ';
      body.remove_prefix(n);
    } else if (isDigit(body[0]) || body[0] == ',' || body[0] == '.') {
      out += body[0];
      body.remove_prefix(1);
    } else {
      return std::unexpected(body);
    }
  }
  return out;
}

std::string wronglyGrouped() {
  return tr(
      "The digits are grouped wrongly: after the first group, every group of "
      "thousands must have exactly three digits.");
}

// Adds the digits of s to a kopeck magnitude; false when it would pass limit.
bool accumulate(std::string_view s, std::uint64_t limit, std::uint64_t& value) {
  for (char c : s) {
    if (!isDigit(c)) continue;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (limit - digit) / 10) return false;
    value = value * 10 + digit;
  }
  return true;
}

// The integer part split at its group separators (spaces and groupMark, if any).
std::vector<std::string_view> groupsOf(std::string_view whole, char groupMark) {
  std::vector<std::string_view> groups;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= whole.size(); ++i) {
    if (i == whole.size() || whole[i] == ' ' || (groupMark != 0 && whole[i] == groupMark)) {
      groups.push_back(whole.substr(start, i - start));
      start = i + 1;
    }
  }
  return groups;
}

// Thousands are grouped properly: the first group has 1-3 digits and does not start with 0
// (a number worth grouping is at least 1000), every further group has exactly 3.
bool wellGrouped(const std::vector<std::string_view>& groups) {
  const auto first = groups.front();
  if (first.empty() || first.size() > 3 || first[0] == '0') return false;
  return std::all_of(groups.begin() + 1, groups.end(),
                     [](std::string_view g) { return g.size() == 3; });
}

bool allDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), isDigit); }

std::string groupThousands(std::uint64_t whole, char separator) {
  const std::string digits = std::to_string(whole);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

Parsed<Money> Money::parse(std::string_view text, Language language) {
  std::string_view s = trimSpaces(text);
  if (s.empty()) return std::unexpected(tr("Enter an amount."));

  int signs = 0;
  int marks = 0;
  bool negative = false;
  for (;;) {
    bool minus = false;
    if (std::size_t n = signLength(s, &minus)) {
      s.remove_prefix(n);
      negative = minus;
      ++signs;
    } else if (stripMarkFront(s)) {
      ++marks;
    } else {
      break;
    }
    s = trimSpaces(s);
  }
  if (stripMarkBack(s)) ++marks;
  s = trimSpaces(s);
  if (signs > 1) return std::unexpected(tr("The amount has more than one sign."));
  if (marks > 1) return std::unexpected(tr("The amount names the currency more than once."));
  if (s.empty()) return std::unexpected(tr("The amount has no digits."));

  auto body = normalizeBody(s);
  if (!body) {
    bool ignored = false;
    if (signLength(body.error(), &ignored) != 0) {
      return std::unexpected(signs > 0 ? tr("The amount has more than one sign.")
                                       : tr("The sign must stand before the amount."));
    }
    return std::unexpected(
        subdesk::format(tr("The amount contains \"{0}\": only digits, spaces and one decimal "
                           "separator are allowed."),
                        {firstCharacter(body.error())}));
  }
  const std::string& b = *body;

  // Find the decimal separator and the punctuation that groups thousands (see money.h).
  const auto commas = std::count(b.begin(), b.end(), ',');
  const auto dots = std::count(b.begin(), b.end(), '.');
  const char languageGroupMark = language == Language::En ? ',' : '.';
  std::size_t decimal = std::string::npos;
  char groupMark = 0;
  if (commas > 0 && dots > 0) {
    decimal = std::max(b.rfind(','), b.rfind('.'));
    groupMark = b[decimal] == ',' ? '.' : ',';
    if ((b[decimal] == ',' ? commas : dots) > 1) {
      return std::unexpected(tr("The amount has more than one decimal separator."));
    }
  } else if (commas + dots > 1) {
    groupMark = commas > 0 ? ',' : '.';
  } else if (commas + dots == 1) {
    const std::size_t at = b.find_first_of(",.");
    const std::string_view after = std::string_view(b).substr(at + 1);
    if (after.size() == 3 && allDigits(after) && b[at] == languageGroupMark &&
        wellGrouped(groupsOf(std::string_view(b).substr(0, at), 0))) {
      groupMark = b[at];
    } else {
      decimal = at;
    }
  }

  const std::string_view whole = std::string_view(b).substr(0, decimal);
  std::string_view fraction;
  if (decimal != std::string::npos) {
    fraction = std::string_view(b).substr(decimal + 1);
    if (fraction.empty()) {
      if (whole.empty()) return std::unexpected(tr("The amount has no digits."));
      return std::unexpected(tr("Digits are missing after the decimal separator."));
    }
    if (!allDigits(fraction)) return std::unexpected(wronglyGrouped());
    if (fraction.size() > 2) {
      return std::unexpected(
          tr("The amount has more than two digits after the decimal separator."));
    }
  }

  const auto groups = groupsOf(whole, groupMark);
  if (groups.size() > 1) {
    if (!wellGrouped(groups)) return std::unexpected(wronglyGrouped());
  } else if (whole.empty() && fraction.empty()) {
    return std::unexpected(tr("The amount has no digits."));
  }

  // The magnitude of INT64_MIN is one more than INT64_MAX.
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1u : 0u);
  std::uint64_t magnitude = 0;
  const std::string_view padding = fraction.size() == 2 ? "" : fraction.size() == 1 ? "0" : "00";
  if (!accumulate(whole, limit, magnitude) || !accumulate(fraction, limit, magnitude) ||
      !accumulate(padding, limit, magnitude)) {
    return std::unexpected(tr("The amount is too large."));
  }
  if (!negative) return Money(static_cast<std::int64_t>(magnitude));
  // Negating in unsigned arithmetic then converting is well defined in C++20 and later.
  return Money(static_cast<std::int64_t>(0u - magnitude));
}

std::string Money::format(Language language) const {
  const bool negative = kopecks_ < 0;
  const std::uint64_t magnitude =
      negative ? 0u - static_cast<std::uint64_t>(kopecks_) : static_cast<std::uint64_t>(kopecks_);
  const std::uint64_t cents = magnitude % 100;
  std::string fraction = {static_cast<char>('0' + cents / 10), static_cast<char>('0' + cents % 10)};
  std::string sign = negative ? "-" : "";
  // The language is a parameter rather than the UI's: a bill is printed in the
  // subscriber's language whatever language the desk speaks.
  if (language == Language::Uk) {
    return sign + groupThousands(magnitude / 100, ' ') + ',' + fraction + " грн";
  }
  return sign + "UAH " + groupThousands(magnitude / 100, ',') + '.' + fraction;
}

Money Money::operator+(Money other) const {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(kopecks_, other.kopecks_, &sum)) {
    throw std::overflow_error(tr("The amount is too large."));
  }
  return Money(sum);
}

Money Money::operator-(Money other) const {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(kopecks_, other.kopecks_, &difference)) {
    throw std::overflow_error(tr("The amount is too large."));
  }
  return Money(difference);
}

Money Money::operator-() const { return Money() - *this; }

}  // namespace subdesk
