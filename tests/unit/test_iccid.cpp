#define BOOST_TEST_MODULE iccid
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <utility>

#include "core/domain/iccid.h"

using subdesk::Iccid;

namespace {

// Check digits below were computed independently of the code under test.
constexpr const char* kValid20 = "89380012345678901237";
constexpr const char* kValid19 = "8938001234567890121";

template <class T>
std::string reasonOf(const subdesk::Parsed<T>& result) {
  return result ? std::string() : result.error();
}

void requireReason(const subdesk::Parsed<Iccid>& result, const char* mentions) {
  BOOST_REQUIRE_MESSAGE(!result.has_value(), "accepted as " << (result ? result->digits() : ""));
  BOOST_TEST(!result.error().empty());
  BOOST_TEST(result.error().find(mentions) != std::string::npos, "reason: " << result.error());
}

}  // namespace

BOOST_AUTO_TEST_CASE(computes_luhn_check_digits) {
  const std::pair<const char*, int> rows[] = {
      {"7992739871", 3},
      {"8938001234567890123", 7},
      {"893800123456789012", 1},
      {"8901260123456789012", 1},
      {"8948010000000000001", 5},
      {"12345678", 2},
      {"10000000", 9},
      {"0", 0},
      {"1", 8},
      {"411111111111111", 1},
  };
  for (const auto& [payload, check] : rows) {
    BOOST_TEST(Iccid::luhnCheckDigit(payload) == check, payload);
  }
  BOOST_CHECK_THROW(Iccid::luhnCheckDigit(""), std::invalid_argument);
  BOOST_CHECK_THROW(Iccid::luhnCheckDigit("12a4"), std::invalid_argument);
  BOOST_CHECK_THROW(Iccid::luhnCheckDigit("12 34"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(validates_luhn_numbers) {
  for (const char* good : {"79927398713", "4111111111111111", kValid20, kValid19, "00", "18"}) {
    BOOST_TEST(Iccid::luhnValid(good), good);
  }
  for (const char* bad :
       {"79927398710", "4111111111111112", "", "0", "7", "12a4", "4111 1111", "-18", "18\n"}) {
    BOOST_TEST(!Iccid::luhnValid(bad), '"' << bad << '"');
  }
}

BOOST_AUTO_TEST_CASE(luhn_catches_every_single_wrong_digit) {
  const std::string valid = kValid20;
  for (std::size_t i = 0; i < valid.size(); ++i) {
    for (char d = '0'; d <= '9'; ++d) {
      if (d == valid[i]) continue;
      std::string typo = valid;
      typo[i] = d;
      BOOST_TEST(!Iccid::luhnValid(typo), typo);
    }
  }
}

BOOST_AUTO_TEST_CASE(accepts_19_and_20_digits_with_separators) {
  const std::pair<const char*, const char*> rows[] = {
      {kValid20, kValid20},
      {kValid19, kValid19},
      {"8938 0012 3456 7890 1237", kValid20},
      {"8938-0012-3456-7890-1237", kValid20},
      {"  8938\u00A00012\u202F3456 7890 123 7\n", kValid20},
      {"89012601234567890121", "89012601234567890121"},  // not Ukrainian, still an ICCID
      {"89480100000000000015", "89480100000000000015"},
  };
  for (const auto& [text, digits] : rows) {
    BOOST_TEST_CONTEXT('"' << text << '"') {
      const auto iccid = Iccid::parse(text);
      BOOST_REQUIRE_MESSAGE(iccid.has_value(), reasonOf(iccid));
      BOOST_TEST(iccid->digits() == digits);
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_with_the_specific_reason) {
  const std::pair<const char*, const char*> rows[] = {
      {"", "Enter"},
      {"   ", "Enter"},
      {" - - ", "Enter"},
      {"8938001234567890123X", "\"X\""},
      {"8938001234567890123F", "\"F\""},
      {"8938.0012.3456.7890.1237", "\".\""},
      {"'; DROP TABLE x; --", "\"'\""},
      {"８９３８００１２３４５６７８９０１２３７", "\"８\""},
      {"79927398713", "has 11"},
      {"893800123456789012", "has 18"},
      {"893800123456789012371", "has 21"},
      {"12380012345678901237", "start with 89"},
      {"9938001234567890123", "start with 89"},
      {"89380012345678901238", "expected 7"},
      {"89380012345678901230", "expected 7"},
      {"8938001234567890122", "expected 1"},
      {"89380012345678901273", "check digit"},  // swapped neighbours
  };
  for (const auto& [text, mentions] : rows) {
    BOOST_TEST_CONTEXT('"' << text << '"') { requireReason(Iccid::parse(text), mentions); }
  }
}

BOOST_AUTO_TEST_CASE(the_check_digit_reason_is_the_full_sentence) {
  const auto result = Iccid::parse("89380012345678901238");
  BOOST_REQUIRE(!result.has_value());
  BOOST_TEST(result.error() == "The ICCID check digit is wrong: expected 7.");
}

BOOST_AUTO_TEST_CASE(huge_input_is_refused) {
  requireReason(Iccid::parse(std::string(10'000, '8')), "has 10000");
  requireReason(Iccid::parse(std::string(10'000, 'x')), "\"x\"");
  requireReason(Iccid::parse(std::string(10'000, ' ')), "Enter");
}

BOOST_AUTO_TEST_CASE(compares_by_digits) {
  const auto a = Iccid::parse(kValid20);
  const auto b = Iccid::parse("8938 0012 3456 7890 1237");
  const auto c = Iccid::parse(kValid19);
  BOOST_REQUIRE(a && b && c);
  BOOST_TEST((*a == *b));
  BOOST_TEST((*a != *c));
  BOOST_TEST((*c < *a));
}
