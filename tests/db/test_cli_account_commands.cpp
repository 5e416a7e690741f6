// subdesk-cli promo|ticket|family end to end: the built binary (SUBDESK_CLI) against the
// test database, logged in as an agent through $SUBDESK_DB, as a person would run it.
#define BOOST_TEST_MODULE cli_account_commands
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "cli_run.h"
#include "test_database.h"

using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {


using Run = subdesk::test::CliRun;

struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::string login = db.login("agent");

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee) VALUES
        (1, 'start', 'mobile', 'Старт', 'Start', 10000);
      INSERT INTO promotion(id, code, name_uk, name_en, starts_on, ends_on) VALUES
        (1, 'welcome', 'Вітаємо', 'Welcome', '2020-01-01', NULL),
        (2, 'future', 'Майбутнє', 'Future', '2999-01-01', NULL);
      INSERT INTO customer(id, last_name, first_name, email, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', 'olena.koval@gmail.com', crypt('соняшник', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind) VALUES (1, '100000017', 1, 'mobile'), (2, '100000025', 1, 'home');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES (1, '+380671234567', 1, 1);
    )");
    db.addLogin("agent", "subdesk_agent");
    ::setenv("SUBDESK_DB", db.conninfoAs(login, TestDatabase::kLoginPassword).c_str(), 1);
  }

  static Run cli(const std::vector<std::string>& args) {
    const Run r = subdesk::test::runCli(args);
    BOOST_TEST_MESSAGE("subdesk-cli " << args.front() << " ...: " << r.status << "\n" << r.output);
    return r;
  }
  static bool has(const Run& r, const std::string& text) { return r.has(text); }
  long long number(const std::string& q) {
    long long n = 0;
    *admin << q, soci::into(n);
    return n;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(promo_list_join_leave) {
  Desk d;
  auto r = Desk::cli({"promo", "list", "067 123 45 67"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(Desk::has(r, "may join welcome  Welcome  2020-01-01 .. "));
  BOOST_TEST(!Desk::has(r, "future"));
  BOOST_TEST(Desk::cli({"promo", "join", "+380671234567", "welcome"}).status == 0);
  r = Desk::cli({"promo", "list", "0671234567"});
  BOOST_TEST(Desk::has(r, "in welcome  Welcome  since "));
  BOOST_TEST(!Desk::has(r, "may join welcome"));
  r = Desk::cli({"promo", "join", "0671234567", "welcome"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "The line already takes part in this promotion."), r.output);
  BOOST_TEST(Desk::cli({"promo", "join", "0671234567", "future"}).status == 1);
  BOOST_TEST(Desk::cli({"promo", "leave", "0671234567", "welcome"}).status == 0);
  r = Desk::cli({"promo", "leave", "0671234567", "welcome"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "not in this promotion"));
  BOOST_TEST(d.number("SELECT count(*) FROM promotion_enrollment WHERE left_at IS NOT NULL") == 1);
}

BOOST_AUTO_TEST_CASE(ticket_open_list_answer) {
  Desk d;
  auto r = Desk::cli(
      {"ticket", "open", "100000017", "--subject", "Швидкість", "--text", "Увечері падає швидкість"});
  BOOST_TEST_REQUIRE(r.status == 0);
  const long long id = d.number("SELECT max(id) FROM ticket");
  BOOST_TEST(Desk::has(r, "Ticket " + std::to_string(id) + " recorded."));
  // The command's interaction is closed again, with a wrap-up note.
  BOOST_TEST(d.number("SELECT count(*) FROM interaction WHERE closed_at IS NULL") == 0);
  r = Desk::cli({"ticket", "list", "0671234567"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(Desk::has(r, std::to_string(id) + "  "));
  BOOST_TEST(Desk::has(r, "Швидкість  Увечері падає швидкість"));
  r = Desk::cli({"ticket", "answer", std::to_string(id), "--text", "Перевірили: все гаразд."});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(d.number("SELECT count(*) FROM outbox WHERE channel = 'email' AND customer_id = 1 "
                      "AND recipient = 'olena.koval@gmail.com'") == 1);
  r = Desk::cli({"ticket", "list", "100000017"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.output.empty());
  r = Desk::cli({"ticket", "answer", std::to_string(id), "--text", "Ще раз"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "This ticket has already been answered."), r.output);
}

BOOST_AUTO_TEST_CASE(family_create_add_show) {
  Desk d;
  auto r = Desk::cli({"family", "show", "100000017"});
  BOOST_TEST(r.status == 1);
  r = Desk::cli({"family", "create", "100000017", "--name", "Родина", "--code-word", "невірне"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(d.number("SELECT count(*) FROM family_group") == 0);
  BOOST_TEST(
      Desk::cli({"family", "create", "100000017", "--name", "Родина", "--code-word", "соняшник"}).status ==
      0);
  BOOST_TEST(Desk::cli({"family", "add", "100000017", "100000025"}).status == 1);  // nobody verified
  BOOST_TEST(Desk::cli({"family", "add", "100000017", "100000025", "--code-word", "соняшник"}).status == 0);
  r = Desk::cli({"family", "show", "0671234567"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(Desk::has(r, "\"Родина\", owner Коваленко Олена"));
  BOOST_TEST(Desk::has(r, "100000017  mobile  active  Коваленко Олена  UAH 0.00  +380671234567"));
  BOOST_TEST(Desk::has(r, "100000025  home"));
  BOOST_TEST(d.number("SELECT count(*) FROM interaction WHERE closed_at IS NULL") == 0);
}
