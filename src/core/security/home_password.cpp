#include "core/security/home_password.h"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <cstdio>
#include <stdexcept>

namespace subdesk::security {

namespace {
void randomBytes(unsigned char* out, int n) {
  if (RAND_bytes(out, n) != 1) throw std::runtime_error("RAND_bytes failed: no password can be made");
}
}  // namespace

char HomePassword::fromRandomByte(unsigned char byte) {
  const unsigned limit = 256 / kAlphabet.size() * kAlphabet.size();  // 220 for 55 characters
  if (byte >= limit) return '\0';
  return kAlphabet[byte % kAlphabet.size()];
}

std::string HomePassword::generate() {
  std::string out;
  out.reserve(kLength);
  while (out.size() < kLength) {
    std::array<unsigned char, 16> bytes{};
    randomBytes(bytes.data(), static_cast<int>(bytes.size()));
    for (unsigned char b : bytes) {
      if (out.size() == kLength) break;
      if (const char c = fromRandomByte(b)) out.push_back(c);
    }
    OPENSSL_cleanse(bytes.data(), bytes.size());
  }
  return out;
}

std::string HomePassword::hash(const std::string& password) {
  std::array<unsigned char, 32> entropy{};
  randomBytes(entropy.data(), static_cast<int>(entropy.size()));
  std::array<char, CRYPT_GENSALT_OUTPUT_SIZE> setting{};
  if (!crypt_gensalt_rn("$y$", 0, reinterpret_cast<const char*>(entropy.data()), static_cast<int>(entropy.size()),
                        setting.data(), static_cast<int>(setting.size()))) {
    throw std::runtime_error("crypt_gensalt_rn failed: yescrypt is not available");
  }
  crypt_data data{};
  const char* out = crypt_rn(password.c_str(), setting.data(), &data, sizeof data);
  if (!out || out[0] == '*') throw std::runtime_error("crypt_rn failed: the password cannot be hashed");
  std::string result(out);
  OPENSSL_cleanse(&data, sizeof data);
  return result;
}

bool HomePassword::verify(const std::string& password, const std::string& hash) {
  crypt_data data{};
  const char* out = crypt_rn(password.c_str(), hash.c_str(), &data, sizeof data);
  const bool ok = out && out[0] != '*' && std::string_view(out).size() == hash.size() &&
                  CRYPTO_memcmp(out, hash.data(), hash.size()) == 0;
  OPENSSL_cleanse(&data, sizeof data);
  return ok;
}

std::string newIdempotencyKey() {
  std::array<unsigned char, 16> b{};
  randomBytes(b.data(), static_cast<int>(b.size()));
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  char text[37];
  std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return text;
}

}  // namespace subdesk::security
