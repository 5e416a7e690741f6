// Lookup and card benchmark (issue 4). Run by hand against a demo database:
//   bench_lookup "host=... dbname=subdesk user=..." [iterations]
// Prints, from one run over the same random sample of subscribers:
//   - lookup by MSISDN and by account number through SubscriberLookup, each as a ratio to a
//     bare prepared point SELECT of the same key (p50 over p50);
//   - name search (surname + given name, some with a one-letter slip) p50/p95;
//   - full card load (SubscriberCard::load, all tabs) p50/p95.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/db/connection.h"
#include "core/services/subscriber_card.h"
#include "core/services/subscriber_lookup.h"

using namespace subdesk;
using Clock = std::chrono::steady_clock;

namespace {

struct Sample {
  long long customer, account, line;
  std::string msisdn, number, lastName, firstName;
};

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

template <class F>
std::vector<double> timeEach(const std::vector<Sample>& samples, F&& f) {
  std::vector<double> ms;
  for (const auto& s : samples) {
    const auto t0 = Clock::now();
    f(s);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  return ms;
}

// One letter changed the way people slip: "Олена" -> "Олєна", "Лариса" -> "Ларіса".
std::string slip(const std::string& name) {
  for (const auto& [from, to] : {std::pair<const char*, const char*>{"е", "є"}, {"и", "і"}, {"а", "о"}}) {
    if (const auto pos = name.find(from); pos != std::string::npos) {
      return name.substr(0, pos) + to + name.substr(pos + std::string(from).size());
    }
  }
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_lookup CONNINFO [iterations]\n");
    return 64;
  }
  const int n = argc > 2 ? std::stoi(argv[2]) : 500;
  auto sql = db::connect(argv[1]);
  long long customers = 0;
  *sql << "SELECT count(*) FROM customer", soci::into(customers);

  std::vector<Sample> samples;
  {
    soci::rowset<soci::row> rows =
        (sql->prepare << "SELECT a.customer_id, a.id, l.id, l.msisdn, a.number, c.last_name, c.first_name "
                         "FROM line l JOIN account a ON a.id = l.account_id JOIN customer c ON c.id = a.customer_id "
                         "WHERE l.status <> 'closed' AND l.id IN (SELECT 1 + (random() * (SELECT max(id) - 1 FROM line))::bigint "
                         "FROM generate_series(1, :n))",
         soci::use(n * 2, "n"));
    for (const auto& r : rows) {
      samples.push_back({r.get<long long>(0), r.get<long long>(1), r.get<long long>(2), r.get<std::string>(3),
                         r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6)});
      if (static_cast<int>(samples.size()) == n) break;
    }
  }
  std::mt19937 rng(7);
  std::shuffle(samples.begin(), samples.end(), rng);
  std::printf("database: %lld customers; %zu samples\n", customers, samples.size());

  services::SubscriberLookup lookup(*sql);
  // Warm the caches the same way for both sides.
  for (const auto& s : samples) lookup.lookup(s.msisdn);

  long long id = 0;
  std::string key;
  soci::statement bareMsisdn = (sql->prepare << "SELECT account_id FROM line WHERE msisdn = :k AND status <> 'closed'",
                                soci::use(key, "k"), soci::into(id));
  soci::statement bareAccount = (sql->prepare << "SELECT id FROM account WHERE number = :k", soci::use(key, "k"),
                                 soci::into(id));
  const auto bareM = timeEach(samples, [&](const Sample& s) { key = s.msisdn; bareMsisdn.execute(true); });
  const auto coreM = timeEach(samples, [&](const Sample& s) { lookup.lookup(s.msisdn); });
  const auto bareA = timeEach(samples, [&](const Sample& s) { key = s.number; bareAccount.execute(true); });
  const auto coreA = timeEach(samples, [&](const Sample& s) { lookup.lookup(s.number); });
  std::printf("MSISDN lookup:  core p50 %.3f ms p95 %.3f ms; bare prepared SELECT p50 %.3f ms p95 %.3f ms; ratio %.2f\n",
              percentile(coreM, .5), percentile(coreM, .95), percentile(bareM, .5), percentile(bareM, .95),
              percentile(coreM, .5) / percentile(bareM, .5));
  std::printf("account lookup: core p50 %.3f ms p95 %.3f ms; bare prepared SELECT p50 %.3f ms p95 %.3f ms; ratio %.2f\n",
              percentile(coreA, .5), percentile(coreA, .95), percentile(bareA, .5), percentile(bareA, .95),
              percentile(coreA, .5) / percentile(bareA, .5));

  std::size_t i = 0, hits = 0;
  const auto names = timeEach(samples, [&](const Sample& s) {
    const bool swap = ++i % 2 == 0, typo = i % 3 == 0;
    const std::string first = typo ? slip(s.firstName) : s.firstName;
    const auto r = lookup.lookup(swap ? first + " " + s.lastName : s.lastName + " " + first);
    hits += std::any_of(r.hits.begin(), r.hits.end(), [&](const auto& h) { return h.customerId == s.customer; });
  });
  std::printf("name search (both orders, every third with a slip): p50 %.2f ms p95 %.2f ms max %.2f ms; "
              "the subscriber among the hits in %zu of %zu\n",
              percentile(names, .5), percentile(names, .95), percentile(names, 1.0), hits, samples.size());

  services::SubscriberCard card(*sql);
  const auto cards = timeEach(samples, [&](const Sample& s) { card.load({s.customer, s.account, s.line}); });
  std::printf("full card load (all tabs): p50 %.2f ms p95 %.2f ms max %.2f ms\n", percentile(cards, .5),
              percentile(cards, .95), percentile(cards, 1.0));
  return 0;
}
