#define BOOST_TEST_MODULE password_policy
#include <boost/test/unit_test.hpp>

#include "core/security/password_policy.h"

using subdesk::security::PasswordPolicy;

BOOST_AUTO_TEST_CASE(accepts_long_uncommon_passwords) {
  BOOST_TEST(!PasswordPolicy::check("Correct-Horse-42", "o.shevchenko"));
  BOOST_TEST(!PasswordPolicy::check("Київ-Хрещатик-1", "agent"));  // 15 letters, Cyrillic counted as letters
}

BOOST_AUTO_TEST_CASE(refuses_short_common_repetitive_and_login_passwords) {
  const struct {
    const char* password;
    const char* login;
    const char* why;
  } refused[] = {
      {"", "x", "empty"},
      {"Short-pass1", "x", "11 characters"},
      {"Пароль-1234", "x", "11 Cyrillic code points are 20 bytes"},
      {"123456789012", "x", "common"},
      {"QwErTy123456", "x", "common, whatever the case"},
      {"aaaaaaaaaaaaaaaa", "x", "one repeated character"},
      {"o.shevchenko-2026", "o.shevchenko", "contains the login"},
  };
  for (const auto& r : refused) {
    BOOST_TEST_INFO(r.why);
    auto reason = PasswordPolicy::check(r.password, r.login);
    BOOST_TEST_REQUIRE(reason.has_value());
    BOOST_TEST(!reason->empty());
  }
  BOOST_TEST(PasswordPolicy::check("Short-pass1")->find("12") != std::string::npos);
}
