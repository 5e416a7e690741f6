#pragma once
#include <string>

namespace subdesk::cli {
// Reads a password from standard input: without echo, asked twice, on a terminal; the
// first line otherwise (for scripts). Never from the command line, where ps would show it.
std::string readPassword(const std::string& prompt);
}  // namespace subdesk::cli
