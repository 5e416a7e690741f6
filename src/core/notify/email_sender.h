#pragma once
// E-mail over SMTP with Poco::Net. STARTTLS is used when the server offers it in its
// EHLO answer (or demanded, or never used, as configured); the subject is RFC 2047
// encoded UTF-8, the body text/plain UTF-8 in quoted-printable; a message with attachments
// is multipart/mixed: that text, then each file in base64 with its name.
#include <chrono>
#include <string>

#include <Poco/Net/MailMessage.h>

#include "core/notify/outbox_message.h"

namespace subdesk::notify {

enum class StartTls { Auto, Required, Never };

struct SmtpSettings {
  std::string host = "127.0.0.1";
  unsigned short port = 25;
  std::string username;  // empty: no AUTH
  std::string password;
  std::string from;      // "subdesk <noreply@example.net>" or a bare address
  StartTls startTls = StartTls::Auto;
  bool verifyCertificate = true;  // the server's certificate against the system CAs
  std::string caFile;             // extra CA file or folder for verification (optional)
  std::string heloName;           // EHLO name; the host name when empty
  std::chrono::milliseconds timeout{20000};
};

StartTls parseStartTls(const std::string& value);  // auto | required | never

// The message as it goes on the wire (headers and content), for the sender and tests.
void buildMailMessage(Poco::Net::MailMessage& mail, const SmtpSettings& settings, const OutboxMessage& message);

// A header value as RFC 2047 encoded words (UTF-8, base64) of whole characters, folded;
// pure printable ASCII is left as it is.
std::string encodeHeaderText(const std::string& text);

// Whether an EHLO answer (all its lines) offers STARTTLS.
bool offersStartTls(const std::string& ehloResponse);

class EmailSender : public Sender {
 public:
  explicit EmailSender(SmtpSettings settings);
  DeliveryResult send(const OutboxMessage& message) override;

 private:
  SmtpSettings settings_;
};

}  // namespace subdesk::notify
