// Self-care password hashes: scrypt through OpenSSL's EVP_KDF, checked against RFC 7914's
// test vectors, the encoded form, a round trip and refusals.
#define BOOST_TEST_MODULE password_hash
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "core/security/password_hash.h"

using subdesk::security::PasswordHash;
using subdesk::security::ScryptParams;

namespace {
std::string hex(const std::vector<unsigned char>& bytes) {
  std::string out;
  char buf[3];
  for (unsigned char b : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    out += buf;
  }
  return out;
}
std::vector<unsigned char> bytes(const std::string& s) { return {s.begin(), s.end()}; }
}  // namespace

BOOST_AUTO_TEST_CASE(rfc7914_known_answers) {
  // RFC 7914, section 12, second and third vectors.
  BOOST_TEST(hex(PasswordHash::scrypt("password", bytes("NaCl"), 1024, 8, 16, 64)) ==
             "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
             "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
  BOOST_TEST(hex(PasswordHash::scrypt("pleaseletmein", bytes("SodiumChloride"), 16384, 8, 1, 64)) ==
             "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
             "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

BOOST_AUTO_TEST_CASE(hash_format_and_round_trip) {
  const std::string h = PasswordHash::hash("Соняшник-2024!");
  // $scrypt$ln=15,r=8,p=1$<22 base64 chars: 16 bytes>$<43 base64 chars: 32 bytes>
  BOOST_TEST(
      std::regex_match(h, std::regex(R"(\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43})")), h);
  BOOST_TEST(PasswordHash::verify("Соняшник-2024!", h));
  BOOST_TEST(!PasswordHash::verify("соняшник-2024!", h));
  BOOST_TEST(!PasswordHash::verify("", h));
  // The salt is random: the same password hashes differently each time, both verify.
  const std::string again = PasswordHash::hash("Соняшник-2024!");
  BOOST_TEST(again != h);
  BOOST_TEST(PasswordHash::verify("Соняшник-2024!", again));
}

BOOST_AUTO_TEST_CASE(stronger_parameters_are_kept_in_the_hash) {
  const std::string h = PasswordHash::hash("correct horse", ScryptParams{16, 8, 1});
  BOOST_TEST(h.rfind("$scrypt$ln=16,r=8,p=1$", 0) == 0u, h);
  BOOST_TEST(PasswordHash::verify("correct horse", h));
}

BOOST_AUTO_TEST_CASE(weak_or_malformed_hashes_are_refused) {
  BOOST_CHECK_THROW(PasswordHash::hash("x", ScryptParams{14, 8, 1}), std::invalid_argument);
  BOOST_CHECK_THROW(PasswordHash::hash("x", ScryptParams{15, 4, 1}), std::invalid_argument);
  const std::string h = PasswordHash::hash("secret words");
  std::string tampered = h;
  tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
  BOOST_TEST(!PasswordHash::verify("secret words", tampered));
  // Weaker parameters than the policy (ln=10) are not accepted even with a right key.
  std::string weak = h;
  weak.replace(weak.find("ln=15"), 5, "ln=10");
  BOOST_TEST(!PasswordHash::verify("secret words", weak));
  BOOST_TEST(!PasswordHash::verify("secret words", ""));
  BOOST_TEST(!PasswordHash::verify("secret words", "$2b$08$abcdefghijklmnopqrstuv"));
  BOOST_TEST(!PasswordHash::verify("secret words", "$scrypt$ln=15,r=8,p=1$%%%$abc"));
}
