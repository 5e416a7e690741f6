// Detailed-bill PDF benchmark (issue 8): composeBill + PdfDocument::save for a month of
// N call records (default 3,000) of one line, with realistic numbers and charges, in
// Ukrainian. No database: the bill's data is made here, so the figure is the renderer's.
//   bench_bill [records] [out.pdf]
// Prints the pages and the time of each of 5 runs and their median (target < 300 ms).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/reporting/report.h"
#include "reports/bill_pdf.h"

using namespace subdesk;

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 3000;
  const std::string out = argc > 2 ? argv[2] : "/tmp/bench_bill.pdf";
  services::BillData b;
  b.customerName = "Шевченко Олена Петрівна";
  b.customerAddress = "м. Київ, вул. Хрещатик, 22, кв. 5";
  b.accountNumber = "100000017";
  b.msisdns = {"+380671234567"};
  b.from = *reporting::parseIsoDay("2026-10-01");
  b.to = *reporting::parseIsoDay("2026-10-31");
  std::mt19937 rng(8);
  std::vector<std::string> contacts;
  for (int i = 0; i < 60; ++i) contacts.push_back("+38067" + std::to_string(1000000 + static_cast<int>(rng() % 8999999)));
  for (int i = 0; i < n; ++i) {
    services::BillRecord r;
    const int minute = i * (31 * 24 * 60 / n);
    char at[32];
    std::snprintf(at, sizeof at, "%02d.10 %02d:%02d", 1 + minute / 1440, minute / 60 % 24, minute % 60);
    r.at = at;
    r.msisdn = b.msisdns.front();
    const unsigned k = rng() % 10;
    r.kind = k < 5 ? "voice" : k < 8 ? "sms" : "data";
    r.direction = rng() % 2 ? "out" : "in";
    r.otherNumber = r.kind == "data" ? "" : contacts[rng() % contacts.size()];
    r.durationS = r.kind == "voice" ? static_cast<int>(rng() % 900) : 0;
    r.volumeKb = r.kind == "data" ? static_cast<int>(rng() % 200000) : 0;
    r.charge = r.direction == "out" ? static_cast<int>(rng() % 300) : 0;
    b.usageTotal += r.charge;
    b.records.push_back(r);
  }
  b.fees = {{"01.10 00:00", "monthly_fee", "Абонплата: Smart 150", 15000}};
  b.feesTotal = 15000;
  b.ledgerUsage = b.usageTotal;
  std::vector<double> ms, cpu;
  int pages = 0;
  for (int run = 0; run < 5; ++run) {
    using Clock = std::chrono::steady_clock;
    auto since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
    const auto t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    auto doc = reports::composeBill(b, Language::Uk);
    const double composed = since(t0);
    pages = doc->paginate();
    const double laidOut = since(t0);
    doc->save(out);
    ms.push_back(since(t0));
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    std::printf("run %d: %d records, %d pages, %.1f ms wall, %.1f ms CPU (compose %.1f, lay out %.1f, draw and write %.1f)\n",
                run + 1, n, pages, ms.back(), cpu.back(), composed, laidOut - composed, ms.back() - laidOut);
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("bill PDF, %d records: median %.1f ms wall, %.1f ms CPU (target < 300 ms) -> %s\n", n, ms[2], cpu[2],
              out.c_str());
  return 0;
}
