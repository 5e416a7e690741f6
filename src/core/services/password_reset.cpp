#include "core/services/password_reset.h"

#include <soci/postgresql/soci-postgresql.h>

#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {
namespace {

std::chrono::sys_seconds fromEpoch(long long s) { return std::chrono::sys_seconds{std::chrono::seconds{s}}; }

[[noreturn]] void rethrowTranslated(const soci::soci_error& e) {
  const std::string state = sqlState(e);
  if (state == "SD001") {
    throw UserError(tr("Verify the caller first: a password can be reset only within a call or visit whose "
                       "caller was verified in the last 30 minutes."),
                    state);
  }
  if (state == "SD020") {
    throw UserError(
        tr("Three codes were already sent to this number in the last hour. Wait before sending another."),
        state);
  }
  if (state == "SD023") throw UserError(tr("This line is closed: no code can be sent to it."), state);
  throw;
}

}  // namespace

std::string CodeTimes::describe() const {
  return format(tr("Sent at {0}, valid until {1}."), {sentAtLocal, validUntilLocal});
}

CodeStatus PasswordReset::status(std::int64_t lineId) {
  CodeStatus st;
  const long long line = lineId;  // SOCI binds long long, not std::int64_t (long)
  soci::rowset<soci::row> rows =
      (sql_.prepare
           << "SELECT purpose, extract(epoch FROM sent_at)::bigint, extract(epoch FROM valid_until)::bigint, "
              "pending::int, tries_left, codes_last_hour, extract(epoch FROM resend_allowed_at)::bigint, "
              "sent_at_local, valid_until_local, resend_allowed_at_local, "
              "(resend_allowed_at <= subdesk_now())::int "
              "FROM otp_status(:line)",
       soci::use(line));
  for (const auto& r : rows) {
    st.everSent = true;
    st.purpose = r.get<std::string>(0);
    st.times.sentAt = fromEpoch(r.get<long long>(1));
    st.times.validUntil = fromEpoch(r.get<long long>(2));
    st.pending = r.get<int>(3) != 0;
    st.triesLeft = r.get<int>(4);
    st.codesLastHour = r.get<int>(5);
    st.times.resendAllowedAt = fromEpoch(r.get<long long>(6));
    st.times.sentAtLocal = r.get<std::string>(7);
    st.times.validUntilLocal = r.get<std::string>(8);
    st.times.resendAllowedAtLocal = r.get<std::string>(9);
    st.resendAllowedNow = r.get<int>(10) != 0;
  }
  return st;
}

CodeTimes PasswordReset::send(std::int64_t lineId) {
  // The database enforces the limit; asking first lets the desk say until when.
  if (const CodeStatus st = status(lineId); !st.resendAllowedNow) {
    throw UserError(format(tr("Three codes were already sent to this number in the last hour. "
                              "The next one may be sent at {0}."),
                           {st.times.resendAllowedAtLocal}),
                    "SD020");
  }
  CodeTimes t;
  const long long line = lineId;
  long long sent = 0, valid = 0, resend = 0;
  try {
    sql_ << "SELECT extract(epoch FROM sent_at)::bigint, extract(epoch FROM valid_until)::bigint, "
            "extract(epoch FROM resend_allowed_at)::bigint, "
            "to_char(sent_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'), "
            "to_char(valid_until AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'), "
            "to_char(resend_allowed_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI') "
            "FROM password_reset_send(:line)",
        soci::use(line), soci::into(sent), soci::into(valid), soci::into(resend), soci::into(t.sentAtLocal),
        soci::into(t.validUntilLocal), soci::into(t.resendAllowedAtLocal);
  } catch (const soci::soci_error& e) {
    rethrowTranslated(e);
  }
  t.sentAt = fromEpoch(sent);
  t.validUntil = fromEpoch(valid);
  t.resendAllowedAt = fromEpoch(resend);
  return t;
}

CodeTimes PasswordReset::send(const Msisdn& msisdn) {
  long long lineId = 0;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT id FROM line WHERE msisdn = :m AND status <> 'closed'", soci::use(msisdn.e164()),
      soci::into(lineId, ind);
  if (ind != soci::i_ok) {
    throw UserError(format(tr("No open line has the number {0}."), {msisdn.national()}), "P0002");
  }
  return send(static_cast<std::int64_t>(lineId));
}

}  // namespace subdesk::services
