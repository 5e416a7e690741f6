// subdesk-cli pay|adjust|transfer|tariff|service|profile end to end: the built binary
// (SUBDESK_CLI) against the test database, logged in as a member of staff through
// $SUBDESK_DB, as a person would run it. Every refusal is checked in the database too:
// nothing moved, no row written, the ledger still adds up to every balance.
#define BOOST_TEST_MODULE cli_money_commands
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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

constexpr const char* kCard = "4111 1111 1111 1111";

using Run = subdesk::test::CliRun;

// Customer 1 (code word "соняшник"): accounts 1 (line +380671234567) and 2 (home), and
// account 4, closed, whose line +380501112233 is still open. Customer 2: account 3.
struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  const std::vector<std::string> groups{"agent", "sales", "supervisor"};

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES
        (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee, minutes, sms, data_mb) VALUES
        (1, 'start', 'mobile', 'Старт', 'Start', 10000, 100, 50, 5000),
        (2, 'smart', 'mobile', 'Смарт', 'Smart', 15000, NULL, 50, 20000);
      INSERT INTO service(id, code, kind, name_uk, name_en, monthly_fee, exclusive_group) VALUES
        (1, 'roam_eu', 'mobile', 'Роумінг ЄС', 'Roaming EU', 5000, 'roaming'),
        (2, 'roam_world', 'mobile', 'Роумінг світ', 'Roaming world', 9000, 'roaming'),
        (3, 'music', 'mobile', 'Музика', 'Music', 3000, NULL);
      INSERT INTO customer(id, last_name, first_name, email, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', 'olena.koval@gmail.com', crypt('соняшник', gen_salt('bf', 4))),
        (2, 'Smith', 'John', NULL, NULL);
      INSERT INTO account(id, number, customer_id, kind, status, closed_at) VALUES
        (1, '100000017', 1, 'mobile', 'active', NULL), (2, '100000025', 1, 'home', 'active', NULL),
        (3, '100000033', 2, 'mobile', 'active', NULL), (4, '100000041', 1, 'mobile', 'closed', now());
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES
        (1, '+380671234567', 1, 1), (2, '+380501112233', 4, 1);
    )");
    for (const auto& g : groups) db.addStaff(g, g, 1, "Test " + g);
  }
  std::string login(const std::string& g) const { return db.login(g); }

  // subdesk-cli ARGS as the member of staff of group `as`.
  Run cli(const std::string& as, const std::vector<std::string>& args) {
    ::setenv("SUBDESK_DB", db.conninfoAs(login(as), TestDatabase::kLoginPassword).c_str(), 1);
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
  std::string text(const std::string& q) {
    std::string s;
    soci::indicator ind = soci::i_null;
    *admin << q, soci::into(s, ind);
    return ind == soci::i_ok ? s : "NULL";
  }
  long long balance(int account) {
    return number("SELECT balance FROM account WHERE id = " + std::to_string(account));
  }
  // Every balance equals the sum of its ledger; returns everything money could have changed.
  std::string money() {
    BOOST_TEST(number("SELECT count(*) FROM account a WHERE balance <> (SELECT coalesce(sum(amount), 0) "
                      "FROM ledger l WHERE l.account_id = a.id AND wallet = 'main')") == 0);
    return text(
        "SELECT string_agg(id || '=' || balance, ' ' ORDER BY id) || ' ledger=' || "
        "(SELECT count(*) FROM ledger) || ' payments=' || (SELECT count(*) FROM payment) FROM account");
  }
  // No table the operations write holds the test card number, in any notation.
  long long cardNumberTraces() {
    long long n = 0;
    for (const char* table : {"payment", "ledger", "audit_log", "interaction", "customer", "outbox"})
      n += number(std::string("SELECT count(*) FROM ") + table +
                  " t WHERE regexp_replace(t::text, '[ -]', '', 'g') "
                  "LIKE '%4111111111111111%'");
    return n;
  }
  long long openInteractions() { return number("SELECT count(*) FROM interaction WHERE closed_at IS NULL"); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(pay_credits_once_per_key_and_prints_the_receipt) {
  Desk d;
  const auto pdf = std::filesystem::temp_directory_path() / (d.db.name() + "-receipt.pdf");
  auto r = d.cli("sales", {"pay", "100000017", "150.00", "--method", "cash", "--receipt-no", "К-17", "--key",
                           "cli-pay-1", "--pdf", pdf.string()});
  BOOST_TEST_REQUIRE(r.status == 0);
  BOOST_TEST(Desk::has(r, "UAH 150.00 to account 100000017; balance now UAH 150.00."));
  BOOST_TEST(Desk::has(r, "Receipt written to " + pdf.string()));
  std::ifstream file(pdf, std::ios::binary);
  std::string head(5, '\0');
  file.read(head.data(), 5);
  BOOST_TEST(head == "%PDF-");
  std::filesystem::remove(pdf);
  // The same key again (a retry after a lost answer): the same payment, no more money.
  r = d.cli("sales", {"pay", "100000017", "150.00", "--method", "cash", "--key", "cli-pay-1"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(d.balance(1) == 15000);
  BOOST_TEST(d.number("SELECT count(*) FROM payment") == 1);
  // The same key for another amount is refused.
  r = d.cli("sales", {"pay", "100000017", "10.00", "--method", "cash", "--key", "cli-pay-1"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "already done with different details"));
  // A card at the terminal by phone number: the RRN and the last four digits, no more.
  r = d.cli("sales",
            {"pay", "067 123 45 67", "20.50", "--method", "pos", "--rrn", "123456789012", "--last4", "1111"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(d.number("SELECT count(*) FROM payment WHERE method = 'pos' AND rrn = '123456789012' "
                      "AND card_last4 = '1111' AND amount = 2050") == 1);
  // A bank transfer is for anyone at the desk, an agent included.
  BOOST_TEST(d.cli("agent", {"pay", "100000017", "5", "--method", "bank", "--receipt-no", "ПД-77"}).status ==
             0);
  BOOST_TEST(d.balance(1) == 15000 + 2050 + 500);
  d.money();
}

BOOST_AUTO_TEST_CASE(pay_refusals_move_nothing) {
  Desk d;
  const std::string before = d.money();
  const auto refused = [&](const std::string& as, const std::vector<std::string>& args,
                           const std::string& why) {
    const auto r = d.cli(as, args);
    BOOST_TEST(r.status != 0, args[1] << " " << args[2]);
    BOOST_TEST(Desk::has(r, why), r.output);
  };
  refused("sales", {"pay", "100000017", "сто", "--method", "cash"},
          "only digits, spaces and one decimal separator");
  refused("sales", {"pay", "100000017", "0", "--method", "cash"}, "The amount must be more than zero.");
  refused("sales", {"pay", "--method", "cash", "100000017", "--", "-5.00"},
          "The amount must be more than zero.");
  refused("sales", {"pay", "100000017", "100000.01", "--method", "cash"}, "The amount is not accepted");
  refused("sales", {"pay", "100000017", "10", "--method", "cheque"}, "Unknown payment method");
  refused("sales", {"pay", "100000017", "10", "--method", "pos"}, "12 digits");
  refused("agent", {"pay", "100000017", "10", "--method", "cash"}, "You are not allowed to do this");
  refused("sales", {"pay", "100000041", "10", "--method", "cash"},
          "This account is closed: no payment can be taken for it.");
  refused("sales", {"pay", "0501112233", "10", "--method", "cash"},
          "This account is closed: no payment can be taken for it.");
  // A full card number typed into any field: refused before anything is sent, stored nowhere.
  for (const auto& [option, value] : {std::pair{"--receipt-no", kCard},
                                      {"--last4", "4111111111111111"},
                                      {"--rrn", "4111-1111-1111-1111"}}) {
    std::vector<std::string> args{"pay", "100000017", "10", "--method", "pos", option, value};
    if (std::string(option) != "--rrn") args.insert(args.end(), {"--rrn", "123456789012"});
    const auto r = d.cli("sales", args);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(Desk::has(r, "full card number"), r.output);
    BOOST_TEST(!Desk::has(r, "1111 1111"));
  }
  BOOST_TEST(d.money() == before);
  BOOST_TEST(d.cardNumberTraces() == 0);
}

BOOST_AUTO_TEST_CASE(adjust_within_the_roles_limit_with_a_reason) {
  Desk d;
  auto r =
      d.cli("agent", {"adjust", "100000017", "50.00", "--reason", "dropped calls", "--key", "cli-adj-1"});
  BOOST_TEST_REQUIRE(r.status == 0);
  BOOST_TEST(Desk::has(r, "Adjusted by UAH 50.00"));
  BOOST_TEST(
      d.cli("agent", {"adjust", "100000017", "50.00", "--reason", "dropped calls", "--key", "cli-adj-1"})
          .status == 0);  // retried: once
  BOOST_TEST(d.balance(1) == 5000);
  // A debit: the amount after "--", since a leading minus would read as an option.
  r = d.cli("agent", {"adjust", "--reason", "double charge", "0671234567", "--", "-20.00"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(d.balance(1) == 3000);
  BOOST_TEST(d.text("SELECT string_agg(description, ',' ORDER BY id) FROM ledger WHERE account_id = 1") ==
             "dropped calls,double charge");
  const std::string before = d.money();
  const auto refused = [&](const std::string& as, const std::vector<std::string>& args,
                           const std::string& why) {
    const auto run = d.cli(as, args);
    BOOST_TEST(run.status != 0);
    BOOST_TEST(Desk::has(run, why), run.output);
  };
  refused("agent", {"adjust", "100000017", "100.01", "--reason", "outage"},
          "exceeds your limit of 100.00 UAH");
  refused("agent", {"adjust", "--reason", "outage", "100000017", "--", "-100.01"}, "Ask a supervisor");
  refused("sales", {"adjust", "100000017", "1000.01", "--reason", "outage"},
          "exceeds your limit of 1,000.00 UAH");
  refused("agent", {"adjust", "100000017", "10", "--reason", "   "}, "the reason is required");
  refused("agent", {"adjust", "100000017", "10"}, "Required option not specified: reason");
  refused("agent", {"adjust", "100000017", "0", "--reason", "zero"}, "non-zero");
  refused("agent", {"adjust", "100000017", "1O.00", "--reason", "typo"}, "The amount contains \"O\"");
  refused("agent", {"adjust", "100000041", "10", "--reason", "outage"},
          "This account is closed: its balance cannot be adjusted.");
  refused("supervisor", {"adjust", "--reason", "outage", "100000041", "--", "-10"},
          "This account is closed: its balance cannot be adjusted.");
  refused("agent", {"adjust", "100000017", "10", "--reason", std::string("refund to card ") + kCard},
          "full card number");
  BOOST_TEST(d.money() == before);
  BOOST_TEST(d.cardNumberTraces() == 0);
  // A supervisor may do what the agent may not.
  BOOST_TEST(d.cli("supervisor", {"adjust", "100000017", "100.01", "--reason", "outage"}).status == 0);
  BOOST_TEST(d.balance(1) == 3000 + 10001);
  d.money();
}

BOOST_AUTO_TEST_CASE(transfer_for_a_verified_caller_only) {
  Desk d;
  BOOST_TEST_REQUIRE(d.cli("sales", {"pay", "100000017", "100", "--method", "cash"}).status == 0);
  std::string before = d.money();
  auto r = d.cli("agent", {"transfer", "100000017", "100000025", "30"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "Verify the caller first"));
  r = d.cli("agent", {"transfer", "100000017", "100000025", "30", "--code-word", "ромашка"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "The code word is wrong"));
  BOOST_TEST(d.money() == before);
  for (int i = 0; i < 2; ++i) {  // the same key twice: once
    r = d.cli("agent", {"transfer", "100000017", "100000025", "30", "--code-word", "соняшник", "--reason",
                        "home internet", "--key", "cli-move-1"});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(Desk::has(r, "Transferred UAH 30.00"));
  }
  BOOST_TEST(d.balance(1) == 7000);
  BOOST_TEST(d.balance(2) == 3000);
  before = d.money();
  const auto refused = [&](const std::vector<std::string>& args, const std::string& why) {
    auto all = args;
    all.insert(all.end(), {"--code-word", "соняшник"});
    const auto run = d.cli("agent", all);
    BOOST_TEST(run.status != 0);
    BOOST_TEST(Desk::has(run, why), run.output);
  };
  refused({"transfer", "100000017", "100000033", "10"}, "one customer or one family group");
  refused({"transfer", "100000017", "100000025", "70.01"}, "Not enough money");
  refused({"transfer", "100000017", "100000025", "0"}, "more than zero");
  refused({"transfer", "100000017", "100000041", "10"},
          "Account 100000041 is closed: no money can be moved to it.");
  refused({"transfer", "100000041", "100000017", "10"},
          "Account 100000041 is closed: no money can be moved from it.");
  refused({"transfer", "100000017", "100000025", "10", "--reason", kCard}, "full card number");
  BOOST_TEST(d.money() == before);
  BOOST_TEST(d.cardNumberTraces() == 0);
  BOOST_TEST(d.openInteractions() == 0);  // every call the command opened is closed again
}

BOOST_AUTO_TEST_CASE(tariff_preview_change_schedule_and_cancel) {
  Desk d;
  auto r = d.cli("agent", {"tariff", "0671234567"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(Desk::has(r, "smart  Smart  UAH 150.00"));
  r = d.cli("agent", {"tariff", "0671234567", "smart", "--next-period"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(Desk::has(r, "Start -> Smart from "));
  BOOST_TEST(Desk::has(r, "monthly fee UAH 100.00 -> UAH 150.00 (+UAH 50.00)"));
  BOOST_TEST(Desk::has(r, "Nothing changed: add --yes to confirm."));
  BOOST_TEST(d.number("SELECT count(*) FROM tariff_change") == 0);
  r = d.cli("agent", {"tariff", "0671234567", "smart", "--next-period", "--yes"});
  BOOST_TEST_REQUIRE(r.status == 0);
  const long long change = d.number(
      "SELECT id FROM tariff_change WHERE status = 'scheduled' AND line_id = 1 "
      "AND new_tariff_id = 2 AND effective_on = CAST(date_trunc('month', kyiv_today()) "
      "+ interval '1 month' AS date)");
  BOOST_TEST(Desk::has(r, "Tariff change " + std::to_string(change) + " recorded."));
  r = d.cli("agent", {"tariff", "0671234567", "smart", "--now", "--yes"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "already has a scheduled tariff change"));
  BOOST_TEST(d.cli("agent", {"tariff", "0671234567", "--cancel", std::to_string(change)}).status == 0);
  BOOST_TEST(d.text("SELECT status FROM tariff_change WHERE id = " + std::to_string(change)) == "cancelled");
  r = d.cli("agent", {"tariff", "0671234567", "--cancel", std::to_string(change)});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "not scheduled"));
  BOOST_TEST(d.cli("agent", {"tariff", "0671234567", "smart", "--now", "--yes"}).status == 0);
  BOOST_TEST(d.number("SELECT tariff_id FROM line WHERE id = 1") == 2);
  // Refusals: an unknown code, a day in the past, a line of a closed account.
  r = d.cli("agent", {"tariff", "0671234567", "premium", "--now", "--yes"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "No other active tariff has the code premium."));
  r = d.cli("agent", {"tariff", "0671234567", "start", "--on", "2020-01-01", "--yes"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "The tariff cannot be changed"));
  r = d.cli("agent", {"tariff", "0501112233", "smart", "--now", "--yes"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "This line or its account is closed: the tariff cannot be changed."));
  BOOST_TEST(d.number("SELECT tariff_id FROM line WHERE id = 2") == 1);
  BOOST_TEST(d.number("SELECT count(*) FROM tariff_change") == 2);
}

BOOST_AUTO_TEST_CASE(service_connect_exclusive_and_disconnect) {
  Desk d;
  auto r = d.cli("agent", {"service", "0671234567", "--connect", "roam_eu"});
  BOOST_TEST_REQUIRE(r.status == 0);
  BOOST_TEST(Desk::has(r, "Service roam_eu connected."));
  BOOST_TEST(Desk::has(r, "roam_eu  Roaming EU  UAH 50.00  "));
  // The other roaming service belongs to the same exclusive group: refused, nothing written.
  r = d.cli("agent", {"service", "0671234567", "--connect", "roam_world"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "The service cannot be connected"));
  BOOST_TEST(Desk::has(r, "roaming"));
  BOOST_TEST(d.number("SELECT count(*) FROM line_service WHERE service_id = 2") == 0);
  r = d.cli("agent", {"service", "0671234567", "--connect", "roam_eu"});  // twice
  BOOST_TEST(r.status == 1);
  BOOST_TEST(
      d.cli("agent", {"service", "0671234567", "--connect", "music", "--until", "2999-12-31"}).status == 0);
  BOOST_TEST(d.number("SELECT count(*) FROM line_service WHERE line_id = 1") == 2);
  const long long eu = d.number("SELECT id FROM line_service WHERE service_id = 1");
  r = d.cli("agent", {"service", "0671234567", "--disconnect", std::to_string(eu)});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(Desk::has(r, "Service disconnected."));
  BOOST_TEST(d.number("SELECT count(*) FROM line_service WHERE id = " + std::to_string(eu) +
                      " AND ends_on = kyiv_today()") == 1);
  r = d.cli("agent", {"service", "0671234567", "--connect", "jazz"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "No active service has the code jazz."));
  r = d.cli("agent", {"service", "0501112233", "--connect", "music"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "This line or its account is closed: no service can be connected."));
  BOOST_TEST(d.number("SELECT count(*) FROM line_service WHERE line_id = 2") == 0);
}

BOOST_AUTO_TEST_CASE(profile_edit_verified_and_stale_version_refused) {
  Desk d;
  auto r = d.cli("agent", {"profile", "100000017", "--code-word", "ромашка", "--email", "olena@example.com"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "The code word is wrong: nothing was changed."));
  BOOST_TEST(d.text("SELECT email FROM customer WHERE id = 1") == "olena.koval@gmail.com");
  const long long v0 = d.number("SELECT version FROM customer WHERE id = 1");
  r = d.cli("agent", {"profile", "0671234567", "--code-word", "соняшник", "--email", "olena@example.com",
                      "--phone", "050 111 22 33", "--if-version", std::to_string(v0)});
  BOOST_TEST_REQUIRE(r.status == 0);
  BOOST_TEST(Desk::has(r, "Profile saved (version " + std::to_string(v0 + 1) + ")."));
  BOOST_TEST(d.text("SELECT email || ' ' || contact_phone FROM customer WHERE id = 1") ==
             "olena@example.com +380501112233");
  // A colleague saves; a save over the version read before that is refused, naming them.
  BOOST_TEST(d.cli("sales",
                   {"profile", "100000017", "--code-word", "соняшник", "--address", "Київ, вул. Липська, 5"})
                 .status == 0);
  r = d.cli("agent", {"profile", "100000017", "--code-word", "соняшник", "--email", "old@example.com",
                      "--if-version", std::to_string(v0 + 1)});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Desk::has(r, "changed by Test sales at "));
  BOOST_TEST(Desk::has(r, " — reload"));
  BOOST_TEST(d.text("SELECT email || ' ' || address FROM customer WHERE id = 1") ==
             "olena@example.com Київ, вул. Липська, 5");
  BOOST_TEST(d.number("SELECT version FROM customer WHERE id = 1") == v0 + 2);
  // Bad input: nothing changes.
  for (const auto& [option, value, why] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"--email", "olena@", "e-mail address is not valid"},
           {"--phone", "12", "The phone number is too short"},
           {"--last-name", " ", "last name and the first name are required"},
           {"--address", std::string("вул. Картки, ") + kCard, "full card number"}}) {
    r = d.cli("agent", {"profile", "100000017", "--code-word", "соняшник", option, value});
    BOOST_TEST(r.status == 1);
    BOOST_TEST(Desk::has(r, why), r.output);
  }
  BOOST_TEST(d.number("SELECT version FROM customer WHERE id = 1") == v0 + 2);
  BOOST_TEST(d.cardNumberTraces() == 0);
  BOOST_TEST(d.openInteractions() == 0);
}
