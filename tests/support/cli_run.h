#pragma once
// The built subdesk-cli ($SUBDESK_CLI, set by CTest) run as a person would run it, with
// its standard output and error together. The database comes from $SUBDESK_DB (the
// caller sets it to the staff member's conninfo).
//   auto r = runCli({"promo", "join", "0671234567", "welcome"});
//   BOOST_TEST(r.status == 0); BOOST_TEST(r.has("joined"), r.output);
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace subdesk::test {

struct CliRun {
  int status = -1;
  std::string output;  // standard output and error
  bool has(const std::string& text) const { return output.find(text) != std::string::npos; }
};

inline CliRun runCli(const std::vector<std::string>& args) {
  const char* exe = std::getenv("SUBDESK_CLI");
  if (!exe) throw std::runtime_error("SUBDESK_CLI does not name the built subdesk-cli");
  std::string command = std::string("'") + exe + "'";
  for (const auto& a : args) {
    if (a.find('\'') != std::string::npos) throw std::invalid_argument("a test argument holds a quote: " + a);
    command += " '" + a + "'";
  }
  command += " 2>&1";
  CliRun r;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  const int st = ::pclose(pipe);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace subdesk::test
