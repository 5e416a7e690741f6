// One-time codes: six digits, uniform (rejection sampling instead of a biased modulo),
// and the parsing of a code read back by a caller.
#define BOOST_TEST_MODULE one_time_code
#include <boost/test/unit_test.hpp>

#include <array>
#include <set>
#include <string>

#include "core/security/one_time_code.h"

using subdesk::security::OneTimeCode;

BOOST_AUTO_TEST_CASE(generated_codes_are_six_digits_and_vary) {
  std::set<std::string> seen;
  std::array<int, 10> firstDigit{};
  for (int i = 0; i < 2000; ++i) {
    const std::string code = OneTimeCode::generate();
    BOOST_TEST_REQUIRE(code.size() == 6u);
    for (char c : code) BOOST_TEST_REQUIRE((c >= '0' && c <= '9'));
    seen.insert(code);
    ++firstDigit[code[0] - '0'];
  }
  // 2000 draws from a million: a repeat or two is possible, hundreds are not.
  BOOST_TEST(seen.size() > 1990u);
  // Every leading digit shows up (each has probability 1/10; 0 included: codes keep
  // their leading zeros).
  for (int d = 0; d < 10; ++d) BOOST_TEST(firstDigit[d] > 100, "digit " << d << ": " << firstDigit[d]);
}

BOOST_AUTO_TEST_CASE(rejection_sampling_boundary) {
  // 4,294,000,000 = 4294 * 10^6 is the first rejected word; below it every code has
  // exactly 4294 words mapping to it.
  BOOST_TEST(OneTimeCode::kRejectFrom == 4294000000u);
  BOOST_TEST(OneTimeCode::fromRandomWord(0).value() == "000000");
  BOOST_TEST(OneTimeCode::fromRandomWord(42).value() == "000042");
  BOOST_TEST(OneTimeCode::fromRandomWord(999999).value() == "999999");
  BOOST_TEST(OneTimeCode::fromRandomWord(1000000).value() == "000000");
  BOOST_TEST(OneTimeCode::fromRandomWord(4293999999u).value() == "999999");
  BOOST_TEST(!OneTimeCode::fromRandomWord(4294000000u).has_value());
  BOOST_TEST(!OneTimeCode::fromRandomWord(4294967295u).has_value());
  // Without rejection, 967,296 words above the boundary would make codes 000000..967295
  // one word likelier than the rest: the rejected range is exactly those words.
  BOOST_TEST(0xFFFFFFFFull + 1 - OneTimeCode::kRejectFrom == 967296u);
}

BOOST_AUTO_TEST_CASE(parsing_a_code_read_back) {
  BOOST_TEST(OneTimeCode::parse("482915").value() == "482915");
  BOOST_TEST(OneTimeCode::parse(" 482 915 ").value() == "482915");
  BOOST_TEST(OneTimeCode::parse("482-915").value() == "482915");
  BOOST_TEST(OneTimeCode::parse("012345").value() == "012345");
  BOOST_TEST(!OneTimeCode::parse("").has_value());
  BOOST_TEST(OneTimeCode::parse("48291").error().find("5") != std::string::npos);
  BOOST_TEST(OneTimeCode::parse("4829150").error().find("7") != std::string::npos);
  BOOST_TEST(OneTimeCode::parse("48291O").error().find("\"O\"") != std::string::npos);
}
