#pragma once
// Claims due outbox rows for one notifier and records what became of them.
//
// claim() marks up to `batch` due rows (status queued, next_attempt_at <= now(), no live
// claim) as this notifier's for `lease`, in one statement that locks them with
// FOR UPDATE SKIP LOCKED: two notifiers claiming at once get disjoint rows, and no
// transaction stays open while a gateway is called. Before each send, confirm() renews
// the claim and says whether it is still ours; every update afterwards is conditional on
// claimed_by, so a notifier whose claim lapsed (it hung longer than the lease) can neither
// send nor mark a row another notifier has taken. The lease must be longer than one send
// can take (the gateways' timeouts); the notifier checks that at start-up.
#include <chrono>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/notify/delivery_rules.h"
#include "core/notify/outbox_message.h"

namespace subdesk::notify {

class OutboxClaimer {
 public:
  // `owner` names this notifier (host:pid:random) in claimed_by.
  OutboxClaimer(soci::session& sql, std::string owner, std::chrono::seconds lease);

  const std::string& owner() const { return owner_; }

  std::vector<OutboxMessage> claim(int batch);
  // Renews the claim on a row just before it is sent; false when it is no longer ours
  // (lapsed and taken by another notifier, or no longer queued).
  bool confirm(std::int64_t id);
  // The message's attachments (e-mail), read just before it is sent so that a claimed
  // batch does not hold every file in memory at once.
  void loadAttachments(OutboxMessage& message);
  // The gateway took it: sent, sent_at, secret scrubbed from subject and body and NULLed.
  bool markSent(const OutboxMessage& message);
  // Try again after the backoff; the row stays queued.
  bool markRetry(const OutboxMessage& message, const std::string& error, const BackoffPolicy& backoff);
  // It can never be delivered as addressed: status failed, secret NULLed.
  bool markUndeliverable(const OutboxMessage& message, const std::string& error);
  // Gives back a claimed row that was not attempted (shutdown), due again at once.
  void release(std::int64_t id);

 private:
  soci::session& sql_;
  std::string owner_;
  std::chrono::seconds lease_;
};

// A name for this process in claimed_by: host name, process id and a random tag.
std::string makeNotifierName();

}  // namespace subdesk::notify
