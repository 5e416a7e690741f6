#pragma once
// The project's own SQLSTATEs (SDnnn, raised by the migrations' functions) as sentences
// for the person at the desk: interactions and verification (SD001, SD002, SD005,
// SD006) and one-time
// codes and SIM restore (SD020-SD029); the money codes (SD004, SD007, SD040-) are mapped
// in error.cpp by their owners, and SD003 (a concurrent change) keeps the server's
// message, which says who changed what and when. describeError() asks here first for any SD code; the
// server's English message is only the fallback for a code this table does not know yet.
#include <string>

namespace subdesk {

// A translated sentence for `state` ("SD001", ...), or "" when the code is not known here.
// `serverMessage` tells apart the cases that share a code (SD006).
std::string projectErrorSentence(const std::string& state, const std::string& serverMessage);

}  // namespace subdesk
