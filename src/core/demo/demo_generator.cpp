// The order of the load and its transaction. All rows go in with COPY in one transaction,
// with session_replication_role = replica for that transaction only (SET LOCAL): no
// trigger fires per row (ledger_apply would update an account per ledger row, and audit
// triggers, where a migration adds them, would log millions of rows nobody changed), and
// no foreign key is checked per row. The generator writes ids itself from blocks above what
// each table's sequence has handed out, so referencing rows can be written in any order;
// the sequences are moved past the blocks at the end. Nothing of a failed run remains.
#include "core/demo/demo_generator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "core/db/connection.h"
#include "core/demo/calendar.h"
#include "core/demo/generation.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::demo {

void Context::report(const std::string& stage, long done, long total) {
  if (!progress) return;
  const auto now = std::chrono::steady_clock::now();
  if (done > 0 && done < total && now - lastReport < std::chrono::milliseconds(250)) return;
  lastReport = now;
  progress(stage, done, total);
}

namespace {

std::int64_t queryInt(soci::session& sql, const std::string& query) {
  long long value = 0;
  soci::indicator ind = soci::i_ok;
  sql << query, soci::into(value, ind);
  return ind == soci::i_ok ? value : 0;
}

// The last id handed out or stored in table (its sequence may be behind explicit ids).
std::int64_t lastId(soci::session& sql, const std::string& table, bool scanTable = true) {
  const std::string sequence = "pg_get_serial_sequence('public." + table + "', 'id')";
  std::string query = "SELECT coalesce(pg_sequence_last_value(" + sequence + "::regclass), 0)";
  if (scanTable) query = "SELECT greatest((" + query + "), (SELECT coalesce(max(id), 0) FROM " + table + "))";
  return queryInt(sql, query);
}

void setSequence(soci::session& sql, const std::string& table, std::int64_t base, std::int64_t rows) {
  if (rows <= 0) return;
  sql << "SELECT setval(pg_get_serial_sequence('public." + table + "', 'id'), " +
             std::to_string(base + rows) + ")";
}

std::int64_t rowsOf(const Summary& s, const std::string& table) {
  for (const auto& [name, rows] : s.rows)
    if (name == table) return rows;
  return 0;
}

std::string isoDate(std::int64_t day) {
  const CivilDate c = civilFromDays(day);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
}

void checkOptions(const Options& o) {
  if (o.subscribers < 1 || o.subscribers > DemoGenerator::kMaxSubscribers)
    throw UserError(format(tr("The number of subscribers must be between 1 and {0}."),
                           {std::to_string(DemoGenerator::kMaxSubscribers)}));
  if (!(o.cdrPerLinePerMonth >= 0 && o.cdrPerLinePerMonth <= 1000))
    throw UserError(tr("The call records per line and month must be between 0 and 1000."));
}

}  // namespace

Summary DemoGenerator::run(const Options& options, const Progress& progress) {
  checkOptions(options);
  const auto started = std::chrono::steady_clock::now();
  Context ctx;
  ctx.conn = db::nativeConnection(sql_);
  ctx.options = options;
  ctx.numbers = NumberPlan(options.seed);
  ctx.progress = progress;
  ctx.now = options.asOf >= 0 ? options.asOf
                              : std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
  ctx.today = static_cast<std::int32_t>(dayOf(ctx.now));
  ctx.windowStart = monthsBefore(ctx.now, 3);
  // Kyiv months from the one holding the window's start to the one after now's.
  std::int64_t first = monthStart(dayOf(ctx.windowStart), 1);
  while (kyivMonthStart(first) > ctx.windowStart) first = monthStart(first, -1);
  for (std::int64_t d = first; ctx.monthBounds.empty() || ctx.monthBounds.back() <= ctx.now;
       d = monthStart(d, 1))
    ctx.monthBounds.push_back(kyivMonthStart(d));

  if (queryInt(sql_, "SELECT (to_regclass('public.customer') IS NOT NULL)::int") == 0)
    throw UserError(tr("The database has no subdesk schema yet: run 'subdesk-cli db migrate' first."));
  if (queryInt(sql_, "SELECT (current_setting('is_superuser') = 'on')::int") == 0)
    throw UserError(tr("Demo data are loaded with triggers off, which needs a superuser connection."));

  db::executeScript(sql_,
                    "BEGIN;"
                    "SET LOCAL session_replication_role = replica;"
                    "SET LOCAL synchronous_commit = off;"
                    "SET LOCAL statement_timeout = 0;"
                    // Nobody adds customers while we decide the database is empty and load.
                    "LOCK TABLE customer IN SHARE ROW EXCLUSIVE MODE;");
  try {
    if (queryInt(sql_, "SELECT EXISTS (SELECT 1 FROM customer)::int") != 0)
      throw UserError(tr("the database already holds data; demo data goes only into an empty database"),
                      "demo_not_empty");
    // The partitions of every month a record may fall in, whatever the time zone the
    // function turns dates into bounds with (the session's).
    for (std::int64_t t = ctx.monthBounds.front(); t < ctx.now + kSecondsPerDay; t += 7 * kSecondsPerDay)
      sql_ << "SELECT ensure_cdr_partition('" + isoDate(dayOf(std::min(t, ctx.now))) + "')";

    IdBases& b = ctx.base;
    b.office = lastId(sql_, "office");
    b.tariff = lastId(sql_, "tariff_plan");
    b.service = lastId(sql_, "service");
    b.promotion = lastId(sql_, "promotion");
    b.customer = lastId(sql_, "customer");
    b.family = lastId(sql_, "family_group");
    b.account = lastId(sql_, "account");
    b.line = lastId(sql_, "line");
    b.sim = lastId(sql_, "sim");
    b.interaction = lastId(sql_, "interaction");
    b.simSwap = lastId(sql_, "sim_swap");
    b.contract = lastId(sql_, "contract");
    b.home = lastId(sql_, "home_internet");
    b.lineService = lastId(sql_, "line_service");
    b.enrollment = lastId(sql_, "promotion_enrollment");
    b.ledger = lastId(sql_, "ledger");
    b.payment = lastId(sql_, "payment");
    b.cdr = lastId(sql_, "cdr", false);  // a partitioned table without an index on id

    buildModel(ctx);
    writeCatalogue(ctx);
    writeCustomers(ctx);
    writeFamilies(ctx);
    writeCallRecords(ctx);  // sums the charges the ledger's usage rows need
    writeLedger(ctx);       // computes the balances the accounts are written with
    writePayments(ctx);
    writeAccounts(ctx);
    writeLines(ctx);
    writeSims(ctx);
    writeHomeInternet(ctx);
    writeLineServices(ctx);

    const std::pair<const char*, std::int64_t> sequences[] = {{"office", b.office},
                                                              {"tariff_plan", b.tariff},
                                                              {"service", b.service},
                                                              {"promotion", b.promotion},
                                                              {"customer", b.customer},
                                                              {"family_group", b.family},
                                                              {"account", b.account},
                                                              {"line", b.line},
                                                              {"sim", b.sim},
                                                              {"interaction", b.interaction},
                                                              {"sim_swap", b.simSwap},
                                                              {"contract", b.contract},
                                                              {"home_internet", b.home},
                                                              {"line_service", b.lineService},
                                                              {"promotion_enrollment", b.enrollment},
                                                              {"ledger", b.ledger},
                                                              {"payment", b.payment},
                                                              {"cdr", b.cdr}};
    for (const auto& [table, base] : sequences) setSequence(sql_, table, base, rowsOf(ctx.summary, table));
    ctx.report(tr("committing"), 0, 1);
    db::executeScript(sql_, "COMMIT");
    ctx.report(tr("committing"), 1, 1);
  } catch (...) {
    try {
      db::executeScript(sql_, "ROLLBACK");
    } catch (const std::exception&) {
      // The connection is gone: the server rolls back by itself.
    }
    throw;
  }
  // Fresh statistics, or the planner guesses from empty tables until autovacuum comes by.
  ctx.report(tr("statistics"), 0, 1);
  db::executeScript(sql_, "ANALYZE");
  ctx.report(tr("statistics"), 1, 1);
  ctx.summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return ctx.summary;
}

}  // namespace subdesk::demo
