// subdesk-notifier: delivers the outbox. Claims due rows, sends SMS through Kannel and
// e-mail over SMTP, retries with capped exponential backoff, scrubs secrets once sent.
// Several may run at once against one database; no message goes twice.
//
//   subdesk-notifier --config /etc/subdesk/subdesk-notifier.properties [--daemon --pidfile=FILE]
#include <atomic>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Event.h>
#include <Poco/Logger.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Path.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include "core/db/connection.h"
#include "core/notify/delivery_loop.h"
#include "core/notify/email_sender.h"
#include "core/notify/notifier_settings.h"
#include "core/notify/outbox_claimer.h"
#include "core/notify/sms_sender.h"
#include "core/util/error.h"

namespace subdesk::notifier {

using Poco::Util::Option;
using Poco::Util::OptionCallback;

class NotifierApplication : public Poco::Util::ServerApplication {
 protected:
  void defineOptions(Poco::Util::OptionSet& options) override {
    ServerApplication::defineOptions(options);  // --daemon, --pidfile, --umask
    options.addOption(Option("help", "h", "show this help").callback(OptionCallback<NotifierApplication>(
        this, &NotifierApplication::onHelp)));
    options.addOption(Option("config", "c", "configuration file (.properties or .ini)")
                          .argument("FILE")
                          .callback(OptionCallback<NotifierApplication>(this, &NotifierApplication::onConfig)));
    options.addOption(Option("version", "", "print the version").callback(OptionCallback<NotifierApplication>(
        this, &NotifierApplication::onVersion)));
  }

  void initialize(Application& self) override {
    if (!configFile_.empty()) loadConfiguration(configFile_);
    ServerApplication::initialize(self);
  }

  int main(const std::vector<std::string>&) override {
    if (helpRequested_ || versionRequested_) return EXIT_OK;
    if (configFile_.empty()) {
      std::cerr << "subdesk-notifier: --config FILE is required\n";
      printHelp();
      return EXIT_USAGE;
    }
    notify::NotifierSettings settings;
    try {
      settings = notify::readNotifierSettings(config());
    } catch (const Poco::Exception& e) {
      logger().fatal("configuration " + configFile_ + ": " + e.displayText());
      return EXIT_CONFIG;
    }
    Poco::Net::initializeSSL();
    int status = EXIT_OK;
    try {
      notify::SmsSender sms(settings.kannel);
      notify::EmailSender email(settings.smtp);
      const std::string owner = notify::makeNotifierName();
      notify::DeliveryLoop loop([&settings] { return db::connect(settings.conninfo); }, owner, sms, email,
                                settings.loop);
      logger().information("subdesk-notifier " SUBDESK_VERSION " started as " + owner);
      std::thread worker([&] { work(loop, settings); });
      waitForTerminationRequest();
      logger().information("termination requested: finishing the message being sent");
      stopping_ = true;
      wake_.set();
      worker.join();
      const auto& n = loop.counters();
      logger().information("stopped: " + std::to_string(n.sent) + " sent, " + std::to_string(n.retried) +
                           " to retry, " + std::to_string(n.undeliverable) + " undeliverable");
    } catch (const Poco::Exception& e) {
      logger().fatal(e.displayText());
      status = EXIT_CONFIG;
    }
    Poco::Net::uninitializeSSL();
    return status;
  }

 private:
  // Claims and delivers until stopped; sleeps for the poll interval when the outbox had
  // less than a batch due, and for the reconnect delay after a database error.
  void work(notify::DeliveryLoop& loop, const notify::NotifierSettings& settings) {
    while (!stopping_) {
      long wait = settings.pollInterval.count();
      try {
        const int claimed = loop.runOnce(stopping_);
        if (claimed >= settings.loop.batchSize) wait = 0;
      } catch (const std::exception& e) {
        logger().error("database: " + describeError(e));
        wait = settings.reconnectDelay.count();
      }
      if (wait > 0 && !stopping_) wake_.tryWait(wait);
    }
  }

  void onHelp(const std::string&, const std::string&) {
    helpRequested_ = true;
    printHelp();
    stopOptionsProcessing();
  }
  void onVersion(const std::string&, const std::string&) {
    versionRequested_ = true;
    std::cout << "subdesk-notifier " << SUBDESK_VERSION << '\n';
    stopOptionsProcessing();
  }
  void onConfig(const std::string&, const std::string& value) { configFile_ = value; }

  void printHelp() {
    Poco::Util::HelpFormatter help(options());
    help.setUnixStyle(true);
    help.setCommand("subdesk-notifier");
    help.setUsage("--config FILE [--daemon] [--pidfile=FILE]");
    help.setHeader("Delivers subdesk's outbox: SMS through Kannel, e-mail over SMTP.");
    help.format(std::cout);
  }

  std::string configFile_;
  bool helpRequested_ = false;
  bool versionRequested_ = false;
  std::atomic<bool> stopping_{false};
  Poco::Event wake_;
};

}  // namespace subdesk::notifier

// --daemon changes to / before the options are read: a relative --config path is made
// absolute here, first.
int main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string* path = nullptr;
    if ((args[i] == "--config" || args[i] == "-c") && i + 1 < args.size()) {
      path = &args[++i];
    } else if (args[i].rfind("--config=", 0) == 0) {
      args[i] = "--config=" + Poco::Path(args[i].substr(9)).absolute().toString();
    }
    if (path) *path = Poco::Path(*path).absolute().toString();
  }
  std::vector<char*> argvAbs;
  for (auto& a : args) argvAbs.push_back(a.data());
  argvAbs.push_back(nullptr);
  subdesk::notifier::NotifierApplication app;
  return app.run(argc, argvAbs.data());
}
