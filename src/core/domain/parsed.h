#pragma once
// The result of reading something a person typed. The error is a translated sentence
// (made with subdesk::tr()) that a dialog can show as is, so every parser explains the
// specific problem instead of "invalid input".
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace subdesk {

template <class T>
using Parsed = std::expected<T, std::string>;

// Small helpers shared by the parsers of typed values. Text pasted from a bill, a PDF or
// a web page carries no-break and narrow no-break spaces, so they count as spaces.
namespace typed_input {

// The length in bytes of the space at the start of s, or 0: ASCII space, tab, CR and LF
// (a value copied from a spreadsheet cell ends with a line break), U+00A0, U+2009 (thin
// space) and U+202F (narrow no-break space).
inline std::size_t spaceLength(std::string_view s) {
  if (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) return 1;
  if (s.starts_with("\u00A0")) return 2;
  if (s.starts_with("\u2009") || s.starts_with("\u202F")) return 3;
  return 0;
}

inline std::string_view trimSpaces(std::string_view s) {
  while (std::size_t n = spaceLength(s)) s.remove_prefix(n);
  for (;;) {
    std::size_t n = 0;
    for (std::size_t len : {1u, 2u, 3u}) {
      if (s.size() >= len && spaceLength(s.substr(s.size() - len)) == len) n = len;
    }
    if (n == 0) return s;
    s.remove_suffix(n);
  }
}

// s without its spaces and without any ASCII character listed in alsoDrop.
inline std::string withoutSpaces(std::string_view s, std::string_view alsoDrop = {}) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    if (std::size_t n = spaceLength(s)) {
      s.remove_prefix(n);
      continue;
    }
    if (alsoDrop.find(s[0]) == std::string_view::npos) out += s[0];
    s.remove_prefix(1);
  }
  return out;
}

// The first character of s, fit to quote in a message: a whole UTF-8 sequence, "U+000A"
// for a control character, U+FFFD for bytes that are not UTF-8 (a message with broken
// UTF-8 would show up empty in the desk).
inline std::string firstCharacter(std::string_view s) {
  if (s.empty()) return {};
  const auto lead = static_cast<unsigned char>(s[0]);
  if (lead < 0x20 || lead == 0x7F) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    return std::string("U+00") + hex[lead >> 4] + hex[lead & 0xF];
  }
  if (lead < 0x80) return std::string(1, s[0]);
  const std::size_t len = lead >= 0xF0 && lead < 0xF8   ? 4
                          : lead >= 0xE0 && lead < 0xF0 ? 3
                          : lead >= 0xC2 && lead < 0xE0 ? 2
                                                        : 0;
  bool valid = len != 0 && s.size() >= len;
  for (std::size_t i = 1; valid && i < len; ++i) {
    valid = (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  }
  return valid ? std::string(s.substr(0, len)) : std::string("\uFFFD");
}

}  // namespace typed_input
}  // namespace subdesk
