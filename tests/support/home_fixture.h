#pragma once
// What the home-internet tests share: a database with an office, a home tariff with turbo
// prices, two customers with a mobile line each, and staff logins (sales and agent of
// office 1) whose sessions run on the test clock.
#include <map>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "core/db/connection.h"
#include "core/services/home_contract_signing.h"
#include "test_database.h"

namespace subdesk::test {

struct HomeFixture {
  static constexpr const char* kPassword = TestDatabase::kLoginPassword;
  static constexpr const char* kNow = "2024-05-14 14:02:00+03";
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;
  const std::map<std::string, std::string> staff{{"sales1", "sales"}, {"agent1", "agent"}};

  HomeFixture() {
    db::executeScript(*admin, R"(
      ALTER DATABASE )" + db.name() + R"( SET subdesk.allow_test_clock = on;
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES
        (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee, speed_mbps,
                              turbo_price_1h, turbo_price_3h, turbo_price_24h) VALUES
        (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000, NULL, NULL, NULL, NULL),
        (2, 'home100', 'home', 'Дім 100', 'Home 100', 20000, 100, 500, 1200, 3000);
      INSERT INTO customer(id, last_name, first_name, patronymic, birth_date, doc_kind, doc_number,
                           contact_phone, email, language, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', 'Петрівна', '1980-02-03', 'passport', 'КВ123456', '+380671234567',
         'olena@example.net', 'uk', crypt('соняшник', gen_salt('bf', 4))),
        (2, 'Smith', 'John', NULL, '1975-06-07', 'foreign_passport', 'AB1234567', NULL, NULL, 'en', NULL);
      INSERT INTO account(id, number, customer_id, kind) VALUES
        (1, '100000017', 1, 'mobile'), (2, '100000025', 2, 'mobile');
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES
        (1, '+380671234567', 1, 1), (2, '+380501112233', 2, 1);
      SELECT setval('customer_id_seq', 10), setval('account_id_seq', 10), setval('line_id_seq', 10);
    )");
    for (const auto& [who, group] : staff) db.addStaff(who, group, 1, "Test " + who);
    *admin << "SET subdesk.test_now = '" + std::string(kNow) + "'";
  }
  std::string login(const std::string& who) const { return db.login(who); }
  soci::session& as(const std::string& who) {
    auto& s = sessions[who];
    if (!s) {
      s = db.connectAs(who);
      *s << "SET subdesk.test_now = '" + std::string(kNow) + "'";
    }
    return *s;
  }
  // Moves the test clock of every open session (the admin's too).
  void clock(const std::string& t) {
    *admin << "SET subdesk.test_now = '" + t + "'";
    for (auto& [who, s] : sessions) *s << "SET subdesk.test_now = '" + t + "'";
  }
  // A call from customer 1 verified by their code word (agents cannot check documents).
  long long visit(soci::session& s) {
    long long id = 0;
    s << "SELECT interaction_open('call', '+380671234567', 1)", soci::into(id);
    int ok = 0;
    s << "SELECT interaction_verify(" + std::to_string(id) + ", 'code_word', 'соняшник')::int", soci::into(ok);
    BOOST_TEST_REQUIRE(ok == 1);
    return id;
  }
  // A contract of customer 1 signed by sales1, with the login given (or the account number).
  services::SignedContract signForOlena(const std::string& login = {}) {
    services::ContractRequest q;
    q.customerId = 1;
    q.address = "м. Київ, вул. Лесі Українки, 7, кв. 12";
    q.tariffCode = "home100";
    q.login = login;
    return services::HomeContractSigning(as("sales1")).sign(q);
  }
  std::string text(const std::string& query) {
    std::string v;
    soci::indicator ind = soci::i_null;
    *admin << query, soci::into(v, ind);
    return ind == soci::i_ok ? v : "";
  }
  long long number(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
};

}  // namespace subdesk::test
