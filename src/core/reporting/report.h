#pragma once
// Supervisors' reports (issue 8). Each report is a class naming its columns and the view
// of migration 0030 it reads; ReportRunner streams its rows for a period to a ReportSink
// (CSV, XLSX, PDF writers live in reports/). Column keys and types are stable; titles
// are translated with tr().
//
//   auto report = reporting::reportNamed("payments");
//   CsvReportWriter csv(out, true);
//   ReportRunner(sql).run(*report, period, csv);
#include <chrono>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace subdesk::reporting {

enum class CellType {
  Text,
  Integer,
  Money,     // kopecks in the database; UAH with two decimals in files
  Date,      // YYYY-MM-DD
  DateTime,  // YYYY-MM-DD HH:MM:SS, Kyiv wall-clock time
};

struct ReportColumn {
  std::string key;    // the view's column, also the CSV header
  std::string title;  // translated, for XLSX and PDF headers
  CellType type = CellType::Text;
  double widthMm = 25;  // in the PDF: a share of the page's width (the columns fill it)
};

struct Period {
  std::chrono::year_month_day from, to;  // Kyiv days, inclusive
};

class Report {
 public:
  virtual ~Report() = default;
  virtual std::string name() const = 0;   // "payments": the CLI's NAME, file names
  virtual std::string title() const = 0;  // translated
  virtual std::vector<ReportColumn> columns() const = 0;
  // The SELECT over the report's view for $1..$2 (from, to days); no user text in it.
  std::string query() const;

 protected:
  virtual std::string view() const = 0;
  virtual std::string orderBy() const = 0;
  // The condition on $1..$2: by default on the event's moment t, Kyiv days inclusive.
  virtual std::string periodFilter() const {
    return "t >= CAST($1 AS date)::timestamp AT TIME ZONE 'Europe/Kyiv' "
           "AND t < (CAST($2 AS date) + 1)::timestamp AT TIME ZONE 'Europe/Kyiv'";
  }
};

class OperationsReport;
class SimRestoresReport;
class ContractsReport;
class DetailFeesReport;
class PaymentsReport;
class PasswordResetsReport;
class SuspensionsReport;

// Every report, in menu order.
std::vector<std::unique_ptr<Report>> allReports();
// nullptr when there is no report of that name.
std::unique_ptr<Report> reportNamed(const std::string& name);

std::string isoDay(std::chrono::year_month_day day);
// "2026-11-27" -> the day; nullopt for anything else (and for days that do not exist).
std::optional<std::chrono::year_month_day> parseIsoDay(std::string_view text);

}  // namespace subdesk::reporting
