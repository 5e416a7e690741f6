#include "core/domain/iccid_entry.h"

#include <algorithm>

#include "core/domain/iccid.h"
#include "core/domain/parsed.h"
#include "core/util/i18n.h"

namespace subdesk {

IccidTyping iccidTyping(std::string_view text) {
  IccidTyping t;
  t.digits = typed_input::withoutSpaces(text, "-");
  if (t.digits.empty()) return t;
  auto parsed = Iccid::parse(text);
  if (parsed) {
    t.state = IccidTyping::State::Valid;
    t.message = tr("Valid ICCID (check digit correct).");
    return t;
  }
  const bool allDigits = std::all_of(t.digits.begin(), t.digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool prefixOk = t.digits.size() == 1 ? t.digits == "8" : t.digits.starts_with("89");
  if (allDigits && prefixOk && t.digits.size() < 19) {
    t.state = IccidTyping::State::Incomplete;
    t.message = format(tr("{0} of 19 or 20 digits typed."), {std::to_string(t.digits.size())});
    return t;
  }
  t.state = IccidTyping::State::Invalid;
  t.message = parsed.error();
  return t;
}

}  // namespace subdesk
