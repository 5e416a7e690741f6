#pragma once
// Self-care passwords as a memory-hard scrypt hash (RFC 7914) computed with OpenSSL's
// EVP_KDF "SCRYPT", encoded as
//     $scrypt$ln=15,r=8,p=1$<base64 salt>$<base64 key>
// (N = 2^ln; standard base64 without '=' padding; 16-byte random salt, 32-byte key).
// The database stores the text and never sees the password (migration 0016).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace subdesk::security {

struct ScryptParams {
  int log2N = 15;  // N = 32768: 32 MiB of memory with r = 8
  int r = 8;
  int p = 1;
};

class PasswordHash {
 public:
  static constexpr std::size_t kSaltBytes = 16;
  static constexpr std::size_t kKeyBytes = 32;

  // A new hash of the password with a fresh random salt. Throws std::runtime_error when
  // OpenSSL fails, std::invalid_argument for parameters below the minimum (ln 15, r 8,
  // p 1) or absurdly large.
  static std::string hash(std::string_view password, ScryptParams params = {});

  // Whether the password matches the encoded hash (constant-time comparison of the keys).
  // False for a malformed hash or one with parameters outside the accepted bounds.
  static bool verify(std::string_view password, std::string_view encoded);

  // Raw scrypt through the same EVP_KDF path (for the RFC 7914 known-answer test).
  // N is the cost itself (a power of two), not its logarithm.
  static std::vector<unsigned char> scrypt(std::string_view password, const std::vector<unsigned char>& salt,
                                           std::uint64_t N, std::uint32_t r, std::uint32_t p,
                                           std::size_t keyBytes);
};

}  // namespace subdesk::security
