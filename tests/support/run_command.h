#pragma once
// Runs a shell command (a real reader of what the product wrote: pdftotext, pdftoppm,
// python3) and returns its standard output; throws, with the output, when it fails.
#include <cstdio>
#include <stdexcept>
#include <string>

namespace subdesk::test {

inline std::string run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + command);
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = ::pclose(p);
  if (status != 0) throw std::runtime_error("failed (" + std::to_string(status) + "): " + command + "\n" + out);
  return out;
}

}  // namespace subdesk::test
