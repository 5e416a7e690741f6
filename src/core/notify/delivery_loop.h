#pragma once
// One notifier's work: claim a batch of due outbox rows, send each through its channel's
// sender, record the outcome. Owns its database session and reconnects after a failure;
// an outcome that could not be recorded (the database went away after the gateway took
// the message) is kept and recorded first once the database is back, while the claim
// still holds, so a sent message is not sent again.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/notify/delivery_rules.h"
#include "core/notify/outbox_message.h"

namespace subdesk::notify {

struct LoopSettings {
  int batchSize = 10;
  std::chrono::seconds lease{120};
  BackoffPolicy backoff{std::chrono::seconds(5), std::chrono::minutes(10)};
};

struct LoopCounters {
  long sent = 0;
  long retried = 0;
  long undeliverable = 0;
  long lostClaims = 0;  // rows whose claim lapsed before they were sent or marked
};

class DeliveryLoop {
 public:
  using Connect = std::function<std::unique_ptr<soci::session>()>;

  DeliveryLoop(Connect connect, std::string owner, Sender& sms, Sender& email, LoopSettings settings);

  // Claims one batch and delivers it, checking `stopping` before each message (the
  // message being sent is finished; the rest of the batch is given back). Returns the
  // number of rows claimed. Throws on a database error, after dropping the session
  // (the next call reconnects).
  int runOnce(const std::atomic<bool>& stopping);

  const LoopCounters& counters() const { return counters_; }
  const std::string& owner() const { return owner_; }

 private:
  struct PendingMark {
    OutboxMessage message;
    DeliveryResult result;
  };
  soci::session& session();
  void record(class OutboxClaimer& claimer, const OutboxMessage& m, const DeliveryResult& r);

  Connect connect_;
  std::string owner_;
  Sender& sms_;
  Sender& email_;
  LoopSettings settings_;
  std::unique_ptr<soci::session> sql_;
  std::vector<PendingMark> pending_;
  LoopCounters counters_;
};

}  // namespace subdesk::notify
