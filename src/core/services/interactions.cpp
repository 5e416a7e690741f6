#include "core/services/interactions.h"

namespace subdesk::services {
namespace {

const char* channelName(Channel c) { return c == Channel::Call ? "call" : "visit"; }

const char* methodName(VerifyMethod m) {
  switch (m) {
    case VerifyMethod::Otp:
      return "otp";
    case VerifyMethod::Document:
      return "document";
    case VerifyMethod::CodeWord:
      return "code_word";
  }
  return "";
}

}  // namespace

std::int64_t Interactions::open(Channel channel, const std::string& callerE164, std::int64_t customerId) {
  long long id = 0;
  const std::string ch = channelName(channel);
  soci::indicator callerInd = callerE164.empty() ? soci::i_null : soci::i_ok;
  soci::indicator customerInd = customerId == 0 ? soci::i_null : soci::i_ok;
  long long customer = customerId;
  sql_ << "SELECT interaction_open(:ch, :caller, :customer)", soci::use(ch),
      soci::use(callerE164, callerInd), soci::use(customer, customerInd), soci::into(id);
  return id;
}

void Interactions::attachCustomer(std::int64_t interactionId, std::int64_t customerId) {
  long long i = interactionId, c = customerId;
  sql_ << "SELECT interaction_attach_customer(:i, :c)", soci::use(i), soci::use(c);
}

bool Interactions::verify(std::int64_t interactionId, VerifyMethod method, const std::string& answer,
                          const std::string& docKind) {
  long long i = interactionId;
  const std::string m = methodName(method);
  soci::indicator docInd = docKind.empty() ? soci::i_null : soci::i_ok;
  int ok = 0;
  sql_ << "SELECT interaction_verify(:i, :m, :a, :d)::int", soci::use(i), soci::use(m), soci::use(answer),
      soci::use(docKind, docInd), soci::into(ok);
  return ok == 1;
}

void Interactions::close(std::int64_t interactionId, const std::string& wrapUp) {
  long long i = interactionId;
  sql_ << "SELECT interaction_close(:i, :w)", soci::use(i), soci::use(wrapUp);
}

std::vector<InteractionInfo> Interactions::openOnes() {
  std::vector<InteractionInfo> out;
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT id, channel, coalesce(caller_number, ''), coalesce(customer_id, 0), "
                       "coalesce(verified_by, ''), "
                       "coalesce(to_char(verified_at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD\"T\"HH24:MI:SS'), ''), "
                       "to_char(opened_at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD\"T\"HH24:MI:SS') "
                       "FROM interaction WHERE staff_login = session_user AND closed_at IS NULL "
                       "ORDER BY opened_at DESC, id DESC");
  for (const auto& r : rows) {
    out.push_back({r.get<long long>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<long long>(3),
                   r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6)});
  }
  return out;
}

}  // namespace subdesk::services
