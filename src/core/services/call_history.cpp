#include "core/services/call_history.h"

#include <algorithm>

#include "core/reporting/report.h"
#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

using namespace card_sql;
using reporting::isoDay;

void CallHistory::open(std::int64_t lineId, std::chrono::year_month_day from, std::chrono::year_month_day to) {
  long long l = lineId;
  const std::string details = std::string("{\"from\": \"") + isoDay(from) + "\", \"to\": \"" + isoDay(to) + "\"}";
  long long id = 0;
  primary_ << "SELECT audit_read('call_history', NULL, NULL, :l, CAST(:d AS jsonb))", soci::use(l), soci::use(details),
      soci::into(id);
}

HistoryPage CallHistory::page(const HistoryFilter& f, const std::optional<HistoryCursor>& after, int limit) {
  if (!f.kind.empty() && f.kind != "voice" && f.kind != "sms" && f.kind != "data") {
    throw UserError(format(tr("Unknown kind of record: {0}."), {f.kind}), "bad_kind");
  }
  std::string digits;
  for (char c : f.number) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
      throw UserError(tr("Search a number by its digits."), "bad_number");
    }
  }
  limit = std::clamp(limit, 1, 500);
  HistoryPage page;
  long long line = f.lineId, afterId = after ? after->id : 0, lim = limit + 1;
  const std::string from = isoDay(f.from), to = isoDay(f.to), kind = f.kind, number = digits,
                    afterAt = after ? after->startedAt : std::string("infinity");
  const std::string kind2 = kind, number2 = number;
  std::vector<std::string> keys;
  eachRow(
      reader_,
      "SELECT c.id, kyiv_iso(c.started_at), c.kind, c.direction, c.other_number, c.duration_s, c.volume_kb, "
      "c.charge, CAST(c.roaming AS int), CAST(c.started_at AS text) FROM cdr_visible c "
      "WHERE c.line_id = :l "
      "AND c.started_at >= CAST(:f AS date) AT TIME ZONE 'Europe/Kyiv' "
      "AND c.started_at < (CAST(:t AS date) + 1) AT TIME ZONE 'Europe/Kyiv' "
      "AND (:k1 = '' OR c.kind = :k2) "
      "AND (:n1 = '' OR strpos(c.other_number, :n2) > 0) "
      "AND (c.started_at, c.id) < (CAST(:a AS timestamptz), :ai) "
      "ORDER BY c.started_at DESC, c.id DESC LIMIT :lim",
      [&](const soci::row& r) {
        HistoryRecord h;
        h.id = i64(r, 0);
        h.at = str(r, 1);
        h.kind = str(r, 2);
        h.direction = str(r, 3);
        h.otherNumber = str(r, 4);
        h.durationS = i64(r, 5);
        h.volumeKb = i64(r, 6);
        h.charge = i64(r, 7);
        h.roaming = flag(r, 8);
        page.records.push_back(h);
        keys.push_back(str(r, 9));
      },
      soci::use(line, "l"), soci::use(from, "f"), soci::use(to, "t"), soci::use(kind, "k1"), soci::use(kind2, "k2"),
      soci::use(number, "n1"), soci::use(number2, "n2"), soci::use(afterAt, "a"), soci::use(afterId, "ai"), soci::use(lim, "lim"));
  if (page.records.size() > static_cast<std::size_t>(limit)) {
    page.records.pop_back();
    page.next = HistoryCursor{keys[page.records.size() - 1], page.records.back().id};
  }
  return page;
}

}  // namespace subdesk::services
