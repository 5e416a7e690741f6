#include "core/domain/billing_month.h"

#include <algorithm>
#include <stdexcept>

#include "core/util/i18n.h"

namespace subdesk {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The value of s when it is minLength to maxLength digits, else -1.
int number(std::string_view s, std::size_t minLength, std::size_t maxLength) {
  if (s.size() < minLength || s.size() > maxLength || !std::all_of(s.begin(), s.end(), isDigit)) {
    return -1;
  }
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

bool inRange(int year, unsigned month) {
  return year >= BillingMonth::kFirstYear && year <= BillingMonth::kLastYear && month >= 1 &&
         month <= 12;
}

}  // namespace

Parsed<BillingMonth> BillingMonth::parse(std::string_view text) {
  const std::string_view s = typed_input::trimSpaces(text);
  if (s.empty()) return std::unexpected(tr("Enter a month, like 2026-11 or 11.2026."));
  int year = -1;
  int month = -1;
  if (const auto dash = s.find('-'); dash != std::string_view::npos) {
    year = number(s.substr(0, dash), 4, 4);
    month = number(s.substr(dash + 1), 1, 2);
  } else if (const auto dot = s.find('.'); dot != std::string_view::npos) {
    month = number(s.substr(0, dot), 1, 2);
    year = number(s.substr(dot + 1), 4, 4);
  }
  if (year < 0 || month < 0) {
    return std::unexpected(tr("Write the month as 2026-11 or 11.2026."));
  }
  if (month < 1 || month > 12) {
    return std::unexpected(
        format(tr("There is no month {0}: months go from 1 to 12."), {std::to_string(month)}));
  }
  if (year < kFirstYear || year > kLastYear) {
    return std::unexpected(format(tr("The year must be between {0} and {1}."),
                                  {std::to_string(kFirstYear), std::to_string(kLastYear)}));
  }
  return BillingMonth(year, static_cast<unsigned>(month));
}

BillingMonth BillingMonth::of(int year, unsigned month) {
  if (!inRange(year, month)) {
    throw std::out_of_range("billing month " + std::to_string(year) + "-" + std::to_string(month) +
                            " is outside 2000-01..2100-12");
  }
  return BillingMonth(year, month);
}

BillingMonth BillingMonth::containing(std::chrono::year_month_day day) {
  if (!day.ok()) throw std::out_of_range("billing month of an invalid date");
  return of(static_cast<int>(day.year()), static_cast<unsigned>(day.month()));
}

std::string BillingMonth::toString() const {
  // The range invariant makes the year four digits.
  return std::to_string(year_) + (month_ < 10 ? "-0" : "-") + std::to_string(month_);
}

std::chrono::year_month_day BillingMonth::firstDay() const {
  return std::chrono::year{year_} / std::chrono::month{month_} / 1;
}

std::chrono::year_month_day BillingMonth::lastDay() const {
  return std::chrono::year_month_day{std::chrono::year{year_} / std::chrono::month{month_} /
                                     std::chrono::last};
}

BillingMonth BillingMonth::next() const {
  return month_ == 12 ? of(year_ + 1, 1) : of(year_, month_ + 1);
}

BillingMonth BillingMonth::previous() const {
  return month_ == 1 ? of(year_ - 1, 12) : of(year_, month_ - 1);
}

}  // namespace subdesk
