#pragma once
// The staff password policy, checked before a login role is created or its password
// changed: at least 12 characters, not a well-known password, not the login itself.
#include <optional>
#include <string>
#include <string_view>

namespace subdesk::security {

class PasswordPolicy {
 public:
  static constexpr std::size_t kMinimumLength = 12;
  // The reason the password is refused (translated), or nullopt when it is acceptable.
  static std::optional<std::string> check(std::string_view password, std::string_view login = {});
};

}  // namespace subdesk::security
