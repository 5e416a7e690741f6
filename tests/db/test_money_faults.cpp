// Money under faults (issue 7): 20 client threads run random payments, transfers and
// fees against 50 accounts for a bounded time while another thread kills random backends
// with pg_terminate_backend. A client whose connection dies reconnects and retries the
// SAME operation with the SAME idempotency key until it gets a definite answer. At the
// end: every account's balance equals the sum of its ledger and the sum the clients
// expect from the operations they were told succeeded (so no key was applied twice and
// none was lost), every operation left exactly its ledger rows, and no balance was ever
// below its disconnect threshold.
#define BOOST_TEST_MODULE money_faults
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/domain/money.h"
#include "core/services/account_transfer.h"
#include "core/services/payments.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::Money;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

constexpr const char* kPassword = "Desk-test-pass-2024";
constexpr int kCustomers = 5, kAccountsPerCustomer = 10, kAccounts = kCustomers * kAccountsPerCustomer;
constexpr int kClients = 20;
constexpr auto kRunFor = std::chrono::seconds(10);
constexpr long long kThreshold = -5000;  // every account may go down to -50.00 UAH, no further

enum class Kind { Payment, Transfer, Fee };

struct Operation {
  Kind kind = Kind::Payment;
  std::string key;
  long long from = 0, to = 0, amount = 0;  // payment/fee: `from` is the account
};

bool retryable(const std::exception& e) {
  const std::string s = subdesk::sqlState(e);
  if (s.rfind("08", 0) == 0 || s.rfind("57P", 0) == 0 || s == "40001" || s == "40P01") return true;
  if (!s.empty()) return false;
  const std::string what = e.what();
  return what.find("server closed the connection") != std::string::npos ||
         what.find("terminating connection") != std::string::npos ||
         what.find("no connection to the server") != std::string::npos ||
         what.find("connection") != std::string::npos;  // libpq's other wordings of a lost link
}

struct Bench {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::string cashier = db.name() + "_cashier", billing = db.name() + "_billing";

  Bench() {
    std::string script = R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES
        (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1');
    )";
    for (int c = 1; c <= kCustomers; ++c) {
      script += "INSERT INTO customer(id, last_name, first_name, code_word_hash) VALUES (" + std::to_string(c) +
                ", 'Клієнт', 'Номер " + std::to_string(c) + "', crypt('соняшник', gen_salt('bf', 4)));\n";
    }
    // Account numbers with a valid check digit come from account_number_valid's own rule:
    // take the first valid number after each serial.
    script += R"(
      INSERT INTO account(id, number, customer_id, kind, disconnect_threshold)
      SELECT g, (SELECT n FROM generate_series(g * 100 + 100000000, g * 100 + 100000099) AS s(n)
                 WHERE account_number_valid(n::text) LIMIT 1)::text,
             (g - 1) / )" + std::to_string(kAccountsPerCustomer) +
              " + 1, 'mobile', " + std::to_string(kThreshold) + R"(
      FROM generate_series(1, )" + std::to_string(kAccounts) + ") AS g;";
    subdesk::db::executeScript(*admin, script);
    for (const auto& [login, group] : {std::pair{cashier, "subdesk_sales"}, std::pair{billing, "subdesk_billing"}}) {
      *admin << "DROP ROLE IF EXISTS " + login;
      *admin << "CREATE ROLE " + login + " LOGIN PASSWORD '" + kPassword + "' IN ROLE " + group;
    }
    *admin << "INSERT INTO staff(login, full_name, group_role, office_id) VALUES ('" + cashier +
                  "', 'Каса', 'subdesk_sales', 1)";
    // The cashier's verified visit with every customer (transfers need one).
    auto s = connect(cashier);
    for (int c = 1; c <= kCustomers; ++c) {
      long long id = 0;
      int ok = 0;
      *s << "SELECT interaction_open('visit', NULL, " + std::to_string(c) + ")", soci::into(id);
      *s << "SELECT interaction_verify(" + std::to_string(id) + ", 'code_word', 'соняшник')::int", soci::into(ok);
      BOOST_TEST_REQUIRE(ok == 1);
    }
  }
  ~Bench() {
    for (const auto& login : {cashier, billing}) {
      try {
        *admin << "DROP OWNED BY " + login;
        *admin << "DROP ROLE IF EXISTS " + login;
      } catch (const std::exception& e) {
        BOOST_TEST_MESSAGE("could not drop role " << login << ": " << e.what());
      }
    }
  }
  std::unique_ptr<soci::session> connect(const std::string& login) {
    auto s = subdesk::db::connect(db.conninfoAs(login, kPassword));
    // The server gives up before any client would (PLATFORM-NOTES): no statement outlives its caller.
    *s << "SET statement_timeout = '5s'";
    return s;
  }
  long long number(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
};

// Runs one operation once on `sql`. Returns true when it was applied (now or before),
// false when the database refused it for good (not enough money).
bool runOnce(soci::session& cashier, soci::session& billing, const Operation& op) {
  try {
    switch (op.kind) {
      case Kind::Payment: {
        subdesk::services::Payments pay(cashier);
        pay.take({op.from, Money::fromKopecks(op.amount), subdesk::services::PaymentMethod::Cash, "", "", "", op.key});
        break;
      }
      case Kind::Transfer:
        subdesk::services::AccountTransfer(cashier).transfer(op.from, op.to, Money::fromKopecks(op.amount), "test",
                                                             op.key);
        break;
      case Kind::Fee: {
        long long id = 0;
        billing << "SELECT account_charge(:a, :m, 'service_fee', 'Service fee', :k)", soci::use(op.from),
            soci::use(op.amount), soci::use(op.key), soci::into(id);
        break;
      }
    }
    return true;
  } catch (const std::exception& e) {
    if (subdesk::sqlState(e) == "SD044") return false;
    throw;
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(money_survives_killed_backends) {
  Bench bench;
  std::atomic<bool> stop{false};
  std::atomic<long long> operations{0}, applied{0}, refused{0}, retries{0}, kills{0};
  std::mutex mutex;
  std::map<long long, long long> expected;  // account -> balance the clients expect
  std::vector<Operation> done;              // applied operations
  std::vector<std::string> failures;

  std::vector<std::thread> clients;
  for (int t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      std::mt19937_64 rnd(1000 + t);
      std::unique_ptr<soci::session> cashier, billing;
      auto reconnect = [&] {
        for (;;) {
          try {
            cashier = bench.connect(bench.cashier);
            billing = bench.connect(bench.billing);
            return;
          } catch (const std::exception&) {
            retries++;  // killed while connecting: try again
          }
        }
      };
      reconnect();
      while (!stop) {
        Operation op;
        const int dice = static_cast<int>(rnd() % 10);
        op.kind = dice < 4 ? Kind::Payment : dice < 7 ? Kind::Transfer : Kind::Fee;
        op.key = subdesk::services::newIdempotencyKey();
        op.from = static_cast<long long>(rnd() % kAccounts) + 1;
        op.amount = static_cast<long long>(rnd() % 20000) + 1;
        if (op.kind == Kind::Transfer) {  // another account of the same customer
          const long long first = (op.from - 1) / kAccountsPerCustomer * kAccountsPerCustomer + 1;
          op.to = first + static_cast<long long>(rnd() % (kAccountsPerCustomer - 1));
          if (op.to >= op.from) ++op.to;
        }
        operations++;
        for (;;) {
          try {
            const bool ok = runOnce(*cashier, *billing, op);
            (ok ? applied : refused)++;
            if (ok) {
              std::lock_guard lock(mutex);
              done.push_back(op);
              const long long delta = op.kind == Kind::Payment ? op.amount : -op.amount;
              expected[op.from] += delta;
              if (op.kind == Kind::Transfer) expected[op.to] += op.amount;
            }
            break;
          } catch (const std::exception& e) {
            if (!retryable(e)) {
              std::lock_guard lock(mutex);
              failures.push_back(subdesk::sqlState(e) + " " + e.what());
              break;
            }
            retries++;
            reconnect();  // and again, with the same key
          }
        }
      }
    });
  }
  std::thread killer([&] {
    std::mt19937_64 rnd(7);
    auto admin = subdesk::db::connect(bench.db.adminConninfo());
    while (!stop) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20 + rnd() % 60));
      long long n = 0;
      *admin << "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND usename IN (:c, :b) AND pid <> pg_backend_pid() "
                "ORDER BY random() LIMIT 1 + (random() * 2)::int) AS k",
          soci::use(bench.cashier), soci::use(bench.billing), soci::into(n);
      kills += n;
    }
  });
  std::this_thread::sleep_for(kRunFor);
  stop = true;
  for (auto& c : clients) c.join();
  killer.join();

  BOOST_TEST_MESSAGE("operations " << operations << ", applied " << applied << ", refused (funds) " << refused
                                   << ", kills " << kills << ", retries " << retries);
  std::printf("money under faults: operations %lld, applied %lld, refused %lld, kills %lld, retries %lld\n",
              operations.load(), applied.load(), refused.load(), kills.load(), retries.load());
  BOOST_TEST(failures.empty());
  for (const auto& f : failures) BOOST_TEST_MESSAGE(f);
  BOOST_TEST(kills > 0);
  BOOST_TEST(retries > 0);
  BOOST_TEST(applied > 100);

  // Balance = sum of the ledger = what the clients were told, for every account.
  soci::rowset<soci::row> rows = (bench.admin->prepare << "SELECT a.id, a.balance, coalesce(sum(l.amount), 0)::bigint "
                                                         "FROM account a LEFT JOIN ledger l ON l.account_id = a.id "
                                                         "AND l.wallet = 'main' GROUP BY a.id ORDER BY a.id");
  int accounts = 0;
  for (const auto& r : rows) {
    const long long id = r.get<long long>(0), balance = r.get<long long>(1), ledger = r.get<long long>(2);
    BOOST_TEST(balance == ledger, "account " << id);
    BOOST_TEST(balance == expected[id], "account " << id);
    BOOST_TEST(balance >= kThreshold, "account " << id);
    ++accounts;
  }
  BOOST_TEST(accounts == kAccounts);

  // Each applied operation left exactly its rows; nothing else is in the ledger.
  long long rowsWanted = 0;
  for (const auto& op : done) rowsWanted += op.kind == Kind::Transfer ? 2 : 1;
  BOOST_TEST(bench.number("SELECT count(*) FROM ledger") == rowsWanted);
  BOOST_TEST(bench.number("SELECT count(*) FROM payment") ==
             static_cast<long long>(std::count_if(done.begin(), done.end(),
                                                  [](const Operation& o) { return o.kind == Kind::Payment; })));
  BOOST_TEST(bench.number("SELECT count(*) FROM payment p JOIN ledger l ON l.id = p.ledger_id "
                          "WHERE l.idempotency_key <> 'payment:' || p.idempotency_key OR l.amount <> p.amount") == 0);
  // Never below the threshold, at any moment: every change of an account happened under
  // its row lock, so its ledger in id order is its history.
  BOOST_TEST(bench.number("SELECT count(*) FROM (SELECT sum(amount) OVER (PARTITION BY account_id ORDER BY id) AS b "
                          "FROM ledger WHERE wallet = 'main') AS h WHERE b < " +
                          std::to_string(kThreshold)) == 0);
}
