#define BOOST_TEST_MODULE msisdn
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "core/domain/msisdn.h"

using subdesk::Msisdn;

namespace {

// The reason of a refusal, or "" for an accepted value: reading error() of an accepted
// value is undefined, and a failure message is built whenever the log level asks for it.
template <class T>
std::string reasonOf(const subdesk::Parsed<T>& result) {
  return result ? std::string() : result.error();
}

void requireReason(const subdesk::Parsed<Msisdn>& result, const char* mentions) {
  BOOST_REQUIRE_MESSAGE(!result.has_value(), "accepted as " << (result ? result->e164() : ""));
  BOOST_TEST(!result.error().empty());
  BOOST_TEST(result.error().find(mentions) != std::string::npos, "reason: " << result.error());
}

}  // namespace

BOOST_AUTO_TEST_CASE(accepts_every_common_notation_of_one_number) {
  const char* notations[] = {
      "067 123 45 67",
      "(067) 123-45-67",
      "0671234567",
      "067-123-45-67",
      "067.123.45.67",
      "380671234567",
      "+380671234567",
      "+380 67 123 45 67",
      "380 67 123 45 67",
      "+38 067 123 45 67",
      "38 (067) 123-45-67",
      "+380 (67) 123-45-67",
      "00380671234567",
      "00 380 67 123 45 67",
      "8 067 123 45 67",
      "80671234567",
      "8 (067) 123-45-67",
      "67 123 45 67",
      "671234567",
      "  067 123 45 67  ",
      "\u00A0+380\u00A067\u202F123\u202F45\u202F67\n",
      "+380 (0)67 123 45 67",
      "+380 067 123 45 67",
      "3800671234567",
  };
  for (const char* text : notations) {
    BOOST_TEST_CONTEXT('"' << text << '"') {
      const auto number = Msisdn::parse(text);
      BOOST_REQUIRE_MESSAGE(number.has_value(), reasonOf(number));
      BOOST_TEST(number->e164() == "+380671234567");
      BOOST_TEST(number->national() == "067 123 45 67");
    }
  }
}

BOOST_AUTO_TEST_CASE(accepts_every_ukrainian_mobile_code) {
  const char* codes[] = {"39", "50", "63", "66", "67", "68", "73", "91",
                         "92", "93", "94", "95", "96", "97", "98", "99"};
  for (const char* code : codes) {
    BOOST_TEST_CONTEXT("0" << code) {
      const std::string national = std::string("0") + code + " 765 43 21";
      const auto number = Msisdn::parse(national);
      BOOST_REQUIRE_MESSAGE(number.has_value(), reasonOf(number));
      BOOST_TEST(number->e164() == std::string("+380") + code + "7654321");
      BOOST_TEST(number->national() == national);
      BOOST_TEST(number->international() == std::string("+380 ") + code + " 765 4321");
      const auto again = Msisdn::parse(number->e164());
      BOOST_REQUIRE(again.has_value());
      BOOST_TEST((*again == *number));
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_with_the_specific_reason) {
  struct Bad {
    const char* text;
    const char* mentions;
  };
  const Bad bad[] = {
      {"", "Enter"},
      {"   ", "Enter"},
      {"\u00A0\t", "Enter"},
      {"+", "no digits"},
      {"()-", "no digits"},
      {"abc", "\"a\""},
      {"067 ABC 45 67", "\"A\""},
      {"067 123 45 67 ext 5", "\"e\""},
      {"067 123 45 67;", "\";\""},
      {"067/123/45/67", "\"/\""},
      {"tel:+380671234567", "\"t\""},
      {"'; DROP TABLE x; --", "\"'\""},
      {"067\0011234567", "U+0001"},
      {"++380671234567", "\"+\""},
      {"067+1234567", "\"+\""},
      {"+48 601 234 567", "+48"},
      {"0048 601 234 567", "+48"},
      {"+1 202 555 0123", "+1)"},
      {"+44 20 7946 0958", "+44"},
      {"+0671234567", "country code"},
      {"044 123 45 67", "landline"},
      {"+380 44 123 45 67", "landline"},
      {"0 800 300 466", "service number"},
      {"112", "emergency"},
      {"101", "emergency"},
      {"102", "emergency"},
      {"103", "emergency"},
      {"104", "emergency"},
      {"1 1 2", "emergency"},
      {"100", "too short"},
      {"12345", "too short"},
      {"067 123 45 6", "too short"},
      {"+380 67 123 45", "too short"},
      {"380", "too short"},
      {"067 123 45 678", "too long"},
      {"+380 67 123 45 678", "too long"},
      {"48601234567", "too long"},
      {"+380 067 123 45 6", "too short"},
      {"+380 067 123 45 678", "too long"},
      {"+380 10 123 45 67", "code 010"},
      {"070 123 45 67", "code 070"},
  };
  for (const auto& [text, mentions] : bad) {
    BOOST_TEST_CONTEXT('"' << text << '"') { requireReason(Msisdn::parse(text), mentions); }
  }
}

BOOST_AUTO_TEST_CASE(names_the_emergency_number_in_the_reason) {
  requireReason(Msisdn::parse("112"), "112 is an emergency number");
}

BOOST_AUTO_TEST_CASE(huge_input_is_refused_quickly) {
  requireReason(Msisdn::parse(std::string(10'000, '0')), "too long");
  requireReason(Msisdn::parse(std::string(10'000, 'x')), "too long");
  requireReason(Msisdn::parse("+380" + std::string(9'996, '6')), "too long");
  requireReason(Msisdn::parse(std::string(10'000, ' ')), "Enter");
  requireReason(Msisdn::parse(std::string(5'000, '-') + "0671234567"), "too long");
  // Surrounding spaces are trimmed before the length is judged.
  const auto padded =
      Msisdn::parse(std::string(5'000, ' ') + "0671234567" + std::string(5'000, ' '));
  BOOST_REQUIRE_MESSAGE(padded.has_value(), reasonOf(padded));
  BOOST_TEST(padded->e164() == "+380671234567");
}

BOOST_AUTO_TEST_CASE(knows_the_emergency_short_numbers) {
  for (const char* digits : {"101", "102", "103", "104", "112"}) {
    BOOST_TEST(Msisdn::isEmergencyShortNumber(digits), digits);
  }
  for (const char* digits : {"", "1", "100", "105", "111", "1120", "0112", " 112", "+112",
                             "+380671234567", "0671234567"}) {
    BOOST_TEST(!Msisdn::isEmergencyShortNumber(digits), '"' << digits << '"');
  }
}

BOOST_AUTO_TEST_CASE(compares_by_number) {
  const auto a = Msisdn::parse("067 123 45 67");
  const auto b = Msisdn::parse("+380671234567");
  const auto c = Msisdn::parse("050 123 45 67");
  BOOST_REQUIRE(a && b && c);
  BOOST_TEST((*a == *b));
  BOOST_TEST((*c < *a));
  BOOST_TEST((*a != *c));
}

BOOST_AUTO_TEST_CASE(parses_concurrently) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 2'000; ++i) {
        const std::string text = "+38067" + std::to_string(1'000'000 + i * 7 + t);
        const auto number = Msisdn::parse(text);
        if (!number || number->e164() != text || Msisdn::parse("044 123 45 67")) ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  BOOST_TEST(std::count(failures.begin(), failures.end(), 0) == 4);
}
