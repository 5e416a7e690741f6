// Tariff changes (now, next period, chosen date; preview; scheduled list; cancel) and
// add-on services (exclusive groups, dated start and end) of issue 7.
#define BOOST_TEST_MODULE plan_changes
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/line_services.h"
#include "core/services/tariff_change.h"
#include "core/util/error.h"
#include "outcome.h"
#include "test_database.h"

using subdesk::services::LineServices;
using subdesk::services::TariffChange;
using subdesk::services::TariffChangeWhen;
using subdesk::test::outcome;
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
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee, minutes, sms, data_mb, active) VALUES
        (1, 'start', 'mobile', 'Старт', 'Start', 10000, 100, 50, 5000, true),
        (2, 'smart', 'mobile', 'Смарт', 'Smart', 15000, NULL, 50, 20000, true),
        (3, 'old', 'mobile', 'Архів', 'Archive', 5000, 10, 10, 100, false);
      INSERT INTO service(id, code, kind, name_uk, name_en, monthly_fee, exclusive_group) VALUES
        (1, 'roam_eu', 'mobile', 'Роумінг ЄС', 'Roaming EU', 5000, 'roaming'),
        (2, 'roam_world', 'mobile', 'Роумінг світ', 'Roaming world', 9000, 'roaming'),
        (3, 'music', 'mobile', 'Музика', 'Music', 3000, NULL),
        (4, 'turbo', 'home', 'Турбо', 'Turbo', 3000, NULL);
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

BOOST_AUTO_TEST_CASE(tariff_change_preview_schedule_cancel_and_now) {
  Desk d;
  TariffChange tariffs(*d.agent);
  const auto options = tariffs.options(1);
  BOOST_TEST_REQUIRE(options.size() == 1u);  // the line's own and the inactive one are not offered
  BOOST_TEST(options[0].code == "smart");

  const auto p = tariffs.preview(1, 2, TariffChangeWhen::NextPeriod);
  BOOST_TEST(p.feeDifference == 5000);
  BOOST_TEST(p.effectiveOn == "2024-06-01");
  BOOST_TEST_REQUIRE(p.allowanceChanges.size() == 2u);
  BOOST_TEST(p.allowanceChanges[0] == "Minutes: 100 -> unlimited");
  BOOST_TEST(p.allowanceChanges[1] == "Megabytes: 5000 -> 20000");

  const auto id = tariffs.request(1, 2, TariffChangeWhen::NextPeriod);
  auto scheduled = tariffs.scheduled(1);
  BOOST_TEST_REQUIRE(scheduled.size() == 1u);
  BOOST_TEST(scheduled[0].effectiveOn == "2024-06-01");
  BOOST_TEST(scheduled[0].toEn == "Smart");
  BOOST_TEST(d.number("SELECT tariff_id FROM line WHERE id = 1") == 1);
  // One scheduled change per line.
  BOOST_TEST(outcome([&] { tariffs.request(1, 2, TariffChangeWhen::OnDate, "2024-05-20"); }) == "SD048");
  tariffs.cancel(id);
  BOOST_TEST(tariffs.scheduled(1).empty());
  BOOST_TEST(outcome([&] { tariffs.cancel(id); }) == "SD048");

  // Refusals: a day in the past or today as "a chosen date", the same tariff, an inactive
  // one, a closed line.
  BOOST_TEST(outcome([&] { tariffs.request(1, 2, TariffChangeWhen::OnDate, "2024-05-01"); }) == "SD048");
  BOOST_TEST(outcome([&] { tariffs.request(1, 2, TariffChangeWhen::OnDate, "2024-05-14"); }) == "SD048");
  BOOST_TEST(outcome([&] { tariffs.request(1, 1, TariffChangeWhen::Now); }) == "SD048");
  BOOST_TEST(outcome([&] { tariffs.request(1, 3, TariffChangeWhen::Now); }) == "SD048");
  BOOST_TEST(outcome([&] { tariffs.request(2, 2, TariffChangeWhen::Now); }) == "SD042");

  tariffs.request(1, 2, TariffChangeWhen::Now);
  BOOST_TEST(d.number("SELECT tariff_id FROM line WHERE id = 1") == 2);
  BOOST_TEST(d.number("SELECT count(*) FROM tariff_change WHERE status = 'applied' AND effective_on = '2024-05-14'") == 1);
  BOOST_TEST(d.number("SELECT count(*) FROM audit_log WHERE table_name = 'line' AND line_id = 1") >= 1);
}

BOOST_AUTO_TEST_CASE(services_exclusive_groups_and_dates) {
  Desk d;
  LineServices services(*d.agent);
  BOOST_TEST(services.catalogue().size() == 3u);  // mobile only
  const auto eu = services.connect(1, 1);
  // Another service of the same group on the same days, the same service twice: refused.
  BOOST_TEST(outcome([&] { services.connect(1, 2); }) == "SD046");
  BOOST_TEST(outcome([&] { services.connect(1, 1, "2024-06-01"); }) == "SD046");
  BOOST_TEST(outcome([&] { services.connect(1, 4); }) == "SD046");                // a home service
  BOOST_TEST(outcome([&] { services.connect(1, 3, "2024-05-01"); }) == "SD046");  // in the past
  BOOST_TEST(outcome([&] { services.connect(1, 3, "2024-06-10", "2024-06-01"); }) == "SD046");
  BOOST_TEST(outcome([&] { services.connect(2, 3); }) == "SD042");  // closed line
  // Dated: music for June only; the world roaming once the EU one has ended.
  services.connect(1, 3, "2024-06-01", "2024-06-30");
  services.disconnect(eu, "2024-05-20");
  BOOST_TEST(outcome([&] { services.connect(1, 2, "2024-05-20"); }) == "SD046");
  services.connect(1, 2, "2024-05-21");
  const auto list = services.connected(1);
  BOOST_TEST_REQUIRE(list.size() == 3u);
  BOOST_TEST(list[0].code == "roam_eu");
  BOOST_TEST(list[0].endsOn == "2024-05-20");
  BOOST_TEST(list[1].code == "roam_world");
  BOOST_TEST(list[1].endsOn.empty());
  BOOST_TEST(list[2].code == "music");
  BOOST_TEST(list[2].startsOn == "2024-06-01");
  // A service that has not started is removed when disconnected before its first day.
  services.disconnect(list[2].id);
  BOOST_TEST(services.connected(1).size() == 2u);
  BOOST_TEST(outcome([&] { services.disconnect(list[2].id); }) == "SD046");
}
