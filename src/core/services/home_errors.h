#pragma once
// The refusals of the home-internet functions (migrations 0021-0023, SQLSTATEs SD030 to
// SD039, and the shared SD001/SD005/SD007) as sentences for the person at the desk.
#include <exception>

#include "core/util/error.h"

namespace subdesk::services {

// A UserError with a translated sentence and the SQLSTATE as its code; the server's own
// words (numbers, dates, limits) follow in brackets. Other errors: describeError().
UserError homeError(const std::exception& e);

}  // namespace subdesk::services
