#include "core/notify/email_sender.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <Poco/Base64Encoder.h>

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Timestamp.h>

#include "core/notify/delivery_rules.h"

namespace subdesk::notify {

namespace {

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// The bare address of "Name <addr>" or "addr", for the Message-ID's domain.
std::string domainOf(const std::string& from) {
  std::string addr = from;
  if (auto lt = from.find('<'); lt != std::string::npos) addr = from.substr(lt + 1, from.find('>', lt) - lt - 1);
  const auto at = addr.rfind('@');
  return at == std::string::npos ? "localhost" : addr.substr(at + 1);
}

Poco::Net::Context::Ptr tlsContext(const SmtpSettings& s) {
  using Poco::Net::Context;
  return new Context(Context::TLS_CLIENT_USE, "", "", s.caFile,
                     s.verifyCertificate ? Context::VERIFY_RELAXED : Context::VERIFY_NONE, 9,
                     /*loadDefaultCAs=*/s.verifyCertificate);
}

}  // namespace

StartTls parseStartTls(const std::string& value) {
  if (value == "auto" || value.empty()) return StartTls::Auto;
  if (value == "required" || value == "yes" || value == "true") return StartTls::Required;
  if (value == "never" || value == "no" || value == "false") return StartTls::Never;
  throw Poco::InvalidArgumentException("smtp.starttls must be auto, required or never", value);
}

std::string encodeHeaderText(const std::string& text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f;
  });
  if (plain && text.find("=?") == std::string::npos) return text;
  // Poco's MailMessage::encodeWord splits a long text in the middle of a UTF-8
  // character; RFC 2047 wants whole characters in each encoded word (at most 75 long:
  // "=?UTF-8?B?" + 60 base64 characters + "?=" holds 45 bytes).
  constexpr std::size_t kMaxBytes = 45;
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(pos + kMaxBytes, text.size());
    while (end < text.size() && end > pos && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    std::ostringstream b64;
    Poco::Base64Encoder encoder(b64);
    encoder.rdbuf()->setLineLength(0);
    encoder << text.substr(pos, end - pos);
    encoder.close();
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + b64.str() + "?=";
    pos = end;
  }
  return out;
}

bool offersStartTls(const std::string& ehloResponse) {
  // Lines like "250-STARTTLS" or "250 STARTTLS" (Poco joins the lines with '\n').
  std::size_t pos = 0;
  const std::string text = upper(ehloResponse);
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.size() >= 12 && line.compare(4, std::string::npos, "STARTTLS") == 0) return true;
    pos = end + 1;
  }
  return false;
}

void buildMailMessage(Poco::Net::MailMessage& mail, const SmtpSettings& settings, const OutboxMessage& message) {
  using Poco::Net::MailMessage;
  mail.setSender(settings.from);
  mail.addRecipient(Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, message.recipient));
  mail.setSubject(encodeHeaderText(message.subject.value_or("")));
  mail.setDate(Poco::Timestamp());
  // One Message-ID per outbox row: a message that is ever delivered twice (a notifier
  // crashed between the server's 250 and marking the row) is recognisable as one.
  mail.set("Message-ID", "<outbox-" + std::to_string(message.id) + "@" + domainOf(settings.from) + ">");
  if (message.attachments.empty()) {
    mail.setContentType("text/plain; charset=UTF-8");
    mail.setContent(message.body, MailMessage::ENCODING_QUOTED_PRINTABLE);
    return;
  }
  // multipart/mixed: the text first, then each file in base64 with its name.
  mail.addContent(new Poco::Net::StringPartSource(message.body, "text/plain; charset=UTF-8"),
                  MailMessage::ENCODING_QUOTED_PRINTABLE);
  for (const auto& a : message.attachments) {
    mail.addAttachment(a.fileName, new Poco::Net::StringPartSource(a.content, a.mimeType, a.fileName),
                       MailMessage::ENCODING_BASE64);
  }
}

EmailSender::EmailSender(SmtpSettings settings) : settings_(std::move(settings)) {
  if (settings_.from.empty()) throw Poco::InvalidArgumentException("smtp.from is not set");
}

DeliveryResult EmailSender::send(const OutboxMessage& message) {
  if (!isPlausibleEmailAddress(message.recipient)) {
    return DeliveryResult::undeliverable("not an e-mail address: " + message.recipient);
  }
  const std::string where = "SMTP " + settings_.host + ":" + std::to_string(settings_.port) + ": ";
  try {
    Poco::Net::SecureSMTPClientSession session(settings_.host, settings_.port);
    session.setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(settings_.timeout).count()));
    const std::string helo = settings_.heloName.empty() ? Poco::Environment::nodeName() : settings_.heloName;
    session.open();
    std::string ehlo;
    const int status = session.sendCommand("EHLO", helo, ehlo);
    if (status / 100 != 2) return DeliveryResult::retry(where + "EHLO refused: " + ehlo);
    bool secure = false;
    if (settings_.startTls != StartTls::Never && offersStartTls(ehlo)) {
      secure = session.startTLS(tlsContext(settings_));
      if (!secure) return DeliveryResult::retry(where + "STARTTLS was offered but failed");
    }
    if (settings_.startTls == StartTls::Required && !secure) {
      return DeliveryResult::retry(where + "the server does not offer STARTTLS (smtp.starttls = required)");
    }
    if (!settings_.username.empty()) {
      session.login(helo, Poco::Net::SMTPClientSession::AUTH_LOGIN, settings_.username, settings_.password);
    } else if (secure) {
      session.login(helo);  // EHLO again over TLS, as RFC 3207 asks
    }
    Poco::Net::MailMessage mail;
    buildMailMessage(mail, settings_, message);
    session.sendMessage(mail);
    try {
      session.close();
    } catch (const Poco::Exception&) {
      // The message was accepted (250 after DATA); a failed QUIT does not undo that.
    }
    return DeliveryResult::sent();
  } catch (const Poco::Net::SMTPException& e) {
    // A 5xx to RCPT TO: this recipient will never be accepted as addressed.
    if (e.message().rfind("Recipient rejected", 0) == 0 && e.code() >= 500 && e.code() < 600) {
      return DeliveryResult::undeliverable(where + e.displayText());
    }
    return DeliveryResult::retry(where + e.displayText());
  } catch (const Poco::Exception& e) {
    return DeliveryResult::retry(where + e.displayText());
  } catch (const std::exception& e) {
    return DeliveryResult::retry(where + e.what());
  }
}

}  // namespace subdesk::notify
