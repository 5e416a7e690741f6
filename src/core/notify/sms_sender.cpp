#include "core/notify/sms_sender.h"

#include <istream>
#include <memory>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>

#include "core/notify/delivery_rules.h"

namespace subdesk::notify {

Poco::URI buildSendSmsUri(const KannelSettings& settings, const std::string& to, const std::string& text) {
  Poco::URI uri(settings.sendsmsUrl);
  // addQueryParameter percent-encodes the value, '+', '&' and '=' included, so a "+"
  // in a number or text is not read back as a space.
  uri.addQueryParameter("username", settings.username);
  uri.addQueryParameter("password", settings.password);
  uri.addQueryParameter("from", settings.from);
  uri.addQueryParameter("to", to);
  uri.addQueryParameter("text", text);
  uri.addQueryParameter("coding", "2");
  uri.addQueryParameter("charset", "UTF-8");
  return uri;
}

bool kannelAccepted(int httpStatus, const std::string& responseBody) {
  if (httpStatus != Poco::Net::HTTPResponse::HTTP_ACCEPTED && httpStatus != Poco::Net::HTTPResponse::HTTP_OK) {
    return false;
  }
  return responseBody.rfind("0:", 0) == 0 || responseBody.rfind("3:", 0) == 0;
}

SmsSender::SmsSender(KannelSettings settings) : settings_(std::move(settings)) {
  const Poco::URI uri(settings_.sendsmsUrl);  // throws on a malformed URL, at start-up
  if (uri.getScheme() != "http" && uri.getScheme() != "https") {
    throw Poco::InvalidArgumentException("kannel.url must be http:// or https://", settings_.sendsmsUrl);
  }
}

DeliveryResult SmsSender::send(const OutboxMessage& message) {
  if (!isE164(message.recipient)) {
    return DeliveryResult::undeliverable("not an E.164 number: " + message.recipient);
  }
  const Poco::URI uri = buildSendSmsUri(settings_, message.recipient, message.body);
  try {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (uri.getScheme() == "https") {
      session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort());
    } else {
      session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    }
    const Poco::Timespan timeout(std::chrono::duration_cast<std::chrono::microseconds>(settings_.timeout).count());
    session->setTimeout(timeout, timeout, timeout);
    session->setKeepAlive(false);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    session->sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    std::string body;
    Poco::StreamCopier::copyToString(in, body);
    if (kannelAccepted(response.getStatus(), body)) return DeliveryResult::sent();
    std::ostringstream why;
    why << "Kannel answered HTTP " << static_cast<int>(response.getStatus()) << ": " << body.substr(0, 200);
    return DeliveryResult::retry(why.str());
  } catch (const Poco::Exception& e) {
    return DeliveryResult::retry("Kannel " + uri.getHost() + ":" + std::to_string(uri.getPort()) + ": " +
                                 e.displayText());
  } catch (const std::exception& e) {
    return DeliveryResult::retry(std::string("Kannel: ") + e.what());
  }
}

}  // namespace subdesk::notify
