// subdesk-cli: the command-line face of the core, for scripts, cron jobs and support.
#include <libintl.h>

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <iostream>

#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include "cli/command.h"
#include "core/config/settings.h"
#include "core/db/connection.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {

std::vector<CommandFactory>& commandRegistry() {
  static std::vector<CommandFactory> registry;
  return registry;
}

void addOption(Poco::Util::OptionSet& options, const std::string& name, const std::string& help,
               const std::string& argName, bool required) {
  Poco::Util::Option opt(name, "", help, required);
  if (!argName.empty()) opt.argument(argName);
  opt.binding("cmd." + name);
  options.addOption(opt);
}

namespace {

class CliApplication : public Poco::Util::Application {
 public:
  CliApplication() {
    setUnixOptions(true);
  }

 // Finds the command named by the leading words, then parses the options (whose set
  // depends on the command).
  void start(int argc, char** argv) {
    // Positional words before the first option name the command.
    // Positional words name the command; global options may come first ("--db X db migrate").
    std::vector<std::string> words;
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (arg == "--db" || arg == "-d" || arg == "--profile" || arg == "--replica") {
        ++i;  // its value
      } else if (arg.empty() || arg[0] != '-') {
        words.push_back(arg);
      } else if (words.empty()) {
        continue;
      } else {
        break;  // the command's own options follow
      }
    }
    for (const auto& factory : commandRegistry()) {
      auto cmd = factory();
      auto parts = split(cmd->name());
      if (parts.size() <= words.size() && std::equal(parts.begin(), parts.end(), words.begin()) &&
          (!command_ || split(command_->name()).size() < parts.size())) {
        command_ = std::move(cmd);
      }
    }
    init(argc, argv);
  }

 protected:

  void defineOptions(Poco::Util::OptionSet& options) override {
    Application::defineOptions(options);
    options.addOption(Poco::Util::Option("help", "h", tr("show this help, or a command's help"))
                          .callback(Poco::Util::OptionCallback<CliApplication>(this, &CliApplication::onHelp)));
    options.addOption(Poco::Util::Option("db", "d", tr("libpq connection string (default: "
                                                       "$SUBDESK_DB, then subdesk.ini, then PG* "
                                                       "environment)"))
                          .argument("CONNINFO")
                          .binding("global.db"));
    options.addOption(Poco::Util::Option("replica", "", tr("libpq connection string of a read replica for "
                                                           "reports and bills (default: $SUBDESK_REPLICA, then "
                                                           "the profile's replica, then the main server)"))
                          .argument("CONNINFO")
                          .binding("global.replica"));
    options.addOption(Poco::Util::Option("profile", "", tr("server profile of subdesk.ini"))
                          .argument("NAME")
                          .binding("global.profile"));
    options.addOption(Poco::Util::Option("version", "", tr("print the version"))
                          .callback(Poco::Util::OptionCallback<CliApplication>(this, &CliApplication::onVersion)));
    if (command_) command_->defineOptions(options);
  }

  void onHelp(const std::string&, const std::string&) {
    helpRequested_ = true;
    stopOptionsProcessing();
  }
  void onVersion(const std::string&, const std::string&) {
    std::cout << "subdesk-cli " << SUBDESK_VERSION << '\n';
    versionRequested_ = true;
    stopOptionsProcessing();
  }

  int main(const std::vector<std::string>& args) override {
    if (versionRequested_) return EXIT_OK;
    if (!command_ && !args.empty() && !helpRequested_) {
      std::cerr << "subdesk-cli: " << format(tr("unknown command: {0}"), {args.front()}) << "\n";
      printHelp();
      return EXIT_USAGE;
    }
    if (!command_ || helpRequested_) {
      printHelp();
      return command_ || helpRequested_ ? EXIT_OK : EXIT_USAGE;
    }
    Context ctx{config(), std::cout, std::cerr, [this] { return connect(); }, [this] { return connectReader(); },
                std::vector<std::string>(args.begin() + static_cast<long>(split(command_->name()).size()),
                                         args.end())};
    try {
      return command_->run(ctx);
    } catch (const std::exception& e) {
      std::cerr << "subdesk-cli: " << describeError(e) << '\n';
      return 1;
    }
  }

 private:
  static std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
      auto end = s.find(' ', pos);
      if (end == std::string::npos) end = s.size();
      if (end > pos) out.push_back(s.substr(pos, end - pos));
      pos = end + 1;
    }
    return out;
  }

  std::unique_ptr<soci::session> connect() {
    std::string conninfo = config().getString("global.db", "");
    if (conninfo.empty()) {
      if (const char* env = std::getenv("SUBDESK_DB")) conninfo = env;
    }
    if (conninfo.empty()) {
      auto settings = config::Settings::load();
      if (auto p = settings.profile(config().getString("global.profile", "default"))) {
        conninfo = p->conninfo;
      }
    }
    return db::connect(conninfo);
  }

  // The read replica when one is named, else the main server.
  std::unique_ptr<soci::session> connectReader() {
    std::string conninfo = config().getString("global.replica", "");
    if (conninfo.empty()) {
      if (const char* env = std::getenv("SUBDESK_REPLICA")) conninfo = env;
    }
    if (conninfo.empty() && config().getString("global.db", "").empty() && !std::getenv("SUBDESK_DB")) {
      auto settings = config::Settings::load();
      if (auto p = settings.profile(config().getString("global.profile", "default"))) conninfo = p->replica;
    }
    if (conninfo.empty()) return connect();
    try {
      return db::connect(conninfo);
    } catch (const std::exception& e) {
      // As the desk does: a replica that is down slows the primary, it stops nothing.
      std::cerr << "subdesk-cli: " << format(tr("The read replica is not available ({0}); reading from the main server."),
                          {describeError(e)})
                << '\n';
      return connect();
    }
  }
  void printHelp() {
    Poco::Util::HelpFormatter help(options());
    help.setUnixStyle(true);
    help.setWidth(120);
    help.setCommand("subdesk-cli");
    if (command_) {
      help.setUsage(command_->name() + " " + command_->usage());
      help.setHeader(command_->summary());
    } else {
      help.setUsage(tr("COMMAND [ARGUMENTS] [OPTIONS]"));
      std::string header = tr("The command-line tool of subdesk. Commands:") + "\n";
      std::vector<std::unique_ptr<Command>> all;
      for (const auto& f : commandRegistry()) all.push_back(f());
      std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a->name() < b->name(); });
      for (const auto& c : all) {
        std::string line = "  " + c->name() + " " + c->usage();
        line.resize(std::max<std::size_t>(line.size() + 1, 34), ' ');
        header += line + c->summary() + "\n";
      }
      header += tr("Run 'subdesk-cli COMMAND --help' for a command's options.");
      help.setHeader(header);
    }
    help.format(std::cout);
  }

  std::unique_ptr<Command> command_;
  bool helpRequested_ = false;
  bool versionRequested_ = false;
};

void setUpTranslation() {
  std::setlocale(LC_ALL, "");
  const char* localeDir = SUBDESK_LOCALEDIR;
  if (const char* dev = std::getenv("SUBDESK_LOCALEDIR")) localeDir = dev;
  bindtextdomain("subdesk", localeDir);
  bind_textdomain_codeset("subdesk", "UTF-8");
  setTranslator([](const char* id) { return std::string(dgettext("subdesk", id)); },
                [](const char* s, const char* p, unsigned long n) {
                  return std::string(dngettext("subdesk", s, p, n));
                });
}

}  // namespace
}  // namespace subdesk::cli

int main(int argc, char** argv) {
  subdesk::cli::setUpTranslation();
  subdesk::cli::CliApplication app;
  try {
    app.start(argc, argv);
  } catch (const Poco::Exception& e) {
    std::cerr << "subdesk-cli: " << e.displayText() << "\n"
              << subdesk::tr("Run 'subdesk-cli --help' for usage.") << '\n';
    return Poco::Util::Application::EXIT_USAGE;
  }
  return app.run();
}
