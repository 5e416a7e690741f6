#include "core/security/password_policy.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/util/i18n.h"

namespace subdesk::security {
namespace {

// Lower-cased passwords of at least 12 characters from public lists of the most common
// ones, plus obvious local variants. Shorter ones are refused by length anyway.
constexpr std::array<std::string_view, 40> kCommon = {
    "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111",
    "000000000000", "123123123123", "qwertyuiop12", "qwertyuiopas", "qwerty123456",
    "1q2w3e4r5t6y", "1qaz2wsx3edc", "passwordpassword", "password1234", "password123!",
    "iloveyou1234", "administrator", "admin1234567", "welcome12345", "letmein12345",
    "abc123456789", "abcdefghijkl", "qazwsxedcrfv", "zaq12wsxcde3", "asdfghjkl123",
    "changeme1234", "subdesk12345", "subdeskdesk1", "kyivstar1234", "vodafone1234",
    "lifecell1234", "ukraine12345", "ukraina12345", "slavaukraini", "slavaukraini1",
    "kyiv12345678", "kiev12345678", "parol1234567", "parolparol12", "0800300466000"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Counts code points, so a Cyrillic password is measured in letters, not bytes.
std::size_t length(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::optional<std::string> PasswordPolicy::check(std::string_view password, std::string_view login) {
  if (length(password) < kMinimumLength) {
    return format(tr("The password must be at least {0} characters long."), {std::to_string(kMinimumLength)});
  }
  const std::string lowered = lower(password);
  if (std::find(kCommon.begin(), kCommon.end(), lowered) != kCommon.end()) {
    return tr("This password is one of the most common ones; choose another.");
  }
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password.front(); })) {
    return tr("The password must not repeat one character.");
  }
  if (!login.empty() && lowered.find(lower(login)) != std::string::npos) {
    return tr("The password must not contain the login.");
  }
  return std::nullopt;
}

}  // namespace subdesk::security
