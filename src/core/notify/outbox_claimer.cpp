#include "core/notify/outbox_claimer.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <random>

#include <Poco/Environment.h>

#include "core/services/bill_email.h"  // fromHex

namespace subdesk::notify {

OutboxClaimer::OutboxClaimer(soci::session& sql, std::string owner, std::chrono::seconds lease)
    : sql_(sql), owner_(std::move(owner)), lease_(lease) {}

std::vector<OutboxMessage> OutboxClaimer::claim(int batch) {
  const int leaseSeconds = static_cast<int>(lease_.count());
  // The subquery locks candidate rows and skips those another claimer holds; for a row
  // that another claimer updated and committed meanwhile, FOR UPDATE re-evaluates the
  // WHERE on the new version, so a fresh claim is never taken twice.
  soci::rowset<soci::row> rows =
      (sql_.prepare << "UPDATE outbox o SET claimed_by = :owner, "
                       "  claimed_until = now() + make_interval(secs => :lease) "
                       "WHERE o.id IN (SELECT id FROM outbox "
                       "  WHERE status = 'queued' AND next_attempt_at <= now() "
                       "    AND (claimed_until IS NULL OR claimed_until < now()) "
                       "  ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED) "
                       "RETURNING o.id, o.channel, o.recipient, o.subject, o.body, o.secret, o.attempts",
       soci::use(owner_, "owner"), soci::use(leaseSeconds, "lease"), soci::use(batch, "batch"));
  std::vector<OutboxMessage> out;
  for (const auto& r : rows) {
    OutboxMessage m;
    m.id = r.get<long long>(0);
    m.channel = r.get<std::string>(1) == "email" ? Channel::Email : Channel::Sms;
    m.recipient = r.get<std::string>(2);
    if (r.get_indicator(3) == soci::i_ok) m.subject = r.get<std::string>(3);
    m.body = r.get<std::string>(4);
    if (r.get_indicator(5) == soci::i_ok) m.secret = r.get<std::string>(5);
    m.attempts = r.get<int>(6);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

bool OutboxClaimer::confirm(std::int64_t id) {
  const long long rowId = id;
  const int leaseSeconds = static_cast<int>(lease_.count());
  long long got = 0;
  soci::statement st =
      (sql_.prepare << "UPDATE outbox SET claimed_until = now() + make_interval(secs => :lease) "
                       "WHERE id = :id AND claimed_by = :owner AND status = 'queued' RETURNING id",
       soci::use(leaseSeconds, "lease"), soci::use(rowId, "id"), soci::use(owner_, "owner"), soci::into(got));
  return st.execute(true) && got == rowId;
}

void OutboxClaimer::loadAttachments(OutboxMessage& message) {
  message.attachments.clear();
  const long long rowId = message.id;
  // bytea as hexadecimal text: SOCI binds text, and the file stays byte for byte.
  soci::rowset<soci::row> rows = (sql_.prepare << "SELECT file_name, mime_type, encode(content, 'hex') "
                                                  "FROM outbox_attachment WHERE outbox_id = :id ORDER BY id",
                                  soci::use(rowId, "id"));
  for (const auto& r : rows) {
    message.attachments.push_back(
        {r.get<std::string>(0), r.get<std::string>(1), services::fromHex(r.get<std::string>(2))});
  }
}

bool OutboxClaimer::markSent(const OutboxMessage& message) {
  const long long rowId = message.id;
  const std::string secret = message.secret.value_or("");
  const std::string body = scrubSecret(message.body, secret);
  std::string subject = message.subject ? scrubSecret(*message.subject, secret) : std::string();
  soci::indicator subjectInd = message.subject ? soci::i_ok : soci::i_null;
  soci::statement st =
      (sql_.prepare << "UPDATE outbox SET status = 'sent', sent_at = now(), last_attempt_at = now(), "
                       "  attempts = attempts + 1, last_error = NULL, body = :body, subject = :subject, "
                       "  secret = NULL, claimed_by = NULL, claimed_until = NULL "
                       "WHERE id = :id AND claimed_by = :owner",
       soci::use(body, "body"), soci::use(subject, subjectInd, "subject"), soci::use(rowId, "id"),
       soci::use(owner_, "owner"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool OutboxClaimer::markRetry(const OutboxMessage& message, const std::string& error, const BackoffPolicy& backoff) {
  const long long rowId = message.id;
  const double delaySeconds = static_cast<double>(backoff.delayAfter(message.attempts + 1).count()) / 1000.0;
  soci::statement st =
      (sql_.prepare << "UPDATE outbox SET attempts = attempts + 1, last_error = :error, last_attempt_at = now(), "
                       "  next_attempt_at = now() + make_interval(secs => :delay), "
                       "  claimed_by = NULL, claimed_until = NULL "
                       "WHERE id = :id AND claimed_by = :owner AND status = 'queued'",
       soci::use(error, "error"), soci::use(delaySeconds, "delay"), soci::use(rowId, "id"),
       soci::use(owner_, "owner"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool OutboxClaimer::markUndeliverable(const OutboxMessage& message, const std::string& error) {
  // A code that never went out is of no use to anyone: it is scrubbed all the same.
  const long long rowId = message.id;
  const std::string body = scrubSecret(message.body, message.secret.value_or(""));
  soci::statement st =
      (sql_.prepare << "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = :error, "
                       "  last_attempt_at = now(), body = :body, secret = NULL, "
                       "  claimed_by = NULL, claimed_until = NULL "
                       "WHERE id = :id AND claimed_by = :owner AND status = 'queued'",
       soci::use(error, "error"), soci::use(body, "body"), soci::use(rowId, "id"), soci::use(owner_, "owner"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void OutboxClaimer::release(std::int64_t id) {
  const long long rowId = id;
  sql_ << "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :owner",
      soci::use(rowId, "id"), soci::use(owner_, "owner");
}

std::string makeNotifierName() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> dist(0, 0xffffff);
  char tag[8];
  std::snprintf(tag, sizeof tag, "%06x", dist(rd));
  return Poco::Environment::nodeName() + ":" + std::to_string(::getpid()) + ":" + tag;
}

}  // namespace subdesk::notify
