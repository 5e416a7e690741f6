#include "core/notify/delivery_loop.h"

#include <Poco/Logger.h>

#include "core/notify/outbox_claimer.h"

namespace subdesk::notify {

namespace {
Poco::Logger& logger() { return Poco::Logger::get("subdesk.notifier"); }

const char* channelName(Channel c) { return c == Channel::Sms ? "sms" : "email"; }
}  // namespace

DeliveryLoop::DeliveryLoop(Connect connect, std::string owner, Sender& sms, Sender& email, LoopSettings settings)
    : connect_(std::move(connect)), owner_(std::move(owner)), sms_(sms), email_(email), settings_(settings) {}

soci::session& DeliveryLoop::session() {
  if (!sql_) {
    sql_ = connect_();
    logger().information("connected to the database as " + owner_);
  }
  return *sql_;
}

void DeliveryLoop::record(OutboxClaimer& claimer, const OutboxMessage& m, const DeliveryResult& r) {
  bool mine = false;
  switch (r.outcome) {
    case DeliveryResult::Outcome::Sent:
      mine = claimer.markSent(m);
      ++counters_.sent;
      logger().information("outbox " + std::to_string(m.id) + ": " + channelName(m.channel) + " to " + m.recipient +
                           " sent");
      break;
    case DeliveryResult::Outcome::Retry: {
      mine = claimer.markRetry(m, r.error, settings_.backoff);
      ++counters_.retried;
      const auto wait = settings_.backoff.delayAfter(m.attempts + 1);
      logger().warning("outbox " + std::to_string(m.id) + ": attempt " + std::to_string(m.attempts + 1) +
                       " failed, next in " + std::to_string(wait.count()) + " ms: " + r.error);
      break;
    }
    case DeliveryResult::Outcome::Undeliverable:
      mine = claimer.markUndeliverable(m, r.error);
      ++counters_.undeliverable;
      logger().error("outbox " + std::to_string(m.id) + ": undeliverable, marked failed: " + r.error);
      break;
  }
  if (!mine) {
    ++counters_.lostClaims;
    logger().warning("outbox " + std::to_string(m.id) + ": the claim lapsed before the outcome was recorded");
  }
}

int DeliveryLoop::runOnce(const std::atomic<bool>& stopping) {
  std::vector<OutboxMessage> batch;
  std::size_t next = 0;
  try {
    OutboxClaimer claimer(session(), owner_, settings_.lease);
    // Outcomes from before a lost connection first: their claims are still ours.
    while (!pending_.empty()) {
      record(claimer, pending_.front().message, pending_.front().result);
      pending_.erase(pending_.begin());
    }
    if (stopping) return 0;
    batch = claimer.claim(settings_.batchSize);
    for (; next < batch.size(); ++next) {
      if (stopping) break;
      OutboxMessage& m = batch[next];
      if (!claimer.confirm(m.id)) {
        ++counters_.lostClaims;
        logger().warning("outbox " + std::to_string(m.id) + ": claim lapsed before sending; left to its new owner");
        continue;
      }
      if (m.channel == Channel::Email) claimer.loadAttachments(m);
      const DeliveryResult result = (m.channel == Channel::Sms ? sms_ : email_).send(m);
      m.attachments.clear();  // sent or not, the files are not needed to record the outcome
      try {
        record(claimer, m, result);
      } catch (...) {
        pending_.push_back({m, result});
        ++next;  // attempted: not to be given back below
        throw;
      }
    }
    for (std::size_t i = next; i < batch.size(); ++i) claimer.release(batch[i].id);
    return static_cast<int>(batch.size());
  } catch (...) {
    // The unattempted rows keep their claim until it lapses; the session is renewed.
    sql_.reset();
    throw;
  }
}

}  // namespace subdesk::notify
