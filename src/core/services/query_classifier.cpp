#include "core/services/query_classifier.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/domain/account_number.h"
#include "core/domain/iccid.h"
#include "core/domain/msisdn.h"
#include "core/domain/parsed.h"

namespace subdesk::services {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool allDigits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), isDigit); }

// One UTF-8 code point from the front of s; 0xFFFD and one byte for anything malformed.
char32_t nextCodePoint(std::string_view s, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  const std::size_t n = (b0 >= 0xC2 && b0 < 0xE0) ? 2 : (b0 >= 0xE0 && b0 < 0xF0) ? 3 : (b0 >= 0xF0 && b0 < 0xF5) ? 4 : 0;
  if (n == 0 || s.size() < n) {
    len = 1;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0xFF >> (n + 1));
  for (std::size_t i = 1; i < n; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) {
      len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  len = n;
  return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool isCyrillicLetter(char32_t c) { return (c >= 0x0400 && c <= 0x04FF); }
bool isLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}
bool isLetter(char32_t c) { return isLatinLetter(c) || isCyrillicLetter(c); }
bool isApostrophe(char32_t c) { return c == '\'' || c == U'\u2019' || c == U'\u02BC' || c == '`' || c == U'\u2018'; }

// Upper case of the letters a document number may hold (Latin, Ukrainian/Russian Cyrillic).
char32_t upperDocumentLetter(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0x0430 && c <= 0x044F) return c - 0x20;  // а..я
  if (c >= 0x0450 && c <= 0x045F) return c - 0x50;  // ѐ..џ, і ї є among them
  if (c == 0x0491) return 0x0490;                    // ґ
  return c;
}
bool isDocumentLetter(char32_t upper) {
  return (upper >= 'A' && upper <= 'Z') || (upper >= 0x0410 && upper <= 0x042F) || upper == 0x0406 ||
         upper == 0x0407 || upper == 0x0404 || upper == 0x0490;
}

bool isLogin(std::string_view s) {
  if (s.size() < 3 || s.size() > 32) return false;
  const auto lowerOrDigit = [](char c) { return (c >= 'a' && c <= 'z') || isDigit(c); };
  if (!lowerOrDigit(s[0])) return false;
  bool letter = false;
  for (char c : s) {
    if (!lowerOrDigit(c) && c != '.' && c != '_' && c != '-') return false;
    letter = letter || (c >= 'a' && c <= 'z');
  }
  return letter;  // digits only are an account, a document or nothing
}

bool contractNumber(std::string_view compact, std::string& key) {
  // HI-YYYY-NNNNNN
  if (compact.size() != 14) return false;
  std::string up(compact);
  for (char& c : up) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  if (!up.starts_with("HI-") || up[7] != '-') return false;
  if (!allDigits(std::string_view(up).substr(3, 4)) || !allDigits(std::string_view(up).substr(8, 6))) return false;
  key = up;
  return true;
}

// Two letters and six digits ("КВ123456"), spaces and dashes already removed.
bool passportNumber(std::string_view compact, std::string& key) {
  std::string out;
  std::size_t pos = 0;
  for (int i = 0; i < 2; ++i) {
    if (pos >= compact.size()) return false;
    std::size_t len = 0;
    const char32_t up = upperDocumentLetter(nextCodePoint(compact.substr(pos), len));
    if (!isDocumentLetter(up)) return false;
    appendUtf8(out, up);
    pos += len;
  }
  const std::string_view digits = compact.substr(pos);
  if (digits.size() != 6 || !allDigits(digits)) return false;
  key = out + std::string(digits);
  return true;
}

// Letters, apostrophes and hyphens inside words; everything else separates words.
std::string cleanName(std::string_view text) {
  std::vector<std::string> words(1);
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t len = 0;
    const char32_t c = nextCodePoint(text.substr(pos), len);
    pos += len;
    std::string& w = words.back();
    if (isLetter(c)) {
      appendUtf8(w, c);
    } else if ((isApostrophe(c) || c == '-') && !w.empty()) {
      w += isApostrophe(c) ? '\'' : '-';
    } else if (!w.empty()) {
      words.emplace_back();
    }
  }
  std::string key;
  for (auto& w : words) {
    while (!w.empty() && (w.back() == '\'' || w.back() == '-')) w.pop_back();
    if (w.empty()) continue;
    if (key.empty() && w.size() > kMaxNameBytes) {
      // One overlong word: cut it at a whole code point.
      std::size_t cut = kMaxNameBytes;
      while (cut > 0 && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80) --cut;
      w.resize(cut);
    }
    if (key.size() + (key.empty() ? 0 : 1) + w.size() > kMaxNameBytes) break;
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

}  // namespace

std::string_view queryKindName(QueryKind kind) {
  switch (kind) {
    case QueryKind::Empty: return "empty";
    case QueryKind::Msisdn: return "msisdn";
    case QueryKind::Account: return "account";
    case QueryKind::Iccid: return "iccid";
    case QueryKind::Contract: return "contract";
    case QueryKind::Login: return "login";
    case QueryKind::Document: return "document";
    case QueryKind::Name: return "name";
  }
  return "empty";
}

ClassifiedQuery classifyQuery(std::string_view text) {
  const std::string_view trimmed = typed_input::trimSpaces(text);
  if (trimmed.empty()) return {};
  if (trimmed.size() <= kMaxQueryBytes) {
    // Nine bare digits: an account number first (what agents type most), possibly also a
    // mobile number without its trunk 0.
    if (trimmed.size() == 9 && allDigits(trimmed)) {
      if (auto a = AccountNumber::parse(trimmed)) {
        ClassifiedQuery q{QueryKind::Account, a->digits(), {}};
        if (auto m = Msisdn::parse(trimmed)) q.alternateMsisdn = m->e164();
        return q;
      }
    }
    if (auto m = Msisdn::parse(trimmed)) return {QueryKind::Msisdn, m->e164(), {}};
    if (auto a = AccountNumber::parse(trimmed)) return {QueryKind::Account, a->digits(), {}};
    if (auto i = Iccid::parse(trimmed)) return {QueryKind::Iccid, i->digits(), {}};
    const std::string compact = typed_input::withoutSpaces(trimmed);
    std::string key;
    if (contractNumber(compact, key)) return {QueryKind::Contract, key, {}};
    if (isLogin(trimmed)) return {QueryKind::Login, std::string(trimmed), {}};
    const std::string noDashes = typed_input::withoutSpaces(trimmed, "-");
    if (passportNumber(noDashes, key)) return {QueryKind::Document, key, {}};
    if (noDashes.size() == 9 && allDigits(noDashes)) return {QueryKind::Document, noDashes, {}};
  }
  std::string name = cleanName(trimmed);
  if (name.empty()) return {};
  return {QueryKind::Name, std::move(name), {}};
}

}  // namespace subdesk::services
