#pragma once
// Deterministic, realistic demo data for an empty subdesk database: Ukrainian customers,
// mobile and home-internet accounts, lines and SIMs, the catalogue, offices with SIM stock,
// three months of call detail records, the ledger and payments, family groups.
//
// Everything is loaded with COPY in one transaction: if anything fails, nothing is left
// behind. The load runs with session_replication_role = replica, so that neither the
// ledger trigger (it would update an account row per ledger row) nor foreign-key checks
// run per row; balances are computed by the generator from the very ledger rows it writes
// and are exactly their sums. That needs a superuser connection.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

namespace subdesk::demo {

struct Options {
  long subscribers = 100'000;
  std::uint64_t seed = 1;
  // Average call detail records per line and month; 8 gives about 30 records per
  // subscriber over the three months.
  double cdrPerLinePerMonth = 8.0;
  // The data's "now" (seconds since the epoch, UTC): call records end there and dates are
  // relative to it. -1: the current time. Same seed and same asOf give identical data.
  std::int64_t asOf = -1;
};

// stage (translated, e.g. "customers"), rows done, rows expected in that stage.
using Progress = std::function<void(const std::string& stage, long done, long total)>;

struct Summary {
  std::vector<std::pair<std::string, std::int64_t>> rows;  // table, rows loaded
  double seconds = 0;                                      // wall time, ANALYZE included
};

class DemoGenerator {
 public:
  static constexpr long kMaxSubscribers = 10'000'000;

  explicit DemoGenerator(soci::session& sql) : sql_(sql) {}

  // Throws UserError when the database already holds customers (nothing is changed), when
  // the connection is not a superuser's, or when the options are out of range.
  Summary run(const Options& options, const Progress& progress = {});

 private:
  soci::session& sql_;
};

}  // namespace subdesk::demo
