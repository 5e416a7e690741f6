#include "core/services/detail_requests.h"

#include "core/reporting/report.h"
#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {
namespace {

std::chrono::year_month_day parseDay(const std::string& iso) {
  const auto d = reporting::parseIsoDay(iso);
  if (!d) throw std::runtime_error("not a day: " + iso);
  return *d;
}

}  // namespace

DetailQuote DetailRequests::quote(std::int64_t accountId) {
  long long a1 = accountId, a2 = accountId;
  std::string registered, today;
  soci::indicator regInd = soci::i_ok;
  long long earlier = 0;
  int found = 0;
  sql_ << "SELECT 1, CAST(a.selfcare_registered_on AS text), CAST(kyiv_day(subdesk_now()) AS text), "
          "(SELECT count(*) FROM detail_request d WHERE d.account_id = :a2 "
          " AND d.requested_at >= date_trunc('month', kyiv_day(subdesk_now()))::timestamp AT TIME ZONE 'Europe/Kyiv') "
          "FROM account a WHERE a.id = :a1",
      soci::use(a2, "a2"), soci::use(a1, "a1"), soci::into(found), soci::into(registered, regInd), soci::into(today),
      soci::into(earlier);
  if (!found) throw UserError(tr("The account no longer exists."), "not_found");
  DetailQuote q;
  q.today = parseDay(today);
  q.earlierThisMonth = static_cast<int>(earlier);
  if (regInd == soci::i_ok) q.registeredOn = parseDay(registered);
  q.fee = DetailFeePolicy().quote(q.registeredOn, q.today, q.earlierThisMonth);
  return q;
}

DetailRequestResult DetailRequests::request(const DetailRequestInput& in) {
  long long account = in.accountId, fee = in.expectedFee.kopecks(), requestId = 0, ledgerFee = 0, ledgerId = 0;
  long long line = in.lineId;
  soci::indicator lineInd = in.lineId ? soci::i_ok : soci::i_null;
  const std::string from = reporting::isoDay(in.from), to = reporting::isoDay(in.to);
  std::string reason = in.waiveReason.value_or("");
  soci::indicator reasonInd = in.waiveReason ? soci::i_ok : soci::i_null;
  std::string key = in.idempotencyKey;
  int waived = 0;
  soci::indicator ledgerInd = soci::i_ok;
  sql_ << "SELECT request_id, fee, CAST(waived AS int), ledger_id FROM detail_request_create(:a, :l, "
          "CAST(:f AS date), CAST(:t AS date), :fee, :r, :k)",
      soci::use(account, "a"), soci::use(line, lineInd, "l"), soci::use(from, "f"), soci::use(to, "t"),
      soci::use(fee, "fee"), soci::use(reason, reasonInd, "r"), soci::use(key, "k"), soci::into(requestId),
      soci::into(ledgerFee), soci::into(waived), soci::into(ledgerId, ledgerInd);
  DetailRequestResult r;
  r.requestId = requestId;
  r.fee = Money::fromKopecks(ledgerFee);
  r.waived = waived != 0;
  r.ledgerId = ledgerInd == soci::i_ok ? ledgerId : 0;
  return r;
}

}  // namespace subdesk::services
