#include "core/notify/notifier_settings.h"

#include <algorithm>

#include <Poco/Exception.h>

namespace subdesk::notify {

namespace {

using std::chrono::milliseconds;

std::string required(const Poco::Util::AbstractConfiguration& c, const std::string& key) {
  std::string value = c.getString(key, "");
  if (value.empty()) throw Poco::InvalidArgumentException("missing configuration key", key);
  return value;
}

long positive(const Poco::Util::AbstractConfiguration& c, const std::string& key, long fallback) {
  const long value = c.getInt64(key, fallback);
  if (value <= 0) throw Poco::InvalidArgumentException("must be positive", key);
  return value;
}

}  // namespace

NotifierSettings readNotifierSettings(const Poco::Util::AbstractConfiguration& c) {
  NotifierSettings s;
  s.conninfo = required(c, "database.conninfo");

  s.kannel.sendsmsUrl = required(c, "kannel.url");
  s.kannel.username = required(c, "kannel.username");
  s.kannel.password = c.getString("kannel.password", "");
  s.kannel.from = c.getString("kannel.from", "");
  s.kannel.timeout = milliseconds(positive(c, "kannel.timeout_ms", 15000));

  s.smtp.host = c.getString("smtp.host", "127.0.0.1");
  const long port = positive(c, "smtp.port", 25);
  if (port > 65535) throw Poco::InvalidArgumentException("not a port number", "smtp.port");
  s.smtp.port = static_cast<unsigned short>(port);
  s.smtp.username = c.getString("smtp.username", "");
  s.smtp.password = c.getString("smtp.password", "");
  s.smtp.from = required(c, "smtp.from");
  s.smtp.startTls = parseStartTls(c.getString("smtp.starttls", "auto"));
  s.smtp.verifyCertificate = c.getBool("smtp.verify_certificate", true);
  s.smtp.caFile = c.getString("smtp.ca_file", "");
  s.smtp.heloName = c.getString("smtp.helo", "");
  s.smtp.timeout = milliseconds(positive(c, "smtp.timeout_ms", 20000));

  s.pollInterval = milliseconds(positive(c, "notifier.poll_interval_ms", 2000));
  s.reconnectDelay = milliseconds(positive(c, "notifier.reconnect_delay_ms", 5000));
  s.loop.batchSize = static_cast<int>(positive(c, "notifier.batch_size", 10));
  if (s.loop.batchSize > 1000) throw Poco::InvalidArgumentException("at most 1000", "notifier.batch_size");
  s.loop.backoff = BackoffPolicy(milliseconds(positive(c, "notifier.backoff_base_ms", 5000)),
                                 milliseconds(positive(c, "notifier.backoff_cap_ms", 600000)));
  s.loop.lease = std::chrono::seconds(positive(c, "notifier.lease_s", 120));
  // One send is several socket operations, each bounded by the timeout: the claim must
  // outlast the slowest send by a wide margin, or another notifier could take the row
  // while it is being sent.
  const auto slowest = std::max(s.kannel.timeout, s.smtp.timeout);
  if (s.loop.lease < 4 * slowest) {
    throw Poco::InvalidArgumentException("must be at least four times the larger of kannel.timeout_ms and "
                                         "smtp.timeout_ms",
                                         "notifier.lease_s");
  }
  return s;
}

}  // namespace subdesk::notify
