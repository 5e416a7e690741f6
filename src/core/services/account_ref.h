#pragma once
// Which account a person means by what they typed on the command line: a personal
// account number ("100000017") or a phone number of one of its open lines.
#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace subdesk::services {

// The account's id; throws UserError when nothing matches.
std::int64_t resolveAccount(soci::session& sql, const std::string& text);

// The customer an account belongs to.
std::int64_t customerOfAccount(soci::session& sql, std::int64_t accountId);

// The open line with this phone number; throws UserError when there is none.
std::int64_t resolveLine(soci::session& sql, const std::string& text);

}  // namespace subdesk::services
