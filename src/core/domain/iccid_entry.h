#pragma once
// What the SIM restore wizard says under the ICCID field while it is typed or scanned:
// still incomplete (no alarm yet), valid, or the specific problem (Iccid::parse's
// sentence: a wrong check digit names the expected one).
#include <string>
#include <string_view>

namespace subdesk {

struct IccidTyping {
  enum class State { Empty, Incomplete, Invalid, Valid };
  State state = State::Empty;
  std::string digits;   // the digits typed so far (spaces and dashes dropped)
  std::string message;  // translated; empty for Empty
};

IccidTyping iccidTyping(std::string_view text);

}  // namespace subdesk
