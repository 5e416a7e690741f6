// Promotions of a line (issue 7, migration 0027): offers (running today, meant for the
// line's tariff, not joined yet), joining, leaving, the refusals and the audit rows.
#define BOOST_TEST_MODULE promotions
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/promotions.h"
#include "core/util/error.h"
#include "outcome.h"
#include "test_database.h"

using subdesk::services::Promotions;
using subdesk::test::outcome;
using subdesk::test::sentence;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::unique_ptr<soci::session> agent;
  std::string login = db.login("agent");

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      ALTER DATABASE )" + db.name() + R"( SET subdesk.allow_test_clock = on;
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee) VALUES
        (1, 'start', 'mobile', 'Старт', 'Start', 10000), (2, 'smart', 'mobile', 'Смарт', 'Smart', 15000);
      INSERT INTO promotion(id, code, name_uk, name_en, starts_on, ends_on, tariff_ids) VALUES
        (1, 'spring', 'Весна', 'Spring', '2024-05-01', '2024-05-31', NULL),
        (2, 'smart_bonus', 'Смарт-бонус', 'Smart bonus', '2024-01-01', NULL, '{2}'),
        (3, 'summer', 'Літо', 'Summer', '2024-06-01', '2024-08-31', NULL),
        (4, 'winter', 'Зима', 'Winter', '2023-12-01', '2024-02-29', NULL),
        (5, 'start_plus', 'Старт плюс', 'Start plus', '2024-05-14', NULL, '{1,2}');
      INSERT INTO customer(id, last_name, first_name) VALUES (1, 'Коваленко', 'Олена');
      INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000017', 1, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id, status, closed_at) VALUES
        (1, '+380671234567', 1, 1, 'active', NULL), (2, '+380671234568', 1, 1, 'closed', now());
    )");
    db.addLogin("agent", "subdesk_agent");
    agent = db.connectAs("agent");
    *agent << "SET subdesk.test_now = '2024-05-14 14:02:00+03'";
  }
  long long number(const std::string& q) {
    long long n = 0;
    *admin << q, soci::into(n);
    return n;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(offers_follow_dates_and_tariffs) {
  Desk d;
  Promotions promos(*d.agent);
  auto offers = promos.offers(1);
  BOOST_TEST_REQUIRE(offers.size() == 2u);  // not smart_bonus (tariff), summer (later), winter (over)
  BOOST_TEST(offers[0].code == "spring");
  BOOST_TEST(offers[0].nameEn == "Spring");
  BOOST_TEST(offers[0].endsOn == "2024-05-31");
  BOOST_TEST(offers[1].code == "start_plus");
  BOOST_TEST(offers[1].endsOn.empty());
  BOOST_TEST(promos.offers(2).empty());  // a closed line is offered nothing
  // On another tariff the line is offered the smart bonus too.
  *d.admin << "UPDATE line SET tariff_id = 2 WHERE id = 1";
  BOOST_TEST(promos.offers(1).size() == 3u);
  BOOST_TEST(promos.idOf("summer") == 3);
  BOOST_TEST(outcome([&] { promos.idOf("nope"); }) == "usage");
}

BOOST_AUTO_TEST_CASE(join_leave_and_refusals) {
  Desk d;
  Promotions promos(*d.agent);
  const auto id = promos.join(1, 1);
  auto in = promos.enrolments(1);
  BOOST_TEST_REQUIRE(in.size() == 1u);
  BOOST_TEST(in[0].id == id);
  BOOST_TEST(in[0].code == "spring");
  BOOST_TEST(in[0].joinedAt == "2024-05-14 14:02");
  BOOST_TEST(in[0].endsOn == "2024-05-31");
  BOOST_TEST(promos.offers(1).size() == 1u);  // spring is no longer offered

  // Refusals: twice, another tariff's, not yet running, over, unknown, a closed line.
  BOOST_TEST(outcome([&] { promos.join(1, 1); }) == "SD047");
  BOOST_TEST(outcome([&] { promos.join(1, 2); }) == "SD047");
  BOOST_TEST(outcome([&] { promos.join(1, 3); }) == "SD047");
  BOOST_TEST(outcome([&] { promos.join(1, 4); }) == "SD047");
  BOOST_TEST(outcome([&] { promos.join(1, 999); }) == "SD047");
  BOOST_TEST(outcome([&] { promos.join(2, 5); }) == "SD042");
  BOOST_TEST(outcome([&] { promos.leave(1, 5); }) == "SD053");  // never joined
  // Each refusal read as its own sentence (the server's messages tell them apart).
  BOOST_TEST(sentence([&] { promos.join(1, 1); }) == "The line already takes part in this promotion.");
  BOOST_TEST(sentence([&] { promos.join(1, 2); }) == "This promotion is not meant for the line's tariff.");
  BOOST_TEST(sentence([&] { promos.join(1, 3); }) == "This promotion is not running today.");
  BOOST_TEST(sentence([&] { promos.join(1, 999); }) == "This promotion no longer exists.");
  BOOST_TEST(sentence([&] { promos.join(2, 5); }) == "This line is closed, or its account is.");
  BOOST_TEST(d.number("SELECT count(*) FROM promotion_enrollment") == 1);

  promos.leave(1, 1);
  BOOST_TEST(promos.enrolments(1).empty());
  BOOST_TEST(outcome([&] { promos.leave(1, 1); }) == "SD053");  // leaving twice
  BOOST_TEST(d.number("SELECT count(*) FROM promotion_enrollment WHERE left_at = '2024-05-14 14:02:00+03'") ==
             1);
  // Having left, the line may join again: a new enrolment, the old one kept.
  const auto again = promos.join(1, 1);
  BOOST_TEST(again != id);
  BOOST_TEST(d.number("SELECT count(*) FROM promotion_enrollment WHERE line_id = 1") == 2);

  // Audited in the agent's name, with the line as the subject.
  const std::string who = "who = '" + d.login +
                          "' AND table_name = 'promotion_enrollment' AND line_id = 1 "
                          "AND account_id = 1 AND customer_id = 1";
  BOOST_TEST(d.number("SELECT count(*) FROM audit_log WHERE action = 'INSERT' AND " + who) == 2);
  BOOST_TEST(d.number("SELECT count(*) FROM audit_log WHERE action = 'UPDATE' AND " + who +
                      " AND changes ? 'left_at'") == 1);
}

BOOST_AUTO_TEST_CASE(one_open_enrolment_even_from_two_desks) {
  Desk d;
  auto second = d.db.connectAs("agent");
  *second << "SET subdesk.test_now = '2024-05-14 14:03:00+03'";
  Promotions one(*d.agent), two(*second);
  {
    soci::transaction tx(*d.agent);
    one.join(1, 5);
    // The line is locked: the other desk's join waits, then sees the enrolment.
    std::string got;  // Boost.Test asserts only on the main thread
    std::thread other([&] { got = outcome([&] { two.join(1, 5); }); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    tx.commit();
    other.join();
    BOOST_TEST(got == "SD047");
  }
  BOOST_TEST(d.number("SELECT count(*) FROM promotion_enrollment WHERE promotion_id = 5") == 1);
}
