#pragma once
// How an operation ended, for tests of refusals:
//   BOOST_TEST(outcome([&] { promos.join(1, 1); }) == "SD047");     // the code
//   BOOST_TEST(sentence([&] { promos.join(1, 1); }) == "The line already takes part in this promotion.");
#include <exception>
#include <string>

#include "core/util/error.h"

namespace subdesk::test {

// "ok", a UserError's code, or the SQLSTATE of a database error.
template <class F>
std::string outcome(F&& f) {
  try {
    f();
    return "ok";
  } catch (const UserError& e) {
    return e.code();
  } catch (const std::exception& e) {
    return sqlState(e);
  }
}

// "ok", or what the desk and the CLI show for the refusal (describeError; without a
// translator installed: the English source).
template <class F>
std::string sentence(F&& f) {
  try {
    f();
    return "ok";
  } catch (const std::exception& e) {
    return describeError(e);
  }
}

}  // namespace subdesk::test
