// The outbox claim as the notifier's own login sees it: disjoint claims for two notifiers,
// a lapsed claim taken over, updates refused to a notifier whose claim lapsed, the
// scrubbing, what the notifier role may not change, and DeliveryStatus as an agent reads it.
#define BOOST_TEST_MODULE outbox_claimer
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>

#include "core/db/connection.h"
#include "core/notify/delivery_status.h"
#include "core/notify/outbox_claimer.h"
#include "core/util/error.h"
#include "test_database.h"

using namespace subdesk::notify;
using subdesk::test::RequireServer;
using subdesk::test::Template;
using subdesk::test::TestDatabase;
using namespace std::chrono_literals;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

constexpr const char* kPassword = "claimer-test-password-1";

struct Outbox {
  TestDatabase db{Template::Demo};
  std::unique_ptr<soci::session> admin = db.admin();
  std::string notifierRole = db.name() + "_notifier";
  std::string agentRole = db.name() + "_agent";
  long long customer = 0;

  Outbox() {
    for (const auto& [role, group] : {std::pair{notifierRole, "notifier"}, std::pair{agentRole, "agent"}}) {
      *admin << "DROP ROLE IF EXISTS " + role;
      *admin << "CREATE ROLE " + role + " LOGIN PASSWORD '" + kPassword + "' IN ROLE subdesk_" + group;
    }
    *admin << "SELECT min(id) FROM customer", soci::into(customer);
  }
  ~Outbox() {
    for (const auto& role : {notifierRole, agentRole}) {
      try {
        *admin << "DROP ROLE IF EXISTS " + role;
      } catch (const std::exception& e) {
        BOOST_TEST_MESSAGE("could not drop " << role << ": " << e.what());
      }
    }
  }
  std::unique_ptr<soci::session> as(const std::string& role) {
    return subdesk::db::connect(db.conninfoAs(role, kPassword));
  }
  void queue(int n) {
    *admin << "INSERT INTO outbox (channel, recipient, body, secret, customer_id) "
              "SELECT 'sms', '+38067100' || lpad(g::text, 4, '0'), 'Код ' || (500000 + g), (500000 + g)::text, :c "
              "FROM generate_series(1, :n) g",
        soci::use(customer), soci::use(n);
  }
  long long count(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(two_claimers_get_disjoint_rows_and_nothing_twice, Outbox) {
  queue(12);
  auto a = as(notifierRole), b = as(notifierRole);
  OutboxClaimer first(*a, "first", 60s), second(*b, "second", 60s);
  // The first claim is open (in a transaction) while the second one runs: SKIP LOCKED
  // makes the second pass over the locked rows instead of waiting for them.
  soci::transaction tr(*a);
  const auto x = first.claim(5);
  const auto y = second.claim(100);
  tr.commit();
  const auto z = second.claim(100);  // the first's claims are live: nothing more
  BOOST_TEST(x.size() == 5u);
  BOOST_TEST(y.size() == 7u);
  BOOST_TEST(z.empty());
  std::set<long long> ids;
  for (const auto& m : x) ids.insert(m.id);
  for (const auto& m : y) ids.insert(m.id);
  BOOST_TEST(ids.size() == 12u);
  BOOST_TEST(first.confirm(x[0].id));
  BOOST_TEST(!second.confirm(x[0].id));  // not its row
}

BOOST_FIXTURE_TEST_CASE(a_lapsed_claim_is_taken_over_and_the_old_owner_can_mark_nothing, Outbox) {
  queue(1);
  auto a = as(notifierRole), b = as(notifierRole);
  OutboxClaimer crashed(*a, "crashed", 60s), next(*b, "next", 60s);
  const auto mine = crashed.claim(10);
  BOOST_REQUIRE(mine.size() == 1u);
  BOOST_TEST(next.claim(10).empty());
  // The lease lapses (the clock is moved by rewriting the claim, not by waiting).
  *admin << "UPDATE outbox SET claimed_until = now() - interval '1 second'";
  const auto taken = next.claim(10);
  BOOST_REQUIRE(taken.size() == 1u);
  BOOST_TEST(!crashed.confirm(mine[0].id));
  BOOST_TEST(!crashed.markSent(mine[0]));
  BOOST_TEST(!crashed.markRetry(mine[0], "late", BackoffPolicy(1s, 2s)));
  BOOST_TEST(next.markSent(taken[0]));
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE status = 'sent' AND attempts = 1 AND body = 'Код ******' "
                   "AND secret IS NULL AND claimed_by IS NULL AND sent_at IS NOT NULL") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_retry_waits_for_its_backoff_and_keeps_the_error, Outbox) {
  queue(1);
  auto a = as(notifierRole);
  OutboxClaimer claimer(*a, "n", 60s);
  auto m = claimer.claim(1);
  BOOST_REQUIRE(m.size() == 1u);
  BOOST_TEST(claimer.markRetry(m[0], "Kannel: Connection refused", BackoffPolicy(30s, 60s)));
  BOOST_TEST(claimer.claim(1).empty());  // not due for 30 s
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE status = 'queued' AND attempts = 1 AND secret IS NOT NULL "
                   "AND last_error = 'Kannel: Connection refused' "
                   "AND next_attempt_at BETWEEN now() + interval '29 s' AND now() + interval '31 s'") == 1);
  *admin << "UPDATE outbox SET next_attempt_at = now()";
  m = claimer.claim(1);
  BOOST_REQUIRE(m.size() == 1u);
  BOOST_TEST(m[0].attempts == 1);
  BOOST_TEST(claimer.markUndeliverable(m[0], "not an E.164 number"));
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE status = 'failed' AND attempts = 2 AND secret IS NULL "
                   "AND body = 'Код ******'") == 1);
}

BOOST_FIXTURE_TEST_CASE(the_notifier_role_cannot_readdress_or_create_messages, Outbox) {
  queue(1);
  auto n = as(notifierRole);
  BOOST_CHECK_EXCEPTION(*n << "UPDATE outbox SET recipient = '+380999999999'", std::exception,
                        [](const std::exception& e) { return subdesk::sqlState(e) == "42501"; });
  BOOST_CHECK_EXCEPTION(*n << "INSERT INTO outbox (channel, recipient, body) VALUES ('sms', '+380671234567', 'x')",
                        std::exception, [](const std::exception& e) { return subdesk::sqlState(e) == "42501"; });
}

BOOST_FIXTURE_TEST_CASE(the_desk_reads_the_delivery_state_of_a_customers_messages, Outbox) {
  queue(3);
  auto n = as(notifierRole);
  OutboxClaimer claimer(*n, "n", 60s);
  const auto m = claimer.claim(3);
  BOOST_REQUIRE(m.size() == 3u);
  claimer.markSent(m[0]);
  claimer.markRetry(m[1], "SMTP 127.0.0.1:25: Connection refused", BackoffPolicy(60s, 60s));
  claimer.release(m[2].id);

  auto agent = as(agentRole);
  DeliveryStatus status(*agent);
  const auto list = status.forCustomer(customer);
  BOOST_REQUIRE(list.size() == 3u);
  std::map<long long, Delivery> byId;
  for (const auto& d : list) byId[d.id] = d;
  BOOST_TEST((byId[m[0].id].state == DeliveryState::Sent));
  BOOST_TEST(byId[m[0].id].sentAt.has_value());
  BOOST_TEST((byId[m[1].id].state == DeliveryState::Failing));
  BOOST_TEST(byId[m[1].id].lastError.value_or("") == "SMTP 127.0.0.1:25: Connection refused");
  BOOST_TEST(byId[m[1].id].attempts == 1);
  BOOST_TEST(byId[m[1].id].nextAttemptAt.has_value());
  BOOST_TEST((byId[m[1].id].nextAttemptAt.value() > byId[m[1].id].lastAttemptAt.value()));
  BOOST_TEST((byId[m[2].id].state == DeliveryState::Queued));
  BOOST_TEST(byId[m[2].id].recipient == m[2].recipient);
  BOOST_TEST(status.byId(m[1].id).has_value());
  BOOST_TEST(status.forInteraction(999999).empty());
  BOOST_TEST(describe(DeliveryState::Failing) == "failing, will retry");
  // The agent still reads no body or secret.
  BOOST_CHECK_EXCEPTION(*agent << "SELECT body FROM outbox", std::exception,
                        [](const std::exception& e) { return subdesk::sqlState(e) == "42501"; });
}
