#include "report_export.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "core/domain/money.h"
#include "core/util/error.h"
#include "core/util/i18n.h"
#include "reports/pdf_table_stream.h"
#include "reports/report_csv.h"
#include "reports/report_xlsx.h"

namespace subdesk::reports {

std::optional<ExportFormat> exportFormatNamed(const std::string& name) {
  if (name == "csv") return ExportFormat::Csv;
  if (name == "xlsx") return ExportFormat::Xlsx;
  if (name == "pdf") return ExportFormat::Pdf;
  return std::nullopt;
}

std::string exportFormatExtension(ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv: return ".csv";
    case ExportFormat::Xlsx: return ".xlsx";
    case ExportFormat::Pdf: return ".pdf";
  }
  return "";
}

struct PdfReportWriter::State {
  std::unique_ptr<PdfTableStream> pdf;
  std::vector<reporting::ReportColumn> columns;
  std::vector<long long> totals;
  std::vector<std::string> cells;
};

PdfReportWriter::PdfReportWriter(std::string path, Language language) : path_(std::move(path)), language_(language) {}
PdfReportWriter::~PdfReportWriter() = default;

void PdfReportWriter::begin(const reporting::Report& report, const reporting::Period& period) {
  state_ = std::make_unique<State>();
  state_->columns = report.columns();
  state_->totals.assign(state_->columns.size(), 0);
  std::vector<PdfColumn> cols;
  for (const auto& c : state_->columns) {
    cols.push_back({c.title, c.widthMm, c.type == reporting::CellType::Money || c.type == reporting::CellType::Integer});
  }
  state_->pdf = std::make_unique<PdfTableStream>(path_, report.title(), cols, [](int page) {
    return format(tr("Page {0}"), {std::to_string(page)});
  });
  state_->pdf->heading(report.title(), format(tr("Period: {0} – {1}"),
                                              {reporting::isoDay(period.from), reporting::isoDay(period.to)}));
}

void PdfReportWriter::row(const reporting::ReportRow& row) {
  auto& s = *state_;
  s.cells.resize(row.values.size());
  for (std::size_t i = 0; i < row.values.size(); ++i) {
    const std::string_view v = row.values[i];
    if (i < s.columns.size() && s.columns[i].type == reporting::CellType::Money && !row.nulls[i]) {
      long long k = 0;
      std::from_chars(v.data(), v.data() + v.size(), k);
      s.totals[i] += k;
      s.cells[i] = Money::fromKopecks(k).format(language_);
    } else {
      s.cells[i].assign(v);
    }
  }
  s.pdf->row(s.cells);
}

void PdfReportWriter::finish() {
  auto& s = *state_;
  bool anyMoney = false;
  std::vector<std::string> total(s.columns.size());
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (s.columns[i].type != reporting::CellType::Money) continue;
    anyMoney = true;
    total[i] = Money::fromKopecks(s.totals[i]).format(language_);
  }
  if (anyMoney) {
    total[0] = tr("Total");
    s.pdf->row(total, true);
  }
  s.pdf->finish();
}

reporting::RunResult exportReport(soci::session& sql, const reporting::Report& report, const reporting::Period& period,
                                  const ExportOptions& options, const reporting::RunOptions& run) {
  reporting::RunResult result;
  {
    std::ofstream csvFile;
    std::unique_ptr<reporting::ReportSink> sink;
    switch (options.format) {
      case ExportFormat::Csv:
        csvFile.open(options.path, std::ios::binary | std::ios::trunc);
        if (!csvFile) throw std::runtime_error("cannot write " + options.path);
        sink = std::make_unique<CsvReportWriter>(csvFile, options.csvBom);
        break;
      case ExportFormat::Xlsx: sink = std::make_unique<XlsxReportWriter>(options.path); break;
      case ExportFormat::Pdf: sink = std::make_unique<PdfReportWriter>(options.path, options.language); break;
    }
    // Whether the file was begun (the CSV file already is): only then does a failure remove it.
    struct Begun : reporting::ReportSink {
      reporting::ReportSink& sink;
      bool begun;
      Begun(reporting::ReportSink& s, bool b) : sink(s), begun(b) {}
      void begin(const reporting::Report& r, const reporting::Period& p) override {
        begun = true;
        sink.begin(r, p);
      }
      void row(const reporting::ReportRow& row) override { sink.row(row); }
      void finish() override { sink.finish(); }
    } tracked(*sink, options.format == ExportFormat::Csv);
    try {
      result = reporting::ReportRunner(sql).run(report, period, tracked, run);
    } catch (...) {
      if (tracked.begun) {
        sink.reset();  // closes the file before it goes
        csvFile.close();
        std::remove(options.path.c_str());
      }
      throw;
    }
  }
  if (result.cancelled) std::remove(options.path.c_str());
  return result;
}

}  // namespace subdesk::reports
