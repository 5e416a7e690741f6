#pragma once
// A subcommand of subdesk-cli. Each lives in its own file and registers itself with
// SUBDESK_CLI_COMMAND; main.cpp dispatches on the longest matching name ("db migrate").
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/OptionSet.h>
#include <soci/soci.h>

namespace subdesk::cli {

struct Context {
  Poco::Util::AbstractConfiguration& config;  // option values, bound as "cmd.<name>"
  std::ostream& out;
  std::ostream& err;
  std::function<std::unique_ptr<soci::session>()> connect;  // --db, $SUBDESK_DB, ini, libpq env
  // Heavy reads (reports, bills): --replica, $SUBDESK_REPLICA, the profile's replica, else connect().
  std::function<std::unique_ptr<soci::session>()> connectReader;
  std::vector<std::string> args;  // positional arguments after the command name
};

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string name() const = 0;   // "db migrate"
  virtual std::string usage() const = 0;  // "db migrate" arguments, e.g. "QUERY [--json]"
  virtual std::string summary() const = 0;
  // Options bound to config keys "cmd.<long name>".
  virtual void defineOptions(Poco::Util::OptionSet&) {}
  // Returns the exit code (0 success, 1 refused/failed, 2 usage).
  virtual int run(Context& ctx) = 0;
};

using CommandFactory = std::function<std::unique_ptr<Command>()>;
std::vector<CommandFactory>& commandRegistry();

struct CommandRegistration {
  explicit CommandRegistration(CommandFactory f) { commandRegistry().push_back(std::move(f)); }
};

#define SUBDESK_CLI_COMMAND(Class)                                   \
  namespace {                                                        \
  const ::subdesk::cli::CommandRegistration registration_##Class(   \
      [] { return std::unique_ptr<::subdesk::cli::Command>(new Class); }); \
  }

// Adds an option bound to "cmd.<name>": --name VALUE (or a flag when argName is empty).
void addOption(Poco::Util::OptionSet& options, const std::string& name, const std::string& help,
               const std::string& argName = {}, bool required = false);

}  // namespace subdesk::cli
