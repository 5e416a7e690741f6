#pragma once
// A report exported to a file in one of the three formats, from the database to the file
// row by row (the CLI's `report` command and the desk's export window both call this).
//
//   ExportOptions o{.format = ExportFormat::Xlsx, .path = "/tmp/p.xlsx", .language = Language::Uk};
//   auto r = exportReport(sql, *reporting::reportNamed("payments"), period, o, run);
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "core/domain/language.h"
#include "core/reporting/report_runner.h"

namespace subdesk::reports {

enum class ExportFormat { Csv, Xlsx, Pdf };

std::optional<ExportFormat> exportFormatNamed(const std::string& name);  // csv | xlsx | pdf
std::string exportFormatExtension(ExportFormat format);                  // ".csv", ...

struct ExportOptions {
  ExportFormat format = ExportFormat::Csv;
  std::string path;
  Language language = Language::Uk;  // PDF and XLSX titles and money in the PDF
  bool csvBom = false;
};

// Writes the file (replacing it). A cancelled or failed export removes the partial file.
reporting::RunResult exportReport(soci::session& sql, const reporting::Report& report, const reporting::Period& period,
                                  const ExportOptions& options, const reporting::RunOptions& run = {});

// The report as a streamed PDF table ("page X" footers), for exportReport.
class PdfReportWriter : public reporting::ReportSink {
 public:
  PdfReportWriter(std::string path, Language language);
  ~PdfReportWriter() override;
  void begin(const reporting::Report& report, const reporting::Period& period) override;
  void row(const reporting::ReportRow& row) override;
  void finish() override;

 private:
  struct State;
  std::string path_;
  Language language_;
  std::unique_ptr<State> state_;
};

}  // namespace subdesk::reports
