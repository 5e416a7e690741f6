#pragma once
// SMS through Kannel's smsbox HTTP interface (GET /cgi-bin/sendsms). Text goes as UCS-2
// (coding=2) from UTF-8 (charset=UTF-8), so Cyrillic arrives intact. smsbox answers
// HTTP 202 "0: Accepted for delivery" (or "3: Queued for later delivery") once the
// message is in bearerbox's queue; anything else is retried.
#include <chrono>
#include <string>

#include <Poco/URI.h>

#include "core/notify/outbox_message.h"

namespace subdesk::notify {

struct KannelSettings {
  std::string sendsmsUrl;  // http://127.0.0.1:13013/cgi-bin/sendsms (https works too)
  std::string username;
  std::string password;
  std::string from;        // sender number or alphanumeric name
  std::chrono::milliseconds timeout{15000};  // connect, send and receive, each
};

// The request URI for one SMS: the configured URL plus username, password, from, to,
// text, coding=2 and charset=UTF-8, every value percent-encoded.
Poco::URI buildSendSmsUri(const KannelSettings& settings, const std::string& to, const std::string& text);

// Whether smsbox's answer means the message was taken.
bool kannelAccepted(int httpStatus, const std::string& responseBody);

class SmsSender : public Sender {
 public:
  explicit SmsSender(KannelSettings settings);
  DeliveryResult send(const OutboxMessage& message) override;

 private:
  KannelSettings settings_;
};

}  // namespace subdesk::notify
