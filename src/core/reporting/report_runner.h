#pragma once
// Streams a report's rows for a period from the database to a sink, row by row through a
// server-side cursor (db::RowCursor): memory stays flat whatever the number of rows. Runs
// in one REPEATABLE READ READ ONLY snapshot, so it can run on a read replica. Progress and
// cancellation are for the desk's export window: progress is called every few thousand
// rows (and at the end) with the rows written and, when countFirst, the total.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "core/reporting/report.h"
#include "core/util/cancellation.h"

namespace subdesk::reporting {

// One row as the database gives it: text values ("" and null=true for NULL), in the
// order of Report::columns(); valid only during the call.
struct ReportRow {
  const std::vector<std::string_view>& values;
  const std::vector<bool>& nulls;
};

class ReportSink {
 public:
  virtual ~ReportSink() = default;
  virtual void begin(const Report& report, const Period& period) = 0;
  virtual void row(const ReportRow& row) = 0;
  virtual void finish() = 0;
};

struct RunOptions {
  std::function<void(std::int64_t done, std::int64_t total)> progress;  // total -1: unknown
  CancellationTokenPtr cancel;
  bool countFirst = false;  // count the rows first, for a determinate progress bar
};

struct RunResult {
  std::int64_t rows = 0;
  bool cancelled = false;  // the sink was not finished
};

class ReportRunner {
 public:
  explicit ReportRunner(soci::session& sql) : sql_(sql) {}
  RunResult run(const Report& report, const Period& period, ReportSink& sink, const RunOptions& options = {});

 private:
  soci::session& sql_;
};

}  // namespace subdesk::reporting
