// The read replica (issue 8) for real: a PostgreSQL streaming replica of the test server,
// made with pg_basebackup -R and started on a free loopback port, is what the desk's
// reader sessions use when a replica is configured. Shown by what only a standby does
// (pg_is_in_recovery(), refusing to write) on the very sessions that read the call
// history, the bill and a report, and by a call record that the history finds on the
// replica once it has been replayed there. With the replica down, signing in falls back
// to the primary for those reads, and so does subdesk-cli.
#define BOOST_TEST_MODULE db_replica
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "bills_fixture.h"
#include "peers.h"
#include "core/reporting/report.h"
#include "core/security/sign_in.h"
#include "core/services/call_history.h"
#include "core/services/detailed_bill.h"
#include "core/util/error.h"
#include "reports/report_export.h"

using namespace subdesk;
using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

// The value of `key` in a libpq "key=value ..." string (no quoting: the test server's is plain).
std::string conninfoValue(const std::string& conninfo, const std::string& key) {
  std::size_t pos = 0;
  while (pos < conninfo.size()) {
    auto end = conninfo.find(' ', pos);
    if (end == std::string::npos) end = conninfo.size();
    const std::string part = conninfo.substr(pos, end - pos);
    if (part.rfind(key + "=", 0) == 0) return part.substr(key.size() + 1);
    pos = end + 1;
  }
  return {};
}

std::string pgBin() {
  if (const char* b = std::getenv("PG_BIN"); b && *b) return b;
  for (const char* v : {"17", "16", "15"}) {
    const std::string dir = std::string("/usr/lib/postgresql/") + v + "/bin";
    if (std::filesystem::exists(dir + "/pg_basebackup")) return dir;
  }
  return "/usr/lib/postgresql/15/bin";
}

// A streaming replica of the test server in a temporary folder. As root the cluster
// belongs to the postgres user (as scripts/lib/pg.sh makes the primary's).
class StreamingReplica {
 public:
  explicit StreamingReplica(const std::string& primary) {
    char tmpl[] = "/tmp/subdesk-replica.XXXXXX";
    BOOST_REQUIRE(mkdtemp(tmpl));
    dir_ = tmpl;
    std::filesystem::permissions(dir_, std::filesystem::perms(0755));
    port_ = test::freeLoopbackPort();
    host_ = conninfoValue(primary, "host");
    const std::string port = conninfoValue(primary, "port"), password = conninfoValue(primary, "password");
    if (getuid() == 0) test::run("chown postgres: '" + dir_ + "'");
    // -R writes standby.signal and primary_conninfo; -X stream keeps the WAL of the copy.
    test::run(asOwner("env PGPASSWORD='" + password + "' '" + pgBin() + "/pg_basebackup' -h '" + host_ + "' -p " +
                      port + " -U postgres -D '" + dir_ + "/data' -R -X stream --checkpoint=fast") +
              " 2>&1");
    start();
  }
  ~StreamingReplica() {
    try {
      stop();
    } catch (const std::exception& e) {
      BOOST_TEST_MESSAGE("stopping the replica: " << e.what());
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  StreamingReplica(const StreamingReplica&) = delete;
  StreamingReplica& operator=(const StreamingReplica&) = delete;

  void start() {
    // Its own port and socket folder; the rest of the configuration is the primary's.
    test::run(asOwner("'" + pgBin() + "/pg_ctl' -D '" + dir_ + "/data' -l '" + dir_ + "/log' -w -t 120 -o \"-p " +
                      std::to_string(port_) + " -k '" + dir_ + "' -c listen_addresses=127.0.0.1\" start") +
              " 2>&1");
    running_ = true;
  }
  void stop() {
    if (!running_) return;
    running_ = false;
    test::run(asOwner("'" + pgBin() + "/pg_ctl' -D '" + dir_ + "/data' -m fast -w stop") + " 2>&1");
  }
  // Connection string without credentials, on loopback TCP like a replica on another host.
  std::string conninfo(const std::string& dbname) const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + dbname + " sslmode=disable";
  }

 private:
  static std::string asOwner(const std::string& command) {
    return getuid() == 0 ? "runuser -u postgres -- " + command : command;
  }
  std::string dir_, host_;
  unsigned short port_ = 0;
  bool running_ = false;
};

bool inRecovery(soci::session& sql) {
  int r = 0;
  sql << "SELECT CAST(pg_is_in_recovery() AS int)", soci::into(r);
  return r != 0;
}

struct ReplicaDesk : test::BillsDesk {
  std::string primaryConninfo() const {
    const std::string server = test::TestDatabase::serverConninfo();
    return "host=" + conninfoValue(server, "host") + " port=" + conninfoValue(server, "port") + " dbname=" + db.name();
  }
  security::SignInResult signIn(const std::string& group, const std::string& replica) {
    security::SignInRequest r;
    r.conninfo = primaryConninfo();
    r.login = login(group);
    r.password = kPassword;
    r.poolSize = 1;
    r.replicaConninfo = replica;
    return security::signIn(r);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(reports_history_and_bills_read_from_the_replica_and_fall_back_when_it_is_down, ReplicaDesk) {
  // The records of last month, present on the primary before the copy.
  const auto from = *reporting::parseIsoDay(lastMonthFrom()), to = *reporting::parseIsoDay(lastMonthTo());
  const auto today = *reporting::parseIsoDay(text("SELECT CAST(kyiv_day(now()) AS text)"));
  const auto monthStart = *reporting::parseIsoDay(text("SELECT CAST(date_trunc('month', kyiv_day(now())) AS date)::text"));
  const auto dir = std::filesystem::temp_directory_path() / ("subdesk-replica-" + db.name());
  std::filesystem::create_directories(dir);
  const auto report = reporting::reportNamed("payments");
  const reporting::Period period{from, to};
  const char* cli = std::getenv("SUBDESK_CLI");
  BOOST_TEST_REQUIRE(cli != nullptr, "SUBDESK_CLI names the built subdesk-cli");
  const std::string credentials = " user=" + login("supervisor") + " password=" + kPassword;
  // subdesk-cli report payments for last month, from the replica `replica` (in English).
  auto cliReport = [&](const std::string& replica) {
    return test::run("env LC_ALL=C.UTF-8 LANGUAGE= '" + std::string(cli) + "' --db '" + primaryConninfo() +
                     credentials + "' --replica '" + replica + credentials + " connect_timeout=5' report payments --from " +
                     lastMonthFrom() + " --to " + lastMonthTo() + " --format csv --out '" + (dir / "cli.csv").string() +
                     "' 2>&1");
  };

  StreamingReplica replica(test::TestDatabase::serverConninfo());
  long long primaryRows = 0;
  std::int64_t primaryTotal = 0;
  {
    auto desk = signIn("supervisor", replica.conninfo(db.name()));
    BOOST_TEST_REQUIRE(desk.replicaProblem.empty(), desk.replicaProblem);
    BOOST_TEST_REQUIRE(desk.readerPool != desk.pool);
    auto primary = desk.pool->lease();
    auto reader = desk.readerPool->lease();
    BOOST_TEST(!inRecovery(*primary));
    BOOST_TEST(inRecovery(*reader));  // the reader session is a hot standby's

    // A call record written on the primary after the copy: the history read from the
    // replica shows it once the replica has replayed it.
    *admin << "INSERT INTO cdr(line_id, started_at, kind, direction, other_number, duration_s, charge) "
              "VALUES (1, now() - interval '1 minute', 'voice', 'out', '+380445550199', 61, 150)";
    std::string primaryLsn;
    *admin << "SELECT CAST(pg_current_wal_lsn() AS text)", soci::into(primaryLsn);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int replayed = 0;
    while (!replayed && std::chrono::steady_clock::now() < deadline) {
      *reader << "SELECT CAST(pg_last_wal_replay_lsn() >= CAST(:l AS pg_lsn) AS int)", soci::use(primaryLsn),
          soci::into(replayed);
      if (!replayed) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_TEST_REQUIRE(replayed, "the replica did not replay the primary's WAL");
    services::CallHistory history(*primary, *reader);
    history.open(1, monthStart, today);  // the audited read goes to the primary
    const auto page = history.page({1, monthStart, today, "", "445550199"}, std::nullopt, 50);
    BOOST_TEST_REQUIRE(page.records.size() == 1u);
    BOOST_TEST(page.records[0].otherNumber == "+380445550199");
    const auto all = history.page({1, monthStart, today, "", ""}, std::nullopt, 500);
    BOOST_TEST(!all.records.empty());
    for (const auto& r : all.records) BOOST_TEST((r.otherNumber != "112" && r.otherNumber != "104"), r.otherNumber);
    // The same audited read on the reader session is refused: it really is the standby.
    try {
      services::CallHistory(*reader, *reader).open(1, monthStart, today);
      BOOST_ERROR("the reader session accepted a write");
    } catch (const soci::soci_error& e) {
      BOOST_TEST(sqlState(e) == "25006", e.what());  // read_only_sql_transaction
    }

    // The bill read on the replica is the bill read on the primary.
    const auto billReplica = services::DetailedBill(*reader).load(account, 0, from, to);
    const auto billPrimary = services::DetailedBill(*primary).load(account, 0, from, to);
    BOOST_TEST(!billReplica.records.empty());
    BOOST_TEST(billReplica.records.size() == billPrimary.records.size());
    BOOST_TEST(billReplica.total() == billPrimary.total());
    BOOST_TEST(billReplica.ledgerTotal() == billPrimary.ledgerTotal());
    primaryTotal = billPrimary.total();

    // A report exported from the replica has the primary's rows.
    const auto onReplica =
        reports::exportReport(*reader, *report, period, {reports::ExportFormat::Csv, (dir / "r.csv").string()});
    const auto onPrimary =
        reports::exportReport(*primary, *report, period, {reports::ExportFormat::Csv, (dir / "p.csv").string()});
    BOOST_TEST(onReplica.rows > 0);
    BOOST_TEST(onReplica.rows == onPrimary.rows);
    BOOST_TEST(inRecovery(*reader));
    primaryRows = onPrimary.rows;
  }

  // subdesk-cli reads its report from the replica it is given.
  const std::string viaReplica = cliReport(replica.conninfo(db.name()));
  BOOST_TEST(viaReplica.find("not available") == std::string::npos, viaReplica);
  BOOST_TEST(viaReplica.find(std::to_string(primaryRows) + " rows") != std::string::npos, viaReplica);

  // The replica goes down: a new sign-in reads from the primary, and says why.
  replica.stop();
  auto fallback = signIn("supervisor", replica.conninfo(db.name()));
  BOOST_TEST(!fallback.replicaProblem.empty());
  BOOST_TEST((fallback.readerPool == fallback.pool));
  {
    auto sql = fallback.readerPool->lease();
    BOOST_TEST(!inRecovery(*sql));
    BOOST_TEST(services::DetailedBill(*sql).load(account, 0, from, to).total() == primaryTotal);
    services::CallHistory history(*sql, *sql);
    BOOST_TEST(history.page({1, monthStart, today, "", "445550199"}, std::nullopt, 50).records.size() == 1u);
  }
  // And so does the CLI, with a warning.
  const std::string viaDown = cliReport(replica.conninfo(db.name()));
  BOOST_TEST(viaDown.find("reading from the main server") != std::string::npos, viaDown);
  BOOST_TEST(viaDown.find(std::to_string(primaryRows) + " rows") != std::string::npos, viaDown);
  std::filesystem::remove_all(dir);
}
