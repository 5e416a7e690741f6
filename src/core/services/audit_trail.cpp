#include "core/services/audit_trail.h"

#include <algorithm>
#include <cctype>

#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {
namespace {

constexpr const char* kSelect =
    "SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
    "to_char(at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD HH24:MI:SS'), who::text, action, table_name, "
    "row_id, customer_id, account_id, line_id, interaction_id, changes::text "
    "FROM audit_log WHERE true";

bool isIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

void requireDate(const std::string& s) {
  if (!s.empty() && !isIsoDate(s))
    throw UserError(format(tr("“{0}” is not a date in the form YYYY-MM-DD."), {s}), "22007");
}

std::optional<std::int64_t> optionalId(long long value, soci::indicator ind) {
  if (ind != soci::i_ok) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

}  // namespace

const std::vector<std::string>& AuditTrail::commonActions() {
  static const std::vector<std::string> actions{
      "INSERT",        "UPDATE",    "DELETE",     "TRUNCATE",     "reveal_document", "call_history",
      "detailed_bill", "staff_add", "staff_lock", "staff_unlock", "staff_password",  "staff_move"};
  return actions;
}

AuditPage AuditTrail::query(const AuditFilter& filter, std::optional<AuditCursor> after, int limit) {
  requireDate(filter.fromDate);
  requireDate(filter.toDate);
  if (after && after->atUtc.empty()) after.reset();
  limit = std::clamp(limit, 1, 1000);

  // The statement is put together from fixed fragments only; every value is bound.
  std::string text = kSelect;
  if (!filter.fromDate.empty())
    text += " AND at >= (CAST(:from_date AS date)::timestamp AT TIME ZONE 'Europe/Kyiv')";
  if (!filter.toDate.empty())
    text += " AND at < ((CAST(:to_date AS date) + 1)::timestamp AT TIME ZONE 'Europe/Kyiv')";
  if (!filter.who.empty()) text += " AND who = :who";
  if (filter.customerId) text += " AND customer_id = :customer_id";
  if (!filter.action.empty()) text += " AND action = :action";
  if (after) text += " AND (at, id) < (CAST(:after_at AS timestamp) AT TIME ZONE 'UTC', :after_id)";
  text += " ORDER BY at DESC, id DESC LIMIT :page_limit";

  // Bound values live until the statement is done.
  const long long customer = filter.customerId.value_or(0);
  const long long afterId = after ? after->id : 0;
  const std::string afterAt = after ? after->atUtc : std::string();
  const int fetchLimit = limit + 1;  // one more row says whether another page follows

  soci::statement st(sql_);
  st.alloc();
  st.prepare(text);
  if (!filter.fromDate.empty()) st.exchange(soci::use(filter.fromDate));
  if (!filter.toDate.empty()) st.exchange(soci::use(filter.toDate));
  if (!filter.who.empty()) st.exchange(soci::use(filter.who));
  if (filter.customerId) st.exchange(soci::use(customer));
  if (!filter.action.empty()) st.exchange(soci::use(filter.action));
  if (after) {
    st.exchange(soci::use(afterAt));
    st.exchange(soci::use(afterId));
  }
  st.exchange(soci::use(fetchLimit));

  long long id = 0, customerId = 0, accountId = 0, lineId = 0, interactionId = 0;
  std::string atUtc, at, who, action, table, rowId, changes;
  soci::indicator tableInd = soci::i_ok, rowInd = soci::i_ok, customerInd = soci::i_ok,
                  accountInd = soci::i_ok, lineInd = soci::i_ok, interactionInd = soci::i_ok,
                  changesInd = soci::i_ok;
  st.exchange(soci::into(id));
  st.exchange(soci::into(atUtc));
  st.exchange(soci::into(at));
  st.exchange(soci::into(who));
  st.exchange(soci::into(action));
  st.exchange(soci::into(table, tableInd));
  st.exchange(soci::into(rowId, rowInd));
  st.exchange(soci::into(customerId, customerInd));
  st.exchange(soci::into(accountId, accountInd));
  st.exchange(soci::into(lineId, lineInd));
  st.exchange(soci::into(interactionId, interactionInd));
  st.exchange(soci::into(changes, changesInd));
  st.define_and_bind();
  st.execute(false);

  AuditPage page;
  while (st.fetch()) {
    if (static_cast<int>(page.entries.size()) == limit) {
      page.more = true;
      break;
    }
    AuditEntry e;
    e.id = id;
    e.position = AuditCursor{atUtc, id};
    e.at = at;
    e.who = who;
    e.action = action;
    if (tableInd == soci::i_ok) e.tableName = table;
    if (rowInd == soci::i_ok) e.rowId = rowId;
    e.customerId = optionalId(customerId, customerInd);
    e.accountId = optionalId(accountId, accountInd);
    e.lineId = optionalId(lineId, lineInd);
    e.interactionId = optionalId(interactionId, interactionInd);
    if (changesInd == soci::i_ok) e.changes = changes;
    page.entries.push_back(std::move(e));
  }
  return page;
}

}  // namespace subdesk::services
