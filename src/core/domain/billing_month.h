#pragma once
// A calendar month that charges, call records and detailed bills belong to. Only
// 2000-01 .. 2100-12 exist: anything outside is a typo, and the bound keeps every
// month's first and last day representable.
//
// parse() accepts "2026-11" (ISO, as stored and exported) and "11.2026" (as Ukrainian
// documents write it); the month may have one digit ("2026-3", "3.2026"), the year must
// have four. Spaces around the text are ignored.
#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "core/domain/parsed.h"

namespace subdesk {

class BillingMonth {
 public:
  static constexpr int kFirstYear = 2000;
  static constexpr int kLastYear = 2100;

  static Parsed<BillingMonth> parse(std::string_view text);
  // The following throw std::out_of_range when the result would leave the supported range
  // (they are called with dates from the program, not from a person).
  static BillingMonth of(int year, unsigned month);
  static BillingMonth containing(std::chrono::year_month_day day);

  int year() const { return year_; }
  unsigned month() const { return month_; }

  std::string toString() const;  // "2026-11"
  std::chrono::year_month_day firstDay() const;
  std::chrono::year_month_day lastDay() const;
  BillingMonth next() const;
  BillingMonth previous() const;

  friend auto operator<=>(const BillingMonth&, const BillingMonth&) = default;

 private:
  BillingMonth(int year, unsigned month) : year_(year), month_(month) {}
  int year_;  // compared before month_, so the declaration order is the calendar order
  unsigned month_;
};

}  // namespace subdesk
