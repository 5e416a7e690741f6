#include "core/domain/msisdn.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>

#include "core/util/i18n.h"

namespace subdesk {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using typed_input::firstCharacter;
using typed_input::spaceLength;
using typed_input::trimSpaces;

// No notation of a phone number is longer; refusing early keeps pasted pages cheap.
constexpr std::size_t kMaxInputLength = 64;
// Digits after +380 (or after the trunk 0) in every Ukrainian mobile number.
constexpr std::size_t kNationalLength = 9;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

struct Digits {
  bool plus = false;
  std::string digits;
};

// The digits of a phone-number notation, or the reason it is not one.
Parsed<Digits> digitsOf(std::string_view s) {
  Digits out;
  if (s.starts_with('+')) {
    out.plus = true;
    s.remove_prefix(1);
  }
  while (!s.empty()) {
    if (std::size_t n = spaceLength(s)) {
      s.remove_prefix(n);
      continue;
    }
    const char c = s[0];
    if (isDigit(c)) {
      out.digits += c;
    } else if (c == '+') {
      return std::unexpected(tr("A \"+\" may only stand at the start of a phone number."));
    } else if (c != '-' && c != '.' && c != '(' && c != ')') {
      return std::unexpected(
          format(tr("A phone number cannot contain \"{0}\"."), {firstCharacter(s)}));
    }
    s.remove_prefix(1);
  }
  return out;
}

std::string foreignNumberReason(const std::string& internationalDigits) {
  const auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse("+" + internationalDigits, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return tr("This is not a phone number: the country code is wrong.");
  }
  return format(tr("This number belongs to another country (+{0}); only Ukrainian mobile "
                   "numbers can be used."),
                {std::to_string(number.country_code())});
}

}  // namespace

Parsed<Msisdn> Msisdn::parse(std::string_view text) {
  const std::string_view s = trimSpaces(text);
  if (s.empty()) return std::unexpected(tr("Enter a phone number."));
  if (s.size() > kMaxInputLength) {
    return std::unexpected(tr("This is too long for a phone number."));
  }
  auto parsed = digitsOf(s);
  if (!parsed) return std::unexpected(parsed.error());
  auto [plus, digits] = std::move(*parsed);
  if (digits.empty()) return std::unexpected(tr("The phone number has no digits."));
  if (!plus && isEmergencyShortNumber(digits)) {
    return std::unexpected(
        format(tr("{0} is an emergency number, not a subscriber's number."), {digits}));
  }

  // Reduce every accepted notation to the national significant number (see msisdn.h).
  if (!plus && digits.starts_with("00")) {
    plus = true;
    digits.erase(0, 2);
  }
  std::string national;
  if (digits.starts_with("380")) {
    national = digits.substr(3);
  } else if (plus) {
    return std::unexpected(foreignNumberReason(digits));
  } else if (digits.starts_with("80")) {
    national = digits.substr(2);
  } else if (digits.starts_with('0')) {
    national = digits.substr(1);
  } else {
    national = digits;
  }
  // "+380 (0)67 ..." repeats the trunk 0; no national number starts with 0, so drop it.
  if (national.size() == kNationalLength + 1 && national.starts_with('0')) national.erase(0, 1);
  if (national.size() > kNationalLength) {
    return std::unexpected(
        tr("The phone number is too long: a mobile number has 10 digits, like 067 123 45 67."));
  }
  // What still starts with 0 lost a digit: "+380 067 123 45 6".
  if (national.size() < kNationalLength || national.starts_with('0')) {
    return std::unexpected(
        tr("The phone number is too short: a mobile number has 10 digits, like 067 123 45 67."));
  }

  const auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse("+380" + national, "UA", &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util->IsValidNumber(number)) {
    return std::unexpected(
        format(tr("This is not a valid Ukrainian number: no operator uses the code 0{0}."),
               {national.substr(0, 2)}));
  }
  switch (util->GetNumberType(number)) {
    case PhoneNumberUtil::MOBILE:
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
      break;
    case PhoneNumberUtil::FIXED_LINE:
      return std::unexpected(tr("This is a landline number; a mobile number is needed."));
    case PhoneNumberUtil::TOLL_FREE:
    case PhoneNumberUtil::PREMIUM_RATE:
    case PhoneNumberUtil::SHARED_COST:
    case PhoneNumberUtil::UAN:
      return std::unexpected(
          tr("This is a service number (free-phone, premium rate or similar), not a mobile "
             "number."));
    default:
      return std::unexpected(tr("This is not a mobile number."));
  }
  std::string e164;
  util->Format(number, PhoneNumberUtil::E164, &e164);
  return Msisdn(std::move(e164));
}

bool Msisdn::isEmergencyShortNumber(std::string_view digits) {
  static constexpr std::array<std::string_view, 5> kEmergency = {"101", "102", "103", "104", "112"};
  return std::find(kEmergency.begin(), kEmergency.end(), digits) != kEmergency.end();
}

std::string Msisdn::national() const {
  // libphonenumber writes "067 123 4567"; the operator's documents and people write
  // "067 123 45 67".
  const std::string_view n = std::string_view(e164_).substr(4);
  std::string out = "0";
  out.append(n.substr(0, 2)).append(" ").append(n.substr(2, 3)).append(" ");
  out.append(n.substr(5, 2)).append(" ").append(n.substr(7, 2));
  return out;
}

std::string Msisdn::international() const {
  const auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  util->Parse(e164_, "UA", &number);
  std::string out;
  util->Format(number, PhoneNumberUtil::INTERNATIONAL, &out);
  return out;
}

}  // namespace subdesk
