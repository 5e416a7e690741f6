// Home-internet passwords: the alphabet without look-alikes, no modulo bias, and a
// yescrypt hash that verifies only the right password.
#define BOOST_TEST_MODULE home_password
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "core/security/home_password.h"

using subdesk::security::HomePassword;

BOOST_AUTO_TEST_CASE(alphabet_has_no_look_alikes) {
  for (char c : std::string("0O1lIio")) BOOST_TEST(HomePassword::kAlphabet.find(c) == std::string::npos, c);
  BOOST_TEST(HomePassword::kAlphabet.size() == 55u);
  BOOST_TEST(std::set<char>(HomePassword::kAlphabet.begin(), HomePassword::kAlphabet.end()).size() == 55u);
}

BOOST_AUTO_TEST_CASE(bytes_above_the_last_full_round_are_rejected) {
  // 256 = 4 * 55 + 36: bytes 220..255 would favour the first 36 characters.
  BOOST_TEST(HomePassword::fromRandomByte(0) == 'A');
  BOOST_TEST(HomePassword::fromRandomByte(54) == '9');
  BOOST_TEST(HomePassword::fromRandomByte(55) == 'A');
  BOOST_TEST(HomePassword::fromRandomByte(219) == '9');
  BOOST_TEST(HomePassword::fromRandomByte(220) == '\0');
  BOOST_TEST(HomePassword::fromRandomByte(255) == '\0');
  std::map<char, int> hits;
  for (int b = 0; b < 256; ++b)
    if (char c = HomePassword::fromRandomByte(static_cast<unsigned char>(b))) ++hits[c];
  for (const auto& [c, n] : hits) BOOST_TEST(n == 4, c);
}

BOOST_AUTO_TEST_CASE(generated_passwords_are_long_random_and_from_the_alphabet) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto p = HomePassword::generate();
    BOOST_TEST(p.size() == HomePassword::kLength);
    BOOST_TEST(p.find_first_not_of(HomePassword::kAlphabet) == std::string::npos, p);
    seen.insert(p);
  }
  BOOST_TEST(seen.size() == 200u);
}

BOOST_AUTO_TEST_CASE(the_hash_is_yescrypt_and_verifies_only_the_password) {
  const auto p = HomePassword::generate();
  const auto h = HomePassword::hash(p);
  BOOST_TEST(h.rfind("$y$", 0) == 0, h);
  BOOST_TEST(h.find(p) == std::string::npos);
  BOOST_TEST(HomePassword::verify(p, h));
  BOOST_TEST(!HomePassword::verify(p + "a", h));
  BOOST_TEST(HomePassword::hash(p) != h);  // a fresh salt each time
}
