#include "peers.h"

#include <signal.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <Poco/Base64Decoder.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/QuotedPrintableDecoder.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/UTFString.h>
#include <Poco/UnicodeConverter.h>

namespace fs = std::filesystem;

namespace subdesk::test {

unsigned short freeLoopbackPort() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
  const auto port = s.address().port();
  s.close();
  return port;
}

bool waitForPort(unsigned short port, std::chrono::milliseconds timeout) {
  return waitUntil(
      [port] {
        try {
          Poco::Net::StreamSocket s;
          s.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(0, 200000));
          return true;
        } catch (const Poco::Exception&) {
          return false;
        }
      },
      timeout);
}

bool waitUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (pred()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(50ms);
  }
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

static void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "subdesk-e2e.XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

// ---- ChildProcess ----------------------------------------------------------------------

ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& args, const std::string& log)
    : handle_([&] {
        // sh execs the program with its output in the log: the child's pid is the program's.
        std::vector<std::string> shArgs{"-c", "exec \"$0\" \"$@\" >>'" + log + "' 2>&1", program};
        shArgs.insert(shArgs.end(), args.begin(), args.end());
        return Poco::Process::launch("/bin/sh", shArgs);
      }()),
      log_(log) {}

ChildProcess::~ChildProcess() {
  if (running()) stop(3s);
}

bool ChildProcess::running() const {
  if (ended_) return false;
  const int rc = Poco::Process::tryWait(handle_);
  if (rc == -1) return true;
  ended_ = true;
  status_ = rc;
  return false;
}

int ChildProcess::stop(std::chrono::milliseconds grace) {
  if (!running()) return status_;
  ::kill(handle_.id(), SIGTERM);
  if (!waitUntil([this] { return !running(); }, grace)) {
    ::kill(handle_.id(), SIGKILL);
    waitUntil([this] { return !running(); }, 5s);
    status_ = -1;
  }
  return status_;
}

// ---- Kannel ----------------------------------------------------------------------------

Kannel::Kannel(const std::string& dir)
    : dir_(dir),
      adminPort_(freeLoopbackPort()),
      boxPort_(freeLoopbackPort()),
      smscPort_(freeLoopbackPort()),
      sendsmsPort_(freeLoopbackPort()) {
  // After /usr/share/doc/kannel/examples/kannel.conf and the checks of kannel-extras.
  std::ostringstream conf;
  conf << "group = core\n"
       << "admin-port = " << adminPort_ << "\nadmin-interface = 127.0.0.1\nadmin-password = admin-test-pw\n"
       << "admin-allow-ip = 127.0.0.1\n"
       << "smsbox-port = " << boxPort_ << "\nsmsbox-interface = 127.0.0.1\nbox-allow-ip = 127.0.0.1\n"
       << "log-level = 0\n\n"
       << "group = smsc\nsmsc = fake\nsmsc-id = fake\nport = " << smscPort_ << "\nconnect-allow-ip = 127.0.0.1\n\n"
       << "group = smsbox\nbearerbox-host = 127.0.0.1\nbearerbox-port = " << boxPort_ << "\n"
       << "sendsms-port = " << sendsmsPort_ << "\nsendsms-interface = 127.0.0.1\nlog-level = 0\n\n"
       << "group = sendsms-user\nusername = " << kUser << "\npassword = " << kPassword << "\n";
  writeFile(dir_ + "/kannel.conf", conf.str());
}

Kannel::~Kannel() { stop(); }

std::string Kannel::sendsmsUrl() const {
  return "http://127.0.0.1:" + std::to_string(sendsmsPort_) + "/cgi-bin/sendsms";
}

namespace {
std::string adminStatus(unsigned short port) {
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(1, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/status.txt?password=admin-test-pw");
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    return body;
  } catch (const Poco::Exception&) {
    return {};
  }
}
}  // namespace

void Kannel::start() {
  const std::string conf = dir_ + "/kannel.conf";
  const std::string gen = std::to_string(++generation_);
  bearerbox_ = std::make_unique<ChildProcess>("/usr/sbin/bearerbox", std::vector<std::string>{"-v", "1", conf},
                                              dir_ + "/bearerbox-" + gen + ".log");
  if (!waitForPort(adminPort_, 10s) || !waitForPort(smscPort_, 10s)) {
    throw std::runtime_error("bearerbox did not start: " + readFile(bearerbox_->log()));
  }
  // No messages of its own (-m 0): it only prints what it receives, "Got message N: <...>".
  fakesmsc_ = std::make_unique<ChildProcess>(
      "/usr/lib/kannel/test/fakesmsc",
      std::vector<std::string>{"-H", "127.0.0.1", "-r", std::to_string(smscPort_), "-i", "0", "-m", "0", "1 2 text nop"},
      dir_ + "/fakesmsc-" + gen + ".log");
  smsbox_ = std::make_unique<ChildProcess>("/usr/sbin/smsbox", std::vector<std::string>{"-v", "1", conf},
                                           dir_ + "/smsbox-" + gen + ".log");
  const bool ready = waitUntil(
      [this] {
        const std::string s = adminStatus(adminPort_);
        return s.find("FAKE:" + std::to_string(smscPort_) + " (online") != std::string::npos &&
               s.find("smsbox:") != std::string::npos;
      },
      15s);
  if (!ready || !waitForPort(sendsmsPort_, 10s)) {
    throw std::runtime_error("Kannel did not come up: " + adminStatus(adminPort_) + readFile(smsbox_->log()));
  }
}

void Kannel::stop() {
  if (smsbox_) smsbox_->stop();
  if (bearerbox_) bearerbox_->stop();
  if (fakesmsc_) fakesmsc_->stop(3s);  // ends by itself once bearerbox is gone
  smsbox_.reset();
  bearerbox_.reset();
  fakesmsc_.reset();
}

bool Kannel::running() const { return bearerbox_ && bearerbox_->running(); }

namespace {
// fakesmsc prints UCS-2 text URL-encoded ('+' is a space byte): back to UTF-8.
std::string ucs2UrlDecoded(const std::string& data) {
  std::string bytes;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '%' && i + 2 < data.size()) {
      bytes += static_cast<char>(std::stoi(data.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (data[i] == '+') {
      bytes += ' ';
    } else {
      bytes += data[i];
    }
  }
  Poco::UTF16String units;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    units += static_cast<Poco::UTF16Char>((static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]));
  }
  std::string utf8;
  Poco::UnicodeConverter::convert(units, utf8);
  return utf8;
}
}  // namespace

std::vector<Sms> Kannel::received() const {
  std::vector<Sms> out;
  for (int g = 1; g <= generation_; ++g) {
    std::istringstream log(readFile(dir_ + "/fakesmsc-" + std::to_string(g) + ".log"));
    std::string line;
    while (std::getline(log, line)) {
      const auto at = line.find("Got message ");
      if (at == std::string::npos) continue;
      const auto open = line.find('<', at);
      const auto close = line.rfind('>');
      if (open == std::string::npos || close == std::string::npos || close < open) continue;
      std::istringstream fields(line.substr(open + 1, close - open - 1));
      Sms sms;
      std::string type, data;
      fields >> sms.from >> sms.to >> type;
      std::getline(fields >> std::ws, data);
      sms.text = type == "ucs-2" || type == "ucs2" ? ucs2UrlDecoded(data) : data;
      out.push_back(std::move(sms));
    }
  }
  return out;
}

// ---- SMTP ------------------------------------------------------------------------------

SmtpServer::SmtpServer(const std::string& dir, bool startTls)
    : maildir_(dir + "/maildir"), port_(freeLoopbackPort()) {
  std::vector<std::string> args{"-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + std::to_string(port_)};
  if (startTls) {
    const std::string cert = dir + "/smtp-cert.pem", key = dir + "/smtp-key.pem";
    ChildProcess openssl("/usr/bin/openssl",
                         {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                          "-keyout", key, "-out", cert},
                         dir + "/openssl.log");
    if (!waitUntil([&] { return !openssl.running(); }, 20s) || openssl.stop() != 0) {
      throw std::runtime_error("openssl req failed: " + readFile(dir + "/openssl.log"));
    }
    args.insert(args.end(), {"--tlscert", cert, "--tlskey", key});  // STARTTLS required by default
  }
  args.insert(args.end(), {"-c", "aiosmtpd.handlers.Mailbox", maildir_});
  process_ = std::make_unique<ChildProcess>("/usr/bin/python3", args, dir + "/aiosmtpd.log");
  if (!waitForPort(port_, 15s)) throw std::runtime_error("aiosmtpd did not start: " + readFile(process_->log()));
}

SmtpServer::~SmtpServer() { process_->stop(5s); }

std::string decodeEncodedWords(const std::string& value) {
  std::string out;
  std::size_t pos = 0;
  bool lastWasWord = false;
  while (pos < value.size()) {
    const auto start = value.find("=?", pos);
    if (start == std::string::npos) {
      out += value.substr(pos);
      break;
    }
    const std::string between = value.substr(pos, start - pos);
    // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
    if (!(lastWasWord && between.find_first_not_of(" \t\r\n") == std::string::npos)) out += between;
    const auto q1 = value.find('?', start + 2);
    const auto q2 = value.find('?', q1 + 1);
    const auto end = value.find("?=", q2 + 1);
    if (q1 == std::string::npos || q2 == std::string::npos || end == std::string::npos) {
      out += value.substr(start);
      break;
    }
    const char enc = static_cast<char>(std::toupper(value[q1 + 1]));
    const std::string data = value.substr(q2 + 1, end - q2 - 1);
    if (enc == 'B') {
      std::istringstream in(data);
      Poco::Base64Decoder decoder(in);
      std::string decoded;
      Poco::StreamCopier::copyToString(decoder, decoded);
      out += decoded;
    } else {
      for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] == '_') {
          out += ' ';
        } else if (data[i] == '=' && i + 2 < data.size()) {
          out += static_cast<char>(std::stoi(data.substr(i + 1, 2), nullptr, 16));
          i += 2;
        } else {
          out += data[i];
        }
      }
    }
    lastWasWord = true;
    pos = end + 2;
  }
  return out;
}

std::vector<Mail> SmtpServer::received() const {
  std::vector<Mail> out;
  const fs::path fresh = fs::path(maildir_) / "new";
  if (!fs::exists(fresh)) return out;
  for (const auto& entry : fs::directory_iterator(fresh)) {
    Mail mail;
    mail.raw = readFile(entry.path().string());
    // Unfold the headers, then read the ones the tests look at.
    const auto split = mail.raw.find("\n\n");
    std::string headers = mail.raw.substr(0, split);
    std::string unfolded;
    for (std::size_t i = 0; i < headers.size(); ++i) {
      if (headers[i] == '\r') continue;
      if (headers[i] == '\n' && i + 1 < headers.size() && (headers[i + 1] == ' ' || headers[i + 1] == '\t')) continue;
      unfolded += headers[i];
    }
    std::istringstream lines(unfolded);
    std::string line;
    bool quotedPrintable = false;
    while (std::getline(lines, line)) {
      auto value = [&line] { return line.substr(line.find(':') + 1 + (line.find(": ") != std::string::npos)); };
      if (line.rfind("X-RcptTo:", 0) == 0) mail.envelopeTo = value();
      if (line.rfind("To:", 0) == 0) mail.to = value();
      if (line.rfind("Subject:", 0) == 0) mail.subject = decodeEncodedWords(value());
      if (line.rfind("Content-Transfer-Encoding:", 0) == 0) quotedPrintable = value() == "quoted-printable";
    }
    std::string body = split == std::string::npos ? std::string() : mail.raw.substr(split + 2);
    if (quotedPrintable) {
      std::istringstream in(body);
      Poco::Net::QuotedPrintableDecoder decoder(in);
      body.clear();
      Poco::StreamCopier::copyToString(decoder, body);
    }
    mail.body = body;
    out.push_back(std::move(mail));
  }
  return out;
}

// ---- subdesk-notifier ------------------------------------------------------------------

std::string NotifierProcess::binary() {
  const char* path = std::getenv("SUBDESK_NOTIFIER");
  if (!path || !*path) throw std::runtime_error("SUBDESK_NOTIFIER (the subdesk-notifier binary) is not set");
  return path;
}

NotifierProcess::NotifierProcess(const std::string& dir, const std::string& name,
                                 const std::map<std::string, std::string>& settings) {
  std::ostringstream props;
  props << "logging.loggers.root.channel = console\nlogging.loggers.root.level = debug\n"
        << "logging.channels.console.class = ConsoleChannel\n";
  for (const auto& [key, value] : settings) props << key << " = " << value << "\n";
  const std::string conf = dir + "/" + name + ".properties";
  writeFile(conf, props.str());
  process_ = std::make_unique<ChildProcess>(binary(), std::vector<std::string>{"--config", conf},
                                            dir + "/" + name + ".log");
}

NotifierProcess::~NotifierProcess() { process_->stop(); }

}  // namespace subdesk::test
