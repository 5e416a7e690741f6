#define BOOST_TEST_MODULE billing_month
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

#include "core/domain/billing_month.h"

using subdesk::BillingMonth;
using namespace std::chrono;

namespace {

template <class T>
std::string reasonOf(const subdesk::Parsed<T>& result) {
  return result ? std::string() : result.error();
}

void requireReason(const subdesk::Parsed<BillingMonth>& result, const char* mentions) {
  BOOST_REQUIRE_MESSAGE(!result.has_value(), "accepted as " << (result ? result->toString() : ""));
  BOOST_TEST(!result.error().empty());
  BOOST_TEST(result.error().find(mentions) != std::string::npos, "reason: " << result.error());
}

}  // namespace

BOOST_AUTO_TEST_CASE(parses_iso_and_ukrainian_notation) {
  struct Row {
    const char* text;
    int year;
    unsigned month;
  };
  const Row rows[] = {
      {"2026-11", 2026, 11},   {"11.2026", 2026, 11},         {"2026-3", 2026, 3},
      {"3.2026", 2026, 3},     {"03.2026", 2026, 3},          {"2026-03", 2026, 3},
      {" 2026-11 ", 2026, 11}, {"\u00A011.2026\n", 2026, 11}, {"2000-01", 2000, 1},
      {"12.2100", 2100, 12},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT('"' << row.text << '"') {
      const auto month = BillingMonth::parse(row.text);
      BOOST_REQUIRE_MESSAGE(month.has_value(), reasonOf(month));
      BOOST_TEST(month->year() == row.year);
      BOOST_TEST(month->month() == row.month);
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_with_the_specific_reason) {
  const std::pair<const char*, const char*> rows[] = {
      {"", "Enter"},
      {"   ", "Enter"},
      {"2026-13", "no month 13"},
      {"13.2026", "no month 13"},
      {"2026-00", "no month 0"},
      {"0.2026", "no month 0"},
      {"1999-12", "between 2000 and 2100"},
      {"01.2101", "between 2000 and 2100"},
      {"0000-01", "between 2000 and 2100"},
      {"2026/11", "2026-11 or 11.2026"},
      {"2026-11-05", "2026-11 or 11.2026"},
      {"05.11.2026", "2026-11 or 11.2026"},
      {"26-11", "2026-11 or 11.2026"},
      {"11.26", "2026-11 or 11.2026"},
      {"20261-1", "2026-11 or 11.2026"},
      {"2026-111", "2026-11 or 11.2026"},
      {"2026-", "2026-11 or 11.2026"},
      {"-11", "2026-11 or 11.2026"},
      {"2026-1x", "2026-11 or 11.2026"},
      {"2026 - 11", "2026-11 or 11.2026"},
      {"+2026-11", "2026-11 or 11.2026"},
      {"2026-+1", "2026-11 or 11.2026"},
      {"202611", "2026-11 or 11.2026"},
      {"abc", "2026-11 or 11.2026"},
      {"November 2026", "2026-11 or 11.2026"},
      {"２０２６-11", "2026-11 or 11.2026"},
      {"'; DROP TABLE x; --", "2026-11 or 11.2026"},
  };
  for (const auto& [text, mentions] : rows) {
    BOOST_TEST_CONTEXT('"' << text << '"') { requireReason(BillingMonth::parse(text), mentions); }
  }
}

BOOST_AUTO_TEST_CASE(huge_input_is_refused) {
  requireReason(BillingMonth::parse(std::string(10'000, '1')), "2026-11 or 11.2026");
  requireReason(BillingMonth::parse(std::string(9'995, '2') + "-11"), "2026-11 or 11.2026");
  requireReason(BillingMonth::parse("2026-" + std::string(9'995, '1')), "2026-11 or 11.2026");
  requireReason(BillingMonth::parse(std::string(10'000, ' ')), "Enter");
}

BOOST_AUTO_TEST_CASE(prints_as_iso) {
  BOOST_TEST(BillingMonth::of(2026, 11).toString() == "2026-11");
  BOOST_TEST(BillingMonth::of(2026, 3).toString() == "2026-03");
  BOOST_TEST(BillingMonth::of(2000, 1).toString() == "2000-01");
  BOOST_TEST(BillingMonth::parse("3.2026").value().toString() == "2026-03");
}

BOOST_AUTO_TEST_CASE(knows_its_first_and_last_day) {
  struct Row {
    int year;
    unsigned month;
    unsigned lastDay;
  };
  const Row rows[] = {{2026, 11, 30}, {2026, 12, 31}, {2026, 1, 31}, {2026, 2, 28},
                      {2024, 2, 29},  {2000, 2, 29},  {2100, 2, 28}, {2026, 4, 30}};
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.year << "-" << row.month) {
      const auto m = BillingMonth::of(row.year, row.month);
      BOOST_TEST((m.firstDay() == year{row.year} / month{row.month} / day{1}));
      BOOST_TEST((m.lastDay() == year{row.year} / month{row.month} / day{row.lastDay}));
    }
  }
}

BOOST_AUTO_TEST_CASE(steps_across_years) {
  BOOST_TEST((BillingMonth::of(2026, 11).next() == BillingMonth::of(2026, 12)));
  BOOST_TEST((BillingMonth::of(2026, 12).next() == BillingMonth::of(2027, 1)));
  BOOST_TEST((BillingMonth::of(2027, 1).previous() == BillingMonth::of(2026, 12)));
  BOOST_TEST((BillingMonth::of(2026, 6).previous() == BillingMonth::of(2026, 5)));
  BOOST_CHECK_THROW(BillingMonth::of(2100, 12).next(), std::out_of_range);
  BOOST_CHECK_THROW(BillingMonth::of(2000, 1).previous(), std::out_of_range);
  auto m = BillingMonth::of(2000, 1);
  for (int i = 0; i < 101 * 12 - 1; ++i) m = m.next();
  BOOST_TEST((m == BillingMonth::of(2100, 12)));
}

BOOST_AUTO_TEST_CASE(finds_the_month_of_a_day) {
  BOOST_TEST((BillingMonth::containing(2026y / November / 30) == BillingMonth::of(2026, 11)));
  BOOST_TEST((BillingMonth::containing(2026y / January / 1) == BillingMonth::of(2026, 1)));
  BOOST_TEST((BillingMonth::containing(2024y / February / 29) == BillingMonth::of(2024, 2)));
  BOOST_CHECK_THROW(BillingMonth::containing(2026y / February / 30), std::out_of_range);
  BOOST_CHECK_THROW(BillingMonth::containing(1999y / December / 31), std::out_of_range);
  BOOST_CHECK_THROW(BillingMonth::containing(2101y / January / 1), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(refuses_to_build_months_outside_the_range) {
  BOOST_CHECK_THROW(BillingMonth::of(2026, 0), std::out_of_range);
  BOOST_CHECK_THROW(BillingMonth::of(2026, 13), std::out_of_range);
  BOOST_CHECK_THROW(BillingMonth::of(1999, 12), std::out_of_range);
  BOOST_CHECK_THROW(BillingMonth::of(2101, 1), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(orders_by_calendar) {
  const auto nov = BillingMonth::of(2026, 11);
  const auto dec = BillingMonth::of(2026, 12);
  const auto jan = BillingMonth::of(2027, 1);
  BOOST_TEST((nov < dec));
  BOOST_TEST((dec < jan));
  BOOST_TEST((BillingMonth::of(2026, 12) < BillingMonth::of(2027, 2)));
  BOOST_TEST((BillingMonth::of(2025, 12) < BillingMonth::of(2026, 1)));
  BOOST_TEST((nov == BillingMonth::parse("11.2026").value()));
  BOOST_TEST((nov != dec));
}
