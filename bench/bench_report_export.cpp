// CSV export throughput benchmark (issue 8): the payments report for a period streamed by
// ReportRunner + CsvReportWriter to /dev/null, as a ratio to COPY (the same SELECT) TO
// STDOUT (CSV) read by libpq and thrown away. Run against a database holding payments,
// e.g. one filled by bench/report_memory.sh, as a supervisor or the superuser:
//   bench_report_export CONNINFO FROM TO
// Prints rows/s of each (best of 3) and the ratio (target >= 0.7).
#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "core/db/connection.h"
#include "core/reporting/report.h"
#include "reports/report_export.h"

using namespace subdesk;
using Clock = std::chrono::steady_clock;

namespace {

// COPY (SELECT ...) TO STDOUT: the query of the report with its dates as literals (a
// benchmark's own constants, checked as days first).
long long copyRows(soci::session& sql, const std::string& query) {
  PGconn* conn = db::nativeConnection(sql);
  PGresult* res = PQexec(conn, ("COPY (" + query + ") TO STDOUT (FORMAT csv)").c_str());
  if (PQresultStatus(res) != PGRES_COPY_OUT) {
    std::fprintf(stderr, "COPY failed: %s\n", PQerrorMessage(conn));
    std::exit(1);
  }
  PQclear(res);
  long long rows = 0;
  char* buf = nullptr;
  int n = 0;
  while ((n = PQgetCopyData(conn, &buf, 0)) > 0) {
    ++rows;
    PQfreemem(buf);
  }
  while ((res = PQgetResult(conn)) != nullptr) PQclear(res);
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench_report_export CONNINFO FROM TO\n");
    return 2;
  }
  const auto from = reporting::parseIsoDay(argv[2]), to = reporting::parseIsoDay(argv[3]);
  if (!from || !to) return 2;
  auto sql = db::connect(argv[1]);
  const auto report = reporting::reportNamed("payments");
  std::string query = report->query();
  query.replace(query.find("$1"), 2, "'" + reporting::isoDay(*from) + "'");
  query.replace(query.find("$2"), 2, "'" + reporting::isoDay(*to) + "'");
  double bestCopy = 1e9, bestCsv = 1e9;
  long long copied = 0, exported = 0;
  for (int run = 0; run < 3; ++run) {
    auto t0 = Clock::now();
    copied = copyRows(*sql, query);
    bestCopy = std::min(bestCopy, std::chrono::duration<double>(Clock::now() - t0).count());
    t0 = Clock::now();
    reports::ExportOptions o;
    o.format = reports::ExportFormat::Csv;
    o.path = "/dev/null";
    exported = reports::exportReport(*sql, *report, {*from, *to}, o).rows;
    bestCsv = std::min(bestCsv, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  const double copyRate = static_cast<double>(copied) / bestCopy, csvRate = static_cast<double>(exported) / bestCsv;
  std::printf("COPY TO STDOUT (csv): %lld rows in %.3f s = %.0f rows/s\n", copied, bestCopy, copyRate);
  std::printf("report CSV export:    %lld rows in %.3f s = %.0f rows/s\n", exported, bestCsv, csvRate);
  std::printf("ratio: %.2f (target >= 0.7)\n", csvRate / copyRate);
  return 0;
}
