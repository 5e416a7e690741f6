#pragma once
// Internals of the demo generator shared by its stages: the compact in-memory model of who
// has which accounts and lines (everything else about an entity is regenerated from its own
// random stream when it is written), the id blocks, and the stage functions. Not part of the
// core's interface; include core/demo/demo_generator.h instead.
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/demo/demo_generator.h"
#include "core/demo/identifiers.h"

typedef struct pg_conn PGconn;

namespace subdesk::demo {

struct CustomerM {
  std::int32_t family = -1;  // family_group index, -1 none
  std::int32_t since = 0;    // day of the first account
  std::uint8_t office = 0;   // index into offices()
  bool special = false;      // one of the fixed customers tests look for
};

struct AccountM {
  std::int32_t customer = 0;
  std::int32_t firstLine = 0;  // mobile: lines [firstLine, firstLine + lineCount)
  std::int32_t opened = 0;     // day
  std::int32_t closed = -1;    // day, -1 open
  std::int32_t family = -1;
  std::int32_t selfcare = -1;  // day of self-care registration
  std::int32_t home = -1;      // index into Model::homes for a home-internet account
  std::int32_t threshold = 0;  // disconnect threshold, kopecks (<= 0)
  std::int64_t balance = 0;    // set by the ledger stage
  std::int64_t bonus = 0;
  std::uint16_t lineCount = 0;
  std::uint8_t office = 0;
  bool homeKind = false;
  bool debtor = false;
};

struct LineM {
  std::int32_t account = 0;
  std::int32_t activated = 0;  // day
  std::int32_t closed = -1;    // day
  std::int32_t swapped = -1;   // day of a SIM replacement, -1 none
  std::uint8_t tariff = 0;     // index into mobileTariffs()
  std::uint8_t swapReason = 0;
};

struct HomeM {
  std::int32_t account = 0;
  std::int32_t contractSerial = 0;  // NNNNNN of HI-YYYY-NNNNNN, counted per year
  std::uint8_t tariff = 0;          // index into homeTariffs()
};

struct FamilyM {
  std::int32_t owner = 0;  // customer index
  std::int32_t created = 0;
};

struct Model {
  std::vector<CustomerM> customers;
  std::vector<AccountM> accounts;
  std::vector<LineM> lines;
  std::vector<HomeM> homes;
  std::vector<FamilyM> families;
  std::int64_t swaps = 0;  // SIMs replaced: one old SIM and one interaction each
  std::int64_t stockPerOffice = 0;
  std::vector<std::int64_t> usage;  // CDR charges per account and month: [account * months + m]
};

// The first id of each table's block minus one: row k (0-based) gets base + k + 1.
struct IdBases {
  std::int64_t office = 0, tariff = 0, service = 0, promotion = 0, customer = 0, family = 0, account = 0,
               line = 0, sim = 0, interaction = 0, simSwap = 0, contract = 0, home = 0, lineService = 0,
               enrollment = 0, ledger = 0, payment = 0, cdr = 0;
};

struct Context {
  PGconn* conn = nullptr;
  Options options;
  NumberPlan numbers{1};
  std::int64_t now = 0;                   // seconds since the epoch, UTC
  std::int64_t windowStart = 0;           // now minus three months: the first call record
  std::int32_t today = 0;                 // day of now
  std::vector<std::int64_t> monthBounds;  // starts of the months touched, and the next one
  IdBases base;
  Model model;
  Summary summary;
  Progress progress;
  std::chrono::steady_clock::time_point lastReport{};

  int months() const { return static_cast<int>(monthBounds.size()) - 1; }
  std::int64_t bound(int m) const { return monthBounds[static_cast<std::size_t>(m)]; }
  int monthOf(std::int64_t t) const {
    int m = 0;
    while (m + 1 < months() && t >= bound(m + 1)) ++m;
    return m;
  }
  // Reports progress at most four times a second, and always at a stage's start and end.
  void report(const std::string& stage, long done, long total);
  void count(const std::string& table, std::int64_t rows) { summary.rows.emplace_back(table, rows); }
};

// What a line has besides its tariff: add-on subscriptions (a roaming package for a trip
// among them) and a promotion. Regenerated from Stream::Service by whoever needs it.
struct ServiceSub {
  int service = 0;                     // index into services()
  std::int32_t starts = 0, ends = -1;  // days; ends -1 open
};
struct LineExtras {
  std::array<ServiceSub, 3> subs{};
  int subCount = 0;
  std::int32_t tripStart = -1, tripEnd = -1;  // days abroad, roaming
  int promotion = -1;                         // index into promotions()
  std::int64_t promoJoined = 0, promoLeft = -1;
};
LineExtras lineExtras(const Context& ctx, std::int64_t line);

// A turbo bought shortly before now and still running (home_internet.turbo_until).
struct ActiveTurbo {
  bool active = false;
  std::int64_t boughtAt = 0;
  int hours = 0;
};
ActiveTurbo activeTurbo(const Context& ctx, std::int64_t home);

// Time of day an account or line was opened: the model keeps days only.
inline std::int64_t openingTime(std::int32_t day, std::int64_t index) {
  return static_cast<std::int64_t>(day) * 86'400 + 9 * 3600 + (index * 7919) % (10 * 3600);
}

// Database ids of catalogue entries (the tariffs are loaded mobile first, then home).
std::int64_t mobileTariffId(const Context& ctx, int index);
std::int64_t homeTariffId(const Context& ctx, int index);

// Stages, in the order the generator runs them.
void buildModel(Context& ctx);
void writeCatalogue(Context& ctx);
void writeCustomers(Context& ctx);
void writeFamilies(Context& ctx);
void writeCallRecords(Context& ctx);
void writeLedger(Context& ctx);
void writePayments(Context& ctx);
void writeAccounts(Context& ctx);
void writeLines(Context& ctx);
void writeSims(Context& ctx);
void writeHomeInternet(Context& ctx);
void writeLineServices(Context& ctx);

}  // namespace subdesk::demo
