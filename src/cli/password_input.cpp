#include "cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {
std::string readLine(bool echo) {
  termios old{};
  const bool tty = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty && !echo) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty && !echo) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << '\n';
  }
  return line;
}
}  // namespace

std::string readPassword(const std::string& prompt) {
  if (!::isatty(STDIN_FILENO)) {
    std::string line = readLine(true);
    if (line.empty()) throw UserError(tr("No password was given on standard input."));
    return line;
  }
  std::cerr << prompt << ": " << std::flush;
  std::string first = readLine(false);
  std::cerr << tr("Repeat the password") << ": " << std::flush;
  if (readLine(false) != first) throw UserError(tr("The two passwords differ."));
  return first;
}
}  // namespace subdesk::cli
