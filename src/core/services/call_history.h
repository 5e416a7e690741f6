#pragma once
// Call history of a line (issue 8): calls, SMS and data sessions of a period, newest
// first, paged by keyset (started_at, id) rather than OFFSET, filtered by kind and by a
// part of the other number. Read from cdr_visible (migration 0028), so calls to emergency
// numbers never appear. Opening a history is an audited read ('call_history'), written
// on the primary server; the records themselves may come from a read replica.
//
//   CallHistory history(primary, reader);
//   history.open(lineId, period);                       // the audit row
//   auto page = history.page({lineId, period, "voice", "67"}, std::nullopt, 50);
//   auto more = history.page(filter, page.next, 50);    // the following page
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

struct HistoryFilter {
  std::int64_t lineId = 0;
  std::chrono::year_month_day from, to;  // Kyiv days, inclusive
  std::string kind;                      // "" every kind, or voice | sms | data
  std::string number;                    // digits the other number contains; "" any
};

struct HistoryRecord {
  std::int64_t id = 0;
  std::string at;  // ISO 8601, Europe/Kyiv
  std::string kind, direction, otherNumber;
  std::int64_t durationS = 0, volumeKb = 0, charge = 0;  // charge in kopecks
  bool roaming = false;
};

// Where the next page starts: after this record (its exact timestamp as the server wrote it).
struct HistoryCursor {
  std::string startedAt;
  std::int64_t id = 0;
};

struct HistoryPage {
  std::vector<HistoryRecord> records;
  std::optional<HistoryCursor> next;  // none: this was the last page
};

class CallHistory {
 public:
  CallHistory(soci::session& primary, soci::session& reader) : primary_(primary), reader_(reader) {}
  // Writes the audited read 'call_history' for the line and period; call once when the
  // history is opened (or its period changed).
  void open(std::int64_t lineId, std::chrono::year_month_day from, std::chrono::year_month_day to);
  // Throws UserError for an unknown kind or a number filter with other than digits.
  HistoryPage page(const HistoryFilter& filter, const std::optional<HistoryCursor>& after, int limit = 50);

 private:
  soci::session& primary_;
  soci::session& reader_;
};

}  // namespace subdesk::services
