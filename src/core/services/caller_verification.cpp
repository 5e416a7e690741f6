#include "core/services/caller_verification.h"

#include "core/domain/msisdn.h"
#include "core/util/i18n.h"

namespace subdesk::services {

bool verifiedNow(const InteractionState& s) {
  return !s.verifiedBy.empty() && s.verifiedSecondsAgo >= 0 && s.verifiedSecondsAgo < kVerificationWindowSeconds;
}

int minutesLeft(const InteractionState& s) {
  if (!verifiedNow(s)) return 0;
  const long long left = kVerificationWindowSeconds - s.verifiedSecondsAgo;
  return static_cast<int>((left + 59) / 60);
}

std::string documentKindTitle(const std::string& kind) {
  if (kind == "passport") return tr("passport");
  if (kind == "id_card") return tr("ID card");
  if (kind == "foreign_passport") return tr("foreign passport");
  if (kind == "residence_permit") return tr("residence permit");
  return kind;
}

// TRANSLATORS: how a caller was verified, as in "Caller verified by the code word"
// (Ukrainian: the instrumental case, "кодовим словом").
std::string verificationMethodTitle(const std::string& method, const std::string& docKind) {
  if (method == "code_word") return tr("the code word");
  if (method == "otp") return tr("an SMS code");
  if (method == "document") {
    return docKind.empty() ? tr("an ID document") : format(tr("an ID document ({0})"), {documentKindTitle(docKind)});
  }
  return method;
}

std::string describeInteraction(const InteractionState& s) {
  const std::string minutes = std::to_string(s.openedSecondsAgo / 60);
  std::string text;
  if (s.channel == "visit") {
    text = format(tr("Office visit since {0} ({1} min)."), {s.openedAtLocal, minutes});
  } else if (auto number = Msisdn::parse(s.callerNumber)) {
    text = format(tr("Call from {0} since {1} ({2} min)."), {number->national(), s.openedAtLocal, minutes});
  } else {
    text = format(tr("Call since {0} ({1} min)."), {s.openedAtLocal, minutes});
  }
  text += ' ';
  if (s.verifiedBy.empty()) {
    text += s.verifyFailures > 0
                ? format(tr("Caller not verified ({0} wrong answers of 3)."), {std::to_string(s.verifyFailures)})
                : tr("Caller not verified.");
  } else if (verifiedNow(s)) {
    text += format(tr("Caller verified by {0} at {1}, valid until {2} ({3} min left)."),
                   {verificationMethodTitle(s.verifiedBy, s.docKind), s.verifiedAtLocal, s.validUntilLocal,
                    std::to_string(minutesLeft(s))});
  } else {
    text += format(tr("The verification expired at {0}: verify the caller again."), {s.validUntilLocal});
  }
  return text;
}

std::optional<InteractionState> CallerVerification::current(std::int64_t customerId) {
  const long long customer = customerId;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, channel, coalesce(caller_number, ''), coalesce(verified_by, ''), "
                       "coalesce(verified_doc_kind, ''), verify_failures, "
                       "to_char(opened_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'), "
                       "coalesce(to_char(verified_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'), ''), "
                       "coalesce(to_char((verified_at + interval '30 minutes') AT TIME ZONE 'Europe/Kyiv', "
                       "'HH24:MI'), ''), "
                       "greatest(0, extract(epoch FROM subdesk_now() - opened_at))::bigint, "
                       "coalesce(extract(epoch FROM subdesk_now() - verified_at)::bigint, -1) "
                       "FROM interaction WHERE staff_login = session_user AND closed_at IS NULL "
                       "AND customer_id = :c ORDER BY opened_at DESC, id DESC LIMIT 1",
       soci::use(customer));
  for (const auto& r : rows) {
    InteractionState s;
    s.id = r.get<long long>(0);
    s.channel = r.get<std::string>(1);
    s.callerNumber = r.get<std::string>(2);
    s.verifiedBy = r.get<std::string>(3);
    s.docKind = r.get<std::string>(4);
    s.verifyFailures = r.get<int>(5);
    s.openedAtLocal = r.get<std::string>(6);
    s.verifiedAtLocal = r.get<std::string>(7);
    s.validUntilLocal = r.get<std::string>(8);
    s.openedSecondsAgo = r.get<long long>(9);
    s.verifiedSecondsAgo = r.get<long long>(10);
    return s;
  }
  return std::nullopt;
}

CodeTimes CallerVerification::sendCode(std::int64_t interactionId, std::int64_t lineId) {
  const long long interaction = interactionId, line = lineId;
  CodeTimes t;
  long long sent = 0, valid = 0, resend = 0;
  sql_ << "SELECT extract(epoch FROM sent_at)::bigint, extract(epoch FROM valid_until)::bigint, "
          "extract(epoch FROM resend_allowed_at)::bigint, "
          "to_char(sent_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'), "
          "to_char(valid_until AT TIME ZONE 'Europe/Kyiv', 'HH24:MI'), "
          "to_char(resend_allowed_at AT TIME ZONE 'Europe/Kyiv', 'HH24:MI') "
          "FROM verification_code_send(:i, :l)",
      soci::use(interaction), soci::use(line), soci::into(sent), soci::into(valid), soci::into(resend),
      soci::into(t.sentAtLocal), soci::into(t.validUntilLocal), soci::into(t.resendAllowedAtLocal);
  t.sentAt = std::chrono::sys_seconds{std::chrono::seconds{sent}};
  t.validUntil = std::chrono::sys_seconds{std::chrono::seconds{valid}};
  t.resendAllowedAt = std::chrono::sys_seconds{std::chrono::seconds{resend}};
  return t;
}

}  // namespace subdesk::services
