#pragma once
// subdesk-notifier's configuration, read from a Poco::Util configuration (the
// properties or ini file given with --config). Keys and defaults are in
// installer/subdesk-notifier.properties.sample and the README.
#include <chrono>
#include <string>

#include <Poco/Util/AbstractConfiguration.h>

#include "core/notify/delivery_loop.h"
#include "core/notify/email_sender.h"
#include "core/notify/sms_sender.h"

namespace subdesk::notify {

struct NotifierSettings {
  std::string conninfo;  // database.conninfo: a login role that is a member of subdesk_notifier
  KannelSettings kannel;
  SmtpSettings smtp;
  LoopSettings loop;
  std::chrono::milliseconds pollInterval{2000};
  std::chrono::milliseconds reconnectDelay{5000};
};

// Throws Poco::InvalidArgumentException naming the key when a value is missing or out
// of range (a lease that a send could outlast, a batch of zero, ...).
NotifierSettings readNotifierSettings(const Poco::Util::AbstractConfiguration& config);

}  // namespace subdesk::notify
