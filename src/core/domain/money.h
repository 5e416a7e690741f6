#pragma once
// An amount of hryvnias held as a whole number of kopecks, so sums never drift the way
// binary fractions do.
//
// What parse() accepts, whatever the language (people paste amounts from bills, bank
// statements and web pages written in either style):
// - An optional sign, '+' or '-' (U+2212 too), at the very start or just after a leading
//   currency mark: "-5,00", "-UAH 1,234.56", "UAH -1,234.56". One sign at most.
// - At most one currency mark, at the start or the end: "грн", "грн.", "Грн", "ГРН",
//   "UAH" (any case), "₴".
// - Spaces (ASCII, U+00A0, U+2009, U+202F, see typed_input::spaceLength) around the sign,
//   the currency mark and the number, and between groups of thousands.
// - Digits with an optional decimal separator, '.' or ',', followed by one or two digits
//   ("12,5" is 12.50, ",5" is 0.50). A third decimal digit is refused, never rounded.
// - Thousands grouped by spaces, ',' or '.': the first group has 1-3 digits and does not
//   start with 0, every further group has exactly 3 ("1 234 567", "1,234.56", "1.234,56").
// Which mark is the decimal separator:
// - When both '.' and ',' occur, the last one is the decimal separator and may occur once.
// - When one of them occurs more than once, it groups thousands ("1,234,567").
// - When one of them occurs once and is followed by exactly three digits ("1,234",
//   "1.234") the reading is ambiguous. It groups thousands when it is the thousands mark
//   of the given language (',' in English, '.' in Ukrainian) and the digits before it
//   are properly grouped; otherwise it is the decimal separator, and the amount is refused
//   for having three decimals. So in English "1,234" is 1234.00 and "1.234" is refused;
//   in Ukrainian the other way round; "0,001" and "1234,567" are refused in both.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/domain/language.h"
#include "core/domain/parsed.h"

namespace subdesk {

class Money {
 public:
  constexpr Money() = default;

  static constexpr Money fromKopecks(std::int64_t kopecks) { return Money(kopecks); }
  static Parsed<Money> parse(std::string_view text, Language language);

  constexpr std::int64_t kopecks() const { return kopecks_; }

  // uk "1 234,56 грн" and "-1 234,56 грн"; en "UAH 1,234.56" and "-UAH 1,234.56".
  // The group separator is a plain ASCII space so that exports and tests stay simple.
  std::string format(Language language) const;

  // Arithmetic throws std::overflow_error rather than wrapping into a wrong balance.
  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money operator-() const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }

  friend constexpr auto operator<=>(const Money&, const Money&) = default;

 private:
  constexpr explicit Money(std::int64_t kopecks) : kopecks_(kopecks) {}
  std::int64_t kopecks_ = 0;
};

}  // namespace subdesk
