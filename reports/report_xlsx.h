#pragma once
// A report as an XLSX workbook (libxlsxwriter in constant-memory mode: each row goes to a
// temporary file as it is written, so memory stays flat). Cells are typed: money as
// numbers in UAH with a money format, days and moments as spreadsheet dates, counts as
// numbers. Row 1 holds the column titles (frozen); after the data, a bold total row sums
// the money columns. A sheet holds at most 1,048,575 data rows; more go to further sheets.
#include <memory>
#include <string>
#include <vector>

#include "core/reporting/report_runner.h"

typedef struct lxw_workbook lxw_workbook;
typedef struct lxw_worksheet lxw_worksheet;
typedef struct lxw_format lxw_format;

namespace subdesk::reports {

class XlsxReportWriter : public reporting::ReportSink {
 public:
  explicit XlsxReportWriter(std::string path) : path_(std::move(path)) {}
  ~XlsxReportWriter() override;
  void begin(const reporting::Report& report, const reporting::Period& period) override;
  void row(const reporting::ReportRow& row) override;
  void finish() override;

 private:
  void newSheet();

  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format *bold_ = nullptr, *money_ = nullptr, *date_ = nullptr, *moment_ = nullptr, *boldMoney_ = nullptr;
  std::vector<reporting::ReportColumn> columns_;
  std::vector<long long> totals_;  // kopecks per money column
  std::uint32_t nextRow_ = 0;
  int sheets_ = 0;
};

}  // namespace subdesk::reports
