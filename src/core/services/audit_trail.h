#pragma once
// The audit window's query (supervisors and admins; the database refuses anyone else with
// SQLSTATE 42501): audit_log rows matching a filter, newest first, a page at a time.
// Paging is by keyset, (at, id) below the last row shown, never OFFSET, so page 1000
// costs what page 1 costs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

struct AuditFilter {
  std::string fromDate;  // YYYY-MM-DD, Kyiv time, inclusive; empty: no lower bound
  std::string toDate;    // YYYY-MM-DD, Kyiv time, inclusive; empty: no upper bound
  std::string who;       // the staff login, exactly; empty: anyone
  std::optional<std::int64_t> customerId;
  std::string action;  // exactly ("UPDATE", "call_history", "staff_lock", ...); empty: any
};

// Where a page ended: the position of its last (oldest) row.
struct AuditCursor {
  std::string atUtc;  // "YYYY-MM-DDTHH:MM:SS.ffffff" in UTC: exact, whatever the session's settings
  std::int64_t id = 0;
};

struct AuditEntry {
  std::int64_t id = 0;
  AuditCursor position;
  std::string at;  // "YYYY-MM-DD HH:MM:SS", Kyiv time
  std::string who;
  std::string action;
  std::string tableName;  // empty for a named read
  std::string rowId;
  std::optional<std::int64_t> customerId, accountId, lineId, interactionId;
  std::string changes;  // jsonb as text; empty when NULL
};

struct AuditPage {
  std::vector<AuditEntry> entries;
  bool more = false;  // another page follows
  std::optional<AuditCursor> next() const {
    if (entries.empty()) return std::nullopt;
    return entries.back().position;
  }
};

class AuditTrail {
 public:
  static constexpr int kPageSize = 200;

  explicit AuditTrail(soci::session& sql) : sql_(sql) {}

  // Rows matching `filter` older than `after` (from the newest when nullopt), at most
  // `limit` (1..1000). Throws UserError for a malformed date in the filter.
  AuditPage query(const AuditFilter& filter, std::optional<AuditCursor> after = std::nullopt,
                  int limit = kPageSize);

  // Actions the filter offers to pick (it takes any other text too): row changes, the
  // audited reads and the staff administration steps.
  static const std::vector<std::string>& commonActions();

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
