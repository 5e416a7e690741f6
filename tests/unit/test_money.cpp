#define BOOST_TEST_MODULE money
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/domain/money.h"
#include "core/util/i18n.h"

using subdesk::Language;
using subdesk::Money;

namespace {

// The reason of a refusal, or "" for an accepted value: reading error() of an accepted
// value is undefined, and a failure message is built whenever the log level asks for it.
template <class T>
std::string reasonOf(const subdesk::Parsed<T>& result) {
  return result ? std::string() : result.error();
}

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr Language kBoth[] = {Language::Uk, Language::En};

const char* name(Language l) { return l == Language::Uk ? "uk" : "en"; }

struct Good {
  const char* text;
  std::int64_t kopecks;
};

// Read the same in both languages.
const Good kGood[] = {
    {"1 234,56", 123456},
    {"1234.56", 123456},
    {"1234", 123400},
    {"12,5", 1250},
    {"12.5", 1250},
    {"-5,00", -500},
    {"+7", 700},
    {"1 234,56 грн", 123456},
    {"1 234,56 грн.", 123456},
    {"1 234,56грн", 123456},
    {"-1 234,56 грн", -123456},
    {"1 234,56 Грн", 123456},
    {"1 234,56 ГРН", 123456},
    {"UAH 1,234.56", 123456},
    {"-UAH 1,234.56", -123456},
    {"UAH -1,234.56", -123456},
    {"uah 10", 1000},
    {"10 UAH", 1000},
    {"₴ 10", 1000},
    {"10₴", 1000},
    {"грн 10", 1000},
    {"1,234.56", 123456},
    {"1.234,56", 123456},
    {"1\u00A0234,56", 123456},
    {"1\u202F234,56\u00A0грн", 123456},
    {"1\u2009234,56", 123456},
    {"  12,34  ", 1234},
    {"12,34\n", 1234},
    {"\u22125", -500},
    {"- 5", -500},
    {"0", 0},
    {"-0", 0},
    {"0,01", 1},
    {"0.1", 10},
    {",5", 50},
    {".05", 5},
    {"007", 700},
    {"1,06", 106},
    {"5.31", 531},
    {"1 234 567,89", 123456789},
    {"1  234", 123400},  // a doubled space is still one separator
    {"1,234,567.89", 123456789},
    {"1.234.567,89", 123456789},
    {"1,234,567", 123456700},
    {"1.234.567", 123456700},
    {"1 234.567,89", 123456789},
    {"1 000 000", 100000000},
    {"92233720368547758,07", kMax},
    {"-92 233 720 368 547 758,08", kMin},
};

struct Bad {
  const char* text;
  const char* mentions;  // a fragment the reason must contain, or "" for any reason
};

const Bad kBad[] = {
    {"", "Enter"},
    {"   ", "Enter"},
    {"\u00A0\u202F", "Enter"},
    {"abc", "\"a\""},
    {"12abc", "\"a\""},
    {"12 гривень", "\"г\""},
    {"1e5", "\"e\""},
    {"0x10", "\"x\""},
    {"inf", "\"i\""},
    {"NaN", "\"N\""},
    {"5 $", "\"$\""},
    {"12.5%", "\"%\""},
    {"12\t\x01", ""},
    {"\xFF\xFE", "\uFFFD"},
    {"'; DROP TABLE x; --", "\"'\""},
    {"1,2345", "two digits"},
    {"1.234,567", "two digits"},
    {"1,234.567", "two digits"},
    {"0,001", "two digits"},
    {"12,", "missing after"},
    {"12.", "missing after"},
    {"1,2,3", "grouped"},
    {"1,234,56", "grouped"},
    {"1.234.56", "grouped"},
    {"12 34", "grouped"},
    {"1234 567", "grouped"},
    {"1 234 ,56", "grouped"},
    {"1,,234", "grouped"},
    {"12.34.56,78", "grouped"},
    {"1,2 3", "grouped"},
    {"1.234.567,89.5", "more than one decimal"},
    {"--5", "more than one sign"},
    {"+-5", "more than one sign"},
    {"- -5", "more than one sign"},
    {"-UAH -5", "more than one sign"},
    {"-5-", "more than one sign"},
    {"5-", "before the amount"},
    {"5-3", "before the amount"},
    {"UAH 5 грн", "currency more than once"},
    {"₴ 5 ₴", "currency more than once"},
    {"грн", "no digits"},
    {"-", "no digits"},
    {"UAH", "no digits"},
    {",", "no digits"},
    {"92233720368547758,08", "too large"},
    {"-92233720368547758,09", "too large"},
    {"99999999999999999999", "too large"},
};

void requireReason(const subdesk::Parsed<Money>& result, const char* mentions) {
  BOOST_REQUIRE(!result.has_value());
  BOOST_TEST(!result.error().empty());
  BOOST_TEST(result.error().find(mentions) != std::string::npos, "reason: " << result.error());
}

}  // namespace

BOOST_AUTO_TEST_CASE(parses_every_accepted_notation_in_both_languages) {
  for (auto language : kBoth) {
    for (const auto& [text, kopecks] : kGood) {
      BOOST_TEST_CONTEXT(name(language) << " \"" << text << "\"") {
        const auto money = Money::parse(text, language);
        BOOST_REQUIRE_MESSAGE(money.has_value(), reasonOf(money));
        BOOST_TEST(money->kopecks() == kopecks);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_bad_input_with_a_specific_reason) {
  for (auto language : kBoth) {
    for (const auto& [text, mentions] : kBad) {
      BOOST_TEST_CONTEXT(name(language) << " \"" << text << "\"") {
        requireReason(Money::parse(text, language), mentions);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_lone_separator_before_three_digits_follows_the_language) {
  BOOST_TEST(Money::parse("1,234", Language::En).value().kopecks() == 123400);
  requireReason(Money::parse("1,234", Language::Uk), "two digits");
  BOOST_TEST(Money::parse("1.234", Language::Uk).value().kopecks() == 123400);
  requireReason(Money::parse("1.234", Language::En), "two digits");
  BOOST_TEST(Money::parse("-12,345 UAH", Language::En).value().kopecks() == -1234500);
  // Not three digits: always the decimal separator.
  for (auto language : kBoth) {
    BOOST_TEST(Money::parse("1,23", language).value().kopecks() == 123);
    BOOST_TEST(Money::parse("1.2", language).value().kopecks() == 120);
  }
}

BOOST_AUTO_TEST_CASE(huge_input_is_refused_not_crashed_on) {
  for (auto language : kBoth) {
    requireReason(Money::parse(std::string(10'000, '1'), language), "too large");
    requireReason(Money::parse(std::string(10'000, 'a'), language), "\"a\"");
    requireReason(Money::parse(std::string(10'000, ' '), language), "Enter");
    requireReason(Money::parse(std::string(10'000, '-') + "5", language), "sign");
    std::string grouped = "1";
    for (int i = 0; i < 2'500; ++i) grouped += " 000";
    requireReason(Money::parse(grouped, language), "too large");
  }
}

BOOST_AUTO_TEST_CASE(formats_in_each_language) {
  struct Row {
    std::int64_t kopecks;
    const char* uk;
    const char* en;
  };
  const Row rows[] = {
      {0, "0,00 грн", "UAH 0.00"},
      {1, "0,01 грн", "UAH 0.01"},
      {-1, "-0,01 грн", "-UAH 0.01"},
      {106, "1,06 грн", "UAH 1.06"},
      {531, "5,31 грн", "UAH 5.31"},
      {99999, "999,99 грн", "UAH 999.99"},
      {100000, "1 000,00 грн", "UAH 1,000.00"},
      {123456, "1 234,56 грн", "UAH 1,234.56"},
      {-123456, "-1 234,56 грн", "-UAH 1,234.56"},
      {123456789, "1 234 567,89 грн", "UAH 1,234,567.89"},
      {-100000000, "-1 000 000,00 грн", "-UAH 1,000,000.00"},
      {kMax, "92 233 720 368 547 758,07 грн", "UAH 92,233,720,368,547,758.07"},
      {kMin, "-92 233 720 368 547 758,08 грн", "-UAH 92,233,720,368,547,758.08"},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.kopecks) {
      BOOST_TEST(Money::fromKopecks(row.kopecks).format(Language::Uk) == row.uk);
      BOOST_TEST(Money::fromKopecks(row.kopecks).format(Language::En) == row.en);
    }
  }
}

BOOST_AUTO_TEST_CASE(what_is_formatted_parses_back_in_either_language) {
  std::vector<std::int64_t> values = {0,    1,      -1,   99,   100,      999,
                                      1000, 123456, kMax, kMin, kMax - 1, kMin + 1};
  for (std::int64_t v = 7; v < kMax / 13; v *= 13) {
    values.push_back(v);
    values.push_back(-v);
  }
  for (auto v : values) {
    for (auto formattedIn : kBoth) {
      const std::string text = Money::fromKopecks(v).format(formattedIn);
      for (auto readIn : kBoth) {
        BOOST_TEST_CONTEXT(text << " read in " << name(readIn)) {
          const auto back = Money::parse(text, readIn);
          BOOST_REQUIRE_MESSAGE(back.has_value(), reasonOf(back));
          BOOST_TEST(back->kopecks() == v);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(arithmetic_and_comparison) {
  const auto a = Money::fromKopecks(531);
  const auto b = Money::fromKopecks(106);
  BOOST_TEST((a + b).kopecks() == 637);
  BOOST_TEST((a - b).kopecks() == 425);
  BOOST_TEST((b - a).kopecks() == -425);
  BOOST_TEST((-a).kopecks() == -531);
  BOOST_TEST(Money().kopecks() == 0);
  auto c = a;
  c += b;
  BOOST_TEST(c.kopecks() == 637);
  c -= a;
  BOOST_TEST((c == b));
  BOOST_TEST((b < a));
  BOOST_TEST((a > b));
  BOOST_TEST((-a < b));
  BOOST_TEST((a != b));
  BOOST_TEST((a <= Money::fromKopecks(531)));
  std::vector<Money> sorted = {a, -a, b, Money()};
  std::sort(sorted.begin(), sorted.end());
  BOOST_TEST(sorted.front().kopecks() == -531);
  BOOST_TEST(sorted.back().kopecks() == 531);
}

BOOST_AUTO_TEST_CASE(arithmetic_throws_instead_of_wrapping) {
  const auto max = Money::fromKopecks(kMax);
  const auto min = Money::fromKopecks(kMin);
  const auto one = Money::fromKopecks(1);
  BOOST_CHECK_THROW(max + one, std::overflow_error);
  BOOST_CHECK_THROW(min - one, std::overflow_error);
  BOOST_CHECK_THROW(min + (-one), std::overflow_error);
  BOOST_CHECK_THROW(one - min, std::overflow_error);
  BOOST_CHECK_THROW(-min, std::overflow_error);
  auto m = max;
  BOOST_CHECK_THROW(m += one, std::overflow_error);
  BOOST_TEST(m.kopecks() == kMax);  // unchanged after the failed addition
  BOOST_TEST((max + min).kopecks() == -1);
  BOOST_TEST((-max).kopecks() == kMin + 1);
}

BOOST_AUTO_TEST_CASE(reasons_go_through_the_translation_hook) {
  subdesk::setTranslator([](const char* msgid) { return std::string("[t] ") + msgid; });
  const auto result = Money::parse("abc", Language::Uk);
  subdesk::setTranslator({});
  BOOST_REQUIRE(!result.has_value());
  BOOST_TEST(result.error().starts_with("[t] The amount contains \"a\""), result.error());
}
