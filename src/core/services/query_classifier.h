#pragma once
// What the agent typed into the one search box, recognised without a database: a pure
// function, safe on any input (junk, SQL-looking text, megabytes of text), unit-tested in
// tests/unit/test_query_classifier.cpp.
//
// The rules, tried in this order on the text without surrounding spaces:
//   Msisdn    a Ukrainian mobile number in any notation Msisdn::parse() accepts
//             ("067 123 45 67", "+380671234567", "380 67 123 45 67", "8 067 ...").
//   Account   a personal account number (nine digits, Luhn; spaces and dashes ignored).
//             Nine bare digits that are also a mobile number without the trunk 0
//             ("671234567" with a valid check digit) stay an Account, and
//             alternateMsisdn carries the number so that the lookup tries both.
//   Iccid     19-20 digits starting 89 with a Luhn check digit (Iccid::parse()).
//   Contract  a home-internet contract number HI-YYYY-NNNNNN, any case ("hi-2024-000123").
//   Login     a home-internet login as typed: lower-case latin, digits, '.', '_', '-',
//             3-32 characters, the first a letter or digit (home_internet.login's CHECK).
//             A lower-case latin word ("koval") is a login too; the lookup falls back to
//             a name search when no login matches.
//   Document  an ID document number: two letters (Cyrillic or upper-case latin) and six
//             digits ("КВ123456", "FA123456", also "кв 123456"), or nine digits that are not
//             an account number (ID card, residence permit). The key is upper case.
//   Name      anything else with a letter: letters, the three apostrophes ' ’ ʼ (and `),
//             hyphens and spaces are kept, everything else separates words; the key is at
//             most kMaxNameBytes long. Word order and case are the lookup's business.
//   Empty     nothing searchable (no letter, or digits that are none of the above).
#include <cstddef>
#include <string>
#include <string_view>

namespace subdesk::services {

enum class QueryKind { Empty, Msisdn, Account, Iccid, Contract, Login, Document, Name };

// Stable lower-case names, used in JSON ("msisdn", "account", "iccid", "contract", "login",
// "document", "name", "empty").
std::string_view queryKindName(QueryKind kind);

struct ClassifiedQuery {
  QueryKind kind = QueryKind::Empty;
  // The normalised key the lookup binds: E.164 for Msisdn, the digits for Account and
  // Iccid, "HI-2024-000123" for Contract, the login, the upper-case document number, the
  // cleaned name text (apostrophes unified to '); empty for Empty.
  std::string key;
  // Account only: the same nine digits read as a mobile number (E.164), or empty.
  std::string alternateMsisdn;
};

inline constexpr std::size_t kMaxQueryBytes = 200;  // longer input can only be a Name
inline constexpr std::size_t kMaxNameBytes = 120;

ClassifiedQuery classifyQuery(std::string_view text);

}  // namespace subdesk::services
