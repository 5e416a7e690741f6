#pragma once
// Real peers for end-to-end tests, started and stopped by the test on free loopback
// ports: child processes with their output in a log file, Kannel (bearerbox, smsbox and
// the fake SMSC of kannel-extras, which prints each message it receives), an SMTP server
// (aiosmtpd with its Mailbox handler) and subdesk-notifier itself. Every wait is bounded;
// destructors stop what is still running.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Process.h>

namespace subdesk::test {

using namespace std::chrono_literals;

// A free TCP port on 127.0.0.1 (bound and released: free at the time of asking).
unsigned short freeLoopbackPort();
// Polls until something accepts connections on 127.0.0.1:port; false after the timeout.
bool waitForPort(unsigned short port, std::chrono::milliseconds timeout);
// Polls pred every 50 ms until it holds; false after the timeout.
bool waitUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout);
std::string readFile(const std::string& path);

// A temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A child process whose standard output and error go to `log`.
class ChildProcess {
 public:
  ChildProcess(const std::string& program, const std::vector<std::string>& args, const std::string& log);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool running() const;
  // SIGTERM, then up to `grace` for it to end (SIGKILL after that). Returns the exit
  // status (-1 if it had to be killed, or the signal number negated).
  int stop(std::chrono::milliseconds grace = 10s);
  const std::string& log() const { return log_; }

 private:
  Poco::ProcessHandle handle_;
  std::string log_;
  mutable bool ended_ = false;
  mutable int status_ = 0;
};

struct Sms {
  std::string from;
  std::string to;
  std::string text;  // UTF-8, decoded from what the fake SMSC printed
};

// bearerbox + smsbox + fakesmsc with a configuration written into `dir`.
class Kannel {
 public:
  explicit Kannel(const std::string& dir);
  ~Kannel();
  void start();  // returns once the fake SMSC is online and sendsms answers
  void stop();
  bool running() const;

  std::string sendsmsUrl() const;
  static constexpr const char* kUser = "subdesk";
  static constexpr const char* kPassword = "kannel-test-pw";
  // Every message the fake SMSC received, across restarts.
  std::vector<Sms> received() const;

 private:
  std::string dir_;
  unsigned short adminPort_, boxPort_, smscPort_, sendsmsPort_;
  int generation_ = 0;
  std::unique_ptr<ChildProcess> bearerbox_, smsbox_, fakesmsc_;
};

struct Mail {
  std::string envelopeTo;  // X-RcptTo added by aiosmtpd
  std::string to;
  std::string subject;     // RFC 2047 decoded
  std::string body;        // transfer-decoded
  std::string raw;
};

// aiosmtpd on a free port, storing messages into a Maildir. With startTls it offers
// STARTTLS with a fresh self-signed certificate and refuses mail sent without it.
class SmtpServer {
 public:
  explicit SmtpServer(const std::string& dir, bool startTls = false);
  ~SmtpServer();
  unsigned short port() const { return port_; }
  std::vector<Mail> received() const;

 private:
  std::string maildir_;
  unsigned short port_;
  std::unique_ptr<ChildProcess> process_;
};

// Decodes RFC 2047 encoded words (Q and B, UTF-8) in a header value.
std::string decodeEncodedWords(const std::string& value);

// subdesk-notifier ($SUBDESK_NOTIFIER) with a properties file written from `settings`.
class NotifierProcess {
 public:
  NotifierProcess(const std::string& dir, const std::string& name, const std::map<std::string, std::string>& settings);
  ~NotifierProcess();
  int stop() { return process_->stop(); }  // SIGTERM; the exit status
  bool running() const { return process_->running(); }
  std::string log() const { return readFile(process_->log()); }
  static std::string binary();

 private:
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace subdesk::test
