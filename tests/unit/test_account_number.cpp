#define BOOST_TEST_MODULE account_number
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/domain/account_number.h"

using subdesk::AccountNumber;

namespace {

template <class T>
std::string reasonOf(const subdesk::Parsed<T>& result) {
  return result ? std::string() : result.error();
}

void requireReason(const subdesk::Parsed<AccountNumber>& result, const char* mentions) {
  BOOST_REQUIRE_MESSAGE(!result.has_value(), "accepted as " << (result ? result->digits() : ""));
  BOOST_TEST(!result.error().empty());
  BOOST_TEST(result.error().find(mentions) != std::string::npos, "reason: " << result.error());
}

}  // namespace

BOOST_AUTO_TEST_CASE(builds_numbers_from_serials) {
  // Check digits computed independently of the code under test.
  const std::pair<std::int64_t, const char*> rows[] = {
      {12345678, "123456782"}, {10000000, "100000009"}, {99999999, "999999998"},
      {55555555, "555555556"}, {31415926, "314159260"},
  };
  for (const auto& [serial, digits] : rows) {
    const auto number = AccountNumber::fromSerial(serial);
    BOOST_TEST(number.digits() == digits);
    BOOST_TEST(number.serial() == serial);
  }
}

BOOST_AUTO_TEST_CASE(refuses_serials_outside_the_range) {
  for (std::int64_t serial : {std::int64_t{-1}, std::int64_t{0}, std::int64_t{9'999'999},
                              std::int64_t{100'000'000}, INT64_MIN, INT64_MAX}) {
    BOOST_CHECK_THROW(AccountNumber::fromSerial(serial), std::out_of_range);
  }
}

BOOST_AUTO_TEST_CASE(every_built_number_parses_back) {
  for (std::int64_t serial = AccountNumber::kMinSerial; serial <= AccountNumber::kMaxSerial;
       serial += 7'919) {
    const auto built = AccountNumber::fromSerial(serial);
    const auto parsed = AccountNumber::parse(built.digits());
    BOOST_REQUIRE_MESSAGE(parsed.has_value(), built.digits() << ": " << reasonOf(parsed));
    BOOST_REQUIRE((*parsed == built));
  }
}

BOOST_AUTO_TEST_CASE(accepts_spaces_and_dashes) {
  for (const char* text : {"123456782", "123 456 782", "123-456-782", " 123456782\n",
                           "123\u00A0456\u202F782", "1 2 3 4 5 6 7 8 2"}) {
    BOOST_TEST_CONTEXT('"' << text << '"') {
      const auto number = AccountNumber::parse(text);
      BOOST_REQUIRE_MESSAGE(number.has_value(), reasonOf(number));
      BOOST_TEST(number->digits() == "123456782");
      BOOST_TEST(number->serial() == 12345678);
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_with_the_specific_reason) {
  const std::pair<const char*, const char*> rows[] = {
      {"", "Enter"},
      {"   ", "Enter"},
      {"--", "Enter"},
      {"12345678a", "\"a\""},
      {"12345678.2", "\".\""},
      {"№123456782", "\"№\""},
      {"'; DROP TABLE x; --", "\"'\""},
      {"12345678", "has 8"},
      {"1234567820", "has 10"},
      {"1", "has 1"},
      {"023456781", "never starts with 0"},
      {"000000000", "never starts with 0"},
      {"123456783", "typo"},
      {"123456780", "typo"},
      {"213456782", "typo"},  // swapped neighbours
      {"123546782", "typo"},
  };
  for (const auto& [text, mentions] : rows) {
    BOOST_TEST_CONTEXT('"' << text << '"') { requireReason(AccountNumber::parse(text), mentions); }
  }
}

BOOST_AUTO_TEST_CASE(a_typo_reason_does_not_reveal_the_check_digit) {
  const auto result = AccountNumber::parse("123456783");
  BOOST_REQUIRE(!result.has_value());
  BOOST_TEST(std::none_of(result.error().begin(), result.error().end(),
                          [](char c) { return c >= '0' && c <= '9'; }),
             result.error());
}

BOOST_AUTO_TEST_CASE(catches_every_single_wrong_digit) {
  const std::string valid = "123456782";
  for (std::size_t i = 0; i < valid.size(); ++i) {
    for (char d = '0'; d <= '9'; ++d) {
      if (d == valid[i]) continue;
      std::string typo = valid;
      typo[i] = d;
      BOOST_TEST(!AccountNumber::parse(typo).has_value(), typo);
    }
  }
}

BOOST_AUTO_TEST_CASE(huge_input_is_refused) {
  requireReason(AccountNumber::parse(std::string(10'000, '1')), "has 10000");
  requireReason(AccountNumber::parse(std::string(10'000, 'z')), "\"z\"");
  requireReason(AccountNumber::parse(std::string(10'000, ' ')), "Enter");
}

BOOST_AUTO_TEST_CASE(compares_by_number) {
  const auto a = AccountNumber::fromSerial(12345678);
  const auto b = AccountNumber::fromSerial(12345679);
  BOOST_TEST((a < b));
  BOOST_TEST((a == AccountNumber::parse("123 456 782").value()));
  BOOST_TEST((a != b));
}
