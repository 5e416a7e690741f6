#include "core/reporting/report_runner.h"

#include "core/db/row_cursor.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::reporting {

RunResult ReportRunner::run(const Report& report, const Period& period, ReportSink& sink, const RunOptions& options) {
  if (std::chrono::sys_days(period.to) < std::chrono::sys_days(period.from)) {
    throw UserError(tr("The end of the period is before its start."), "bad_period");
  }
  const std::vector<std::optional<std::string>> params{isoDay(period.from), isoDay(period.to)};
  RunResult result;
  db::ReadSnapshot snapshot(sql_);
  std::int64_t total = -1;
  if (options.countFirst) {
    db::RowCursor count(sql_, "SELECT count(*) FROM (" + report.query() + ") AS q", params, 1);
    if (count.next()) total = std::stoll(std::string(count.text(0)));
  }
  db::RowCursor rows(sql_, report.query(), params);
  sink.begin(report, period);
  std::vector<std::string_view> values;
  std::vector<bool> nulls;
  while (rows.next()) {
    if (options.cancel && options.cancel->cancelled()) {
      result.cancelled = true;
      return result;
    }
    const int n = rows.columns();
    values.resize(static_cast<std::size_t>(n));
    nulls.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      nulls[static_cast<std::size_t>(i)] = rows.isNull(i);
      values[static_cast<std::size_t>(i)] = rows.text(i);
    }
    sink.row(ReportRow{values, nulls});
    ++result.rows;
    if (options.progress && result.rows % 2000 == 0) options.progress(result.rows, total);
  }
  sink.finish();
  if (options.progress) options.progress(result.rows, total < 0 ? result.rows : total);
  return result;
}

}  // namespace subdesk::reporting
