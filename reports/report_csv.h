#pragma once
// A report as CSV (RFC 4180): UTF-8, comma-separated, CRLF line ends, fields quoted when
// they hold a comma, a quote or a line break (quotes doubled). The first line names the
// columns by their stable keys. Money is UAH with a decimal point ("-12.50"), days and
// moments ISO. With `bom`, a UTF-8 byte order mark lets spreadsheet programs recognise the
// encoding. Rows go out through a 64 KB buffer; nothing is kept.
#include <ostream>
#include <string>

#include "core/reporting/report_runner.h"

namespace subdesk::reports {

class CsvReportWriter : public reporting::ReportSink {
 public:
  CsvReportWriter(std::ostream& out, bool bom) : out_(out), bom_(bom) {}
  void begin(const reporting::Report& report, const reporting::Period& period) override;
  void row(const reporting::ReportRow& row) override;
  void finish() override;

 private:
  void field(std::string_view value);
  void flushIfFull();

  std::ostream& out_;
  bool bom_;
  std::vector<reporting::CellType> types_;
  std::string buffer_;
};

// "-12345" (kopecks) -> "-123.45"; appended to out.
void appendUah(std::string& out, std::string_view kopecks);

}  // namespace subdesk::reports
