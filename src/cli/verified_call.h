#pragma once
// An interaction with one customer for the length of a command, its caller verified by
// the code word they say, closed with a wrap-up note when done: what the desk does before
// an operation that needs a verified caller (the database refuses without one, SD001).
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "core/services/interactions.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {

class VerifiedCall {
 public:
  // The wrap-up notes name the command ("subdesk-cli family") and what was done.
  VerifiedCall(soci::session& sql, std::int64_t customer, const std::string& codeWord,
               const std::string& command, const std::string& purpose)
      : in_(sql), doneNote_(purpose + " (" + command + ")") {
    id_ = in_.open(services::Channel::Call, "", customer);
    if (!in_.verify(id_, services::VerifyMethod::CodeWord, codeWord)) {
      in_.close(id_, "caller not verified (" + command + ")");
      throw UserError(tr("The code word is wrong: nothing was changed."), "SD001");
    }
  }
  ~VerifiedCall() {
    try {
      in_.close(id_, doneNote_);
    } catch (...) {  // the connection may be gone: the interaction stays open, as a desk's would
    }
  }
  VerifiedCall(const VerifiedCall&) = delete;
  VerifiedCall& operator=(const VerifiedCall&) = delete;

 private:
  services::Interactions in_;
  std::string doneNote_;
  std::int64_t id_ = 0;
};

}  // namespace subdesk::cli
