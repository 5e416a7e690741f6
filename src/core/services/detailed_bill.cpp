#include "core/services/detailed_bill.h"

#include "core/db/row_cursor.h"
#include "core/reporting/report.h"
#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

using namespace card_sql;

std::int64_t BillData::subtotal(const std::string& kind) const {
  std::int64_t s = 0;
  for (const auto& r : records) {
    if (r.kind == kind) s += r.charge;
  }
  return s;
}

BillData DetailedBill::load(std::int64_t accountId, std::int64_t lineId, std::chrono::year_month_day from,
                            std::chrono::year_month_day to) {
  BillData b;
  b.from = from;
  b.to = to;
  const std::string f = reporting::isoDay(from), t = reporting::isoDay(to);
  db::ReadSnapshot snapshot(sql_);
  long long a = accountId, l = lineId;
  int found = 0;
  eachRow(
      sql_,
      "SELECT a.number, concat_ws(' ', cu.last_name, cu.first_name, cu.patronymic), coalesce(cu.address, ''), "
      "coalesce(cu.email, '') FROM account a JOIN customer cu ON cu.id = a.customer_id WHERE a.id = :a",
      [&](const soci::row& r) {
        found = 1;
        b.accountNumber = str(r, 0);
        b.customerName = str(r, 1);
        b.customerAddress = str(r, 2);
        b.customerEmail = str(r, 3);
      },
      soci::use(a, "a"));
  if (!found) throw UserError(tr("The account no longer exists."), "not_found");
  long long l0 = lineId;
  eachRow(
      sql_, "SELECT l.msisdn FROM line l WHERE l.account_id = :a AND (l.id = :l OR :l0 = 0) ORDER BY l.id",
      [&](const soci::row& r) { b.msisdns.push_back(str(r, 0)); }, soci::use(a, "a"), soci::use(l, "l"),
      soci::use(l0, "l0"));
  // The records: from cdr_visible only (no emergency calls), one partition per month. The
  // lines as an array, not a join: see SubscriberCard::expenses on the security_barrier view.
  const std::vector<std::optional<std::string>> params{std::to_string(accountId), std::to_string(lineId), f, t};
  db::RowCursor rows(sql_,
                     "SELECT to_char(c.started_at AT TIME ZONE 'Europe/Kyiv', 'DD.MM HH24:MI'), l.msisdn, c.kind, "
                     "c.direction, coalesce(c.other_number, ''), coalesce(c.duration_s, 0), "
                     "coalesce(c.volume_kb, 0), c.charge, c.roaming FROM cdr_visible c JOIN line l ON l.id = c.line_id "
                     "WHERE c.line_id = ANY (ARRAY(SELECT id FROM line WHERE account_id = CAST($1 AS bigint) "
                     "AND (id = CAST($2 AS bigint) OR CAST($2 AS bigint) = 0))) "
                     "AND c.started_at >= CAST($3 AS date) AT TIME ZONE 'Europe/Kyiv' "
                     "AND c.started_at < (CAST($4 AS date) + 1) AT TIME ZONE 'Europe/Kyiv' "
                     "ORDER BY c.started_at, c.id",
                     params, 10000);
  while (rows.next()) {
    BillRecord r;
    r.at = rows.text(0);
    r.msisdn = rows.text(1);
    r.kind = rows.text(2);
    r.direction = rows.text(3);
    r.otherNumber = rows.text(4);
    r.durationS = std::stoll(std::string(rows.text(5)));
    r.volumeKb = std::stoll(std::string(rows.text(6)));
    r.charge = std::stoll(std::string(rows.text(7)));
    r.roaming = rows.text(8) == "t";
    b.usageTotal += r.charge;
    b.records.push_back(std::move(r));
  }
  const std::string range =
      "AND created_at >= CAST(:f AS date) AT TIME ZONE 'Europe/Kyiv' "
      "AND created_at < (CAST(:t AS date) + 1) AT TIME ZONE 'Europe/Kyiv' ";
  eachRow(
      sql_,
      "SELECT to_char(created_at AT TIME ZONE 'Europe/Kyiv', 'DD.MM HH24:MI'), kind, coalesce(description, ''), "
      "-amount FROM ledger WHERE account_id = :a AND wallet = 'main' "
      "AND ((amount < 0 AND kind IN ('monthly_fee', 'service_fee', 'detail_fee', 'turbo')) "
      "     OR kind = 'detail_fee_waiver') " + range + "ORDER BY created_at, id",
      [&](const soci::row& r) {
        BillFee fee{str(r, 0), str(r, 1), str(r, 2), i64(r, 3)};
        b.feesTotal += fee.amount;
        b.fees.push_back(std::move(fee));
      },
      soci::use(a, "a"), soci::use(f, "f"), soci::use(t, "t"));
  long long usage = 0;
  sql_ << "SELECT CAST(coalesce(-sum(amount), 0) AS bigint) FROM ledger WHERE account_id = :a AND wallet = 'main' "
          "AND kind = 'usage' " + range,
      soci::use(a, "a"), soci::use(f, "f"), soci::use(t, "t"), soci::into(usage);
  b.ledgerUsage = usage;
  return b;
}

}  // namespace subdesk::services
