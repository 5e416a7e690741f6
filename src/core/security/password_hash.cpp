#include "core/security/password_hash.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <charconv>
#include <memory>
#include <optional>
#include <stdexcept>

namespace subdesk::security {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// scrypt needs 128 * r * N bytes (plus a little); more than this is refused, so a
// tampered hash cannot make the server allocate gigabytes.
constexpr std::uint64_t kMaxMemory = 512ull * 1024 * 1024;

std::string base64(const std::vector<unsigned char>& data) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char byte : data) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3F];
  return out;  // no '=' padding
}

std::optional<std::vector<unsigned char>> unbase64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::vector<unsigned char> out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const auto pos = kAlphabet.find(c);
    if (pos == std::string_view::npos) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

bool paramsAcceptable(const ScryptParams& p) {
  if (p.log2N < 15 || p.log2N > 22 || p.r < 8 || p.r > 32 || p.p < 1 || p.p > 16) return false;
  return 128ull * static_cast<std::uint64_t>(p.r) * (1ull << p.log2N) <= kMaxMemory;
}

// Reads an unsigned decimal "key=value" field at the start of text and moves past it.
std::optional<int> field(std::string_view& text, std::string_view key) {
  if (!text.starts_with(key) || text.size() <= key.size() || text[key.size()] != '=') return std::nullopt;
  text.remove_prefix(key.size() + 1);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

struct Decoded {
  ScryptParams params;
  std::vector<unsigned char> salt;
  std::vector<unsigned char> key;
};

std::optional<Decoded> decode(std::string_view s) {
  constexpr std::string_view prefix = "$scrypt$";
  if (!s.starts_with(prefix)) return std::nullopt;
  s.remove_prefix(prefix.size());
  Decoded d;
  auto ln = field(s, "ln");
  if (!ln || !s.starts_with(',')) return std::nullopt;
  s.remove_prefix(1);
  auto r = field(s, "r");
  if (!r || !s.starts_with(',')) return std::nullopt;
  s.remove_prefix(1);
  auto p = field(s, "p");
  if (!p || !s.starts_with('$')) return std::nullopt;
  s.remove_prefix(1);
  d.params = {*ln, *r, *p};
  const auto sep = s.find('$');
  if (sep == std::string_view::npos) return std::nullopt;
  auto salt = unbase64(s.substr(0, sep));
  auto key = unbase64(s.substr(sep + 1));
  if (!salt || !key || salt->size() < 16 || key->size() < 16 || key->size() > 64) return std::nullopt;
  d.salt = std::move(*salt);
  d.key = std::move(*key);
  return d;
}

}  // namespace

std::vector<unsigned char> PasswordHash::scrypt(std::string_view password,
                                                const std::vector<unsigned char>& salt, std::uint64_t N,
                                                std::uint32_t r, std::uint32_t p, std::size_t keyBytes) {
  std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr),
                                                        EVP_KDF_free);
  if (!kdf) throw std::runtime_error("OpenSSL has no SCRYPT key derivation");
  std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()), EVP_KDF_CTX_free);
  if (!ctx) throw std::runtime_error("EVP_KDF_CTX_new failed");
  std::uint64_t maxMemory = kMaxMemory + 1024 * 1024;
  // OpenSSL only reads these buffers; its API takes them as void*.
  OSSL_PARAM params[] = {OSSL_PARAM_construct_octet_string(
                             OSSL_KDF_PARAM_PASSWORD, const_cast<char*>(password.data()), password.size()),
                         OSSL_PARAM_construct_octet_string(
                             OSSL_KDF_PARAM_SALT, const_cast<unsigned char*>(salt.data()), salt.size()),
                         OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &N),
                         OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
                         OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
                         OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
                         OSSL_PARAM_construct_end()};
  std::vector<unsigned char> key(keyBytes);
  if (EVP_KDF_derive(ctx.get(), key.data(), key.size(), params) != 1) {
    throw std::runtime_error("scrypt key derivation failed");
  }
  return key;
}

std::string PasswordHash::hash(std::string_view password, ScryptParams params) {
  if (!paramsAcceptable(params))
    throw std::invalid_argument("scrypt parameters below ln=15, r=8, p=1 or too large");
  std::vector<unsigned char> salt(kSaltBytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
    throw std::runtime_error("RAND_bytes failed");
  const auto key = scrypt(password, salt, 1ull << params.log2N, static_cast<std::uint32_t>(params.r),
                          static_cast<std::uint32_t>(params.p), kKeyBytes);
  return "$scrypt$ln=" + std::to_string(params.log2N) + ",r=" + std::to_string(params.r) +
         ",p=" + std::to_string(params.p) + "$" + base64(salt) + "$" + base64(key);
}

bool PasswordHash::verify(std::string_view password, std::string_view encoded) {
  const auto d = decode(encoded);
  if (!d || !paramsAcceptable(d->params)) return false;
  std::vector<unsigned char> key;
  try {
    key = scrypt(password, d->salt, 1ull << d->params.log2N, static_cast<std::uint32_t>(d->params.r),
                 static_cast<std::uint32_t>(d->params.p), d->key.size());
  } catch (const std::runtime_error&) {
    return false;
  }
  const bool same = CRYPTO_memcmp(key.data(), d->key.data(), key.size()) == 0;
  OPENSSL_cleanse(key.data(), key.size());
  return same;
}

}  // namespace subdesk::security
