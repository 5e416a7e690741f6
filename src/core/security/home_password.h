#pragma once
// Home-internet passwords: made here, printed once (or sent once through the outbox),
// stored only as a hash that FreeRADIUS's PAP checks (radcheck Crypt-Password).
//
// The password: 12 characters from an alphabet without look-alikes (no 0/O/o, 1/l/I/i),
// each drawn from OpenSSL's RAND_bytes by rejection sampling (a byte is used only when
// it is below the largest multiple of the alphabet's size, so no character is likelier
// than another). 55 characters ^ 12 = about 69 bits.
//
// The hash: yescrypt ("$y$", libxcrypt's crypt_gensalt_rn/crypt_rn, salt from
// RAND_bytes), which FreeRADIUS 3.2 on Debian checks through the same libcrypt. A slow,
// memory-hard hash: a stolen radcheck table does not give the passwords away cheaply,
// unlike the salted single SHA-2 of SSHA2-512-Password.
#include <string>
#include <string_view>

namespace subdesk::security {

class HomePassword {
 public:
  static constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
  static constexpr std::size_t kLength = 12;

  // A fresh password. Throws std::runtime_error if OpenSSL has no entropy.
  static std::string generate();
  // The character a random byte gives, or '\0' when the byte must be rejected.
  static char fromRandomByte(unsigned char byte);

  // "$y$j9T$<salt>$<hash>", for radcheck's Crypt-Password.
  static std::string hash(const std::string& password);
  // Whether the password matches a crypt hash (what PAP does), for tests and checks.
  static bool verify(const std::string& password, const std::string& hash);
};

// A random idempotency key (UUID version 4 from RAND_bytes) for a money operation; the
// caller keeps it and sends the same key when it retries.
std::string newIdempotencyKey();

}  // namespace subdesk::security
