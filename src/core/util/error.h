#pragma once
// One exception type with a message fit for the person at the desk, and one function
// that turns any exception into the sentence shown to them.
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

namespace subdesk {

class UserError : public std::runtime_error {
 public:
  explicit UserError(const std::string& message, std::string code = {})
      : std::runtime_error(message), code_(std::move(code)) {}
  // A stable machine-readable code ("migration_changed", SQLSTATE, ...); may be empty.
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// The SQLSTATE of a database error, or "" when the exception is not one.
std::string sqlState(const std::exception& e);

// A translated sentence for any exception: UserError as is, database errors mapped
// from their SQLSTATE (privilege, unique violation, serialization, connection lost, ...).
std::string describeError(const std::exception& e);

// Runs op; the database's refusal of a closed account (SD042) becomes a UserError with
// the operation's own translated sentence (same code), anything else passes through.
template <class Op>
auto refusingClosedAccount(const std::string& sentence, Op&& op) -> decltype(op()) {
  try {
    return std::forward<Op>(op)();
  } catch (const UserError&) {
    throw;
  } catch (const std::exception& e) {
    if (sqlState(e) == "SD042") throw UserError(sentence, "SD042");
    throw;
  }
}

}  // namespace subdesk
