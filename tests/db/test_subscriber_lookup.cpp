// SubscriberLookup against a real database: every key kind finds the right subscriber,
// fuzzy names whatever the order, case, apostrophe or a one-letter slip, and document search
// only for office staff (agents are refused by the database, SQLSTATE 42501), audited.
#define BOOST_TEST_MODULE subscriber_lookup
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <sstream>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "core/db/connection.h"
#include "core/domain/account_number.h"
#include "core/domain/iccid.h"
#include "core/services/card_json.h"
#include "core/services/subscriber_lookup.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::services::LookupResult;
using subdesk::services::queryKindName;
using subdesk::services::SubscriberLookup;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {

std::string account(long serial) { return subdesk::AccountNumber::fromSerial(serial).digits(); }
std::string iccid() {
  const std::string payload = "8938003123456789012";
  return payload + std::to_string(subdesk::Iccid::luhnCheckDigit(payload));
}

struct Desk {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;

  Desk() {
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO office(id, code, name_uk, name_en, city, address)
        VALUES (1, 'KV1', 'Київ, Хрещатик', 'Kyiv, Khreshchatyk', 'Київ', 'вул. Хрещатик, 1');
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee, minutes, sms, data_mb)
        VALUES (1, 'smart', 'mobile', 'Смарт', 'Smart', 15000, 1000, 100, 20480);
      INSERT INTO tariff_plan(id, code, kind, name_uk, name_en, monthly_fee, speed_mbps)
        VALUES (2, 'home100', 'home', 'Дім 100', 'Home 100', 20000, 100);
      INSERT INTO customer(id, last_name, first_name, patronymic, doc_kind, doc_number) VALUES
        (1, 'Коваленко', 'Олена', 'Петрівна', 'passport', 'КВ123456'),
        (2, 'Мар’яненко', 'Мар’яна', NULL, 'id_card', '123456780'),
        (3, 'Коваленко', 'Тарас', NULL, NULL, NULL),
        (4, 'Шевченко', 'Олег', 'Іванович', NULL, NULL);
    )");
    *admin << "INSERT INTO account(id, number, customer_id, kind) VALUES (1, '" + account(10000001) +
                  "', 1, 'mobile'), (2, '" + account(10000002) + "', 1, 'home'), (3, '" + account(10000003) +
                  "', 2, 'mobile'), (4, '" + account(10000004) + "', 3, 'mobile'), (5, '" + account(10000005) +
                  "', 4, 'mobile')";
    subdesk::db::executeScript(*admin, R"(
      INSERT INTO line(id, msisdn, account_id, tariff_id) VALUES
        (1, '+380671234567', 1, 1), (2, '+380501112233', 3, 1), (3, '+380931234567', 4, 1),
        (4, '+380661234567', 5, 1);
      INSERT INTO contract(id, number, customer_id, account_id, office_id) VALUES (1, 'HI-2024-000123', 1, 2, 1);
      INSERT INTO home_internet(account_id, contract_id, login, address, tariff_id)
        VALUES (2, 1, 'olena.koval', 'Київ, вул. Січових Стрільців, 5, кв. 12', 2);
    )");
    *admin << "INSERT INTO sim(iccid, imsi, puk, status, office_id, line_id) VALUES ('" + iccid() +
                  "', '255010000000001', '12345678', 'active', 1, 1)";
    for (const std::string group : {"agent", "sales"}) db.addStaff(group, group, 1, "Test " + group);
  }
  std::string login(const std::string& group) const { return db.login(group); }
  soci::session& as(const std::string& group) {
    auto& s = sessions[group];
    if (!s) s = db.connectAs(group);
    return *s;
  }
  LookupResult lookup(const std::string& group, const std::string& query) {
    return SubscriberLookup(as(group)).lookup(query);
  }
  long long count(const std::string& query) {
    long long n = 0;
    *admin << query, soci::into(n);
    return n;
  }
};

void expectExact(const LookupResult& r, const std::string& kind, long long customer, long long account,
                 long long line) {
  BOOST_TEST(queryKindName(r.kind) == kind);
  BOOST_TEST(r.exact);
  BOOST_TEST(!r.refused);
  BOOST_TEST_REQUIRE(r.hits.size() == 1u);
  BOOST_TEST(r.hits[0].customerId == customer);
  BOOST_TEST(r.hits[0].accountId == account);
  BOOST_TEST(r.hits[0].lineId == line);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(lookup, Desk)

BOOST_AUTO_TEST_CASE(every_key_kind_finds_its_subscriber) {
  for (const char* q : {"067 123 45 67", "+380671234567", "380 67 123 45 67", "(067) 123-45-67"}) {
    BOOST_TEST_INFO(q);
    expectExact(lookup("agent", q), "msisdn", 1, 1, 1);
  }
  const auto byAccount = lookup("agent", account(10000003));
  expectExact(byAccount, "account", 2, 3, 2);
  BOOST_TEST(byAccount.hits[0].msisdn == "+380501112233");
  BOOST_TEST(byAccount.hits[0].customerName == "Мар’яненко Мар’яна");
  expectExact(lookup("agent", iccid()), "iccid", 1, 1, 1);
  const auto byContract = lookup("agent", "hi-2024-000123");
  expectExact(byContract, "contract", 1, 2, 0);
  BOOST_TEST(byContract.hits[0].login == "olena.koval");
  BOOST_TEST(byContract.hits[0].accountKind == "home");
  expectExact(lookup("agent", "olena.koval"), "login", 1, 2, 0);

  const auto nobody = lookup("agent", "099 999 99 99");
  BOOST_TEST(queryKindName(nobody.kind) == "msisdn");
  BOOST_TEST(nobody.hits.empty());
  BOOST_TEST(!nobody.exact);
  BOOST_TEST(lookup("agent", "   ").hits.empty());
}

BOOST_AUTO_TEST_CASE(fuzzy_names_in_any_order_case_apostrophe_and_with_a_slip) {
  for (const char* q : {"коваленко олена", "Олена Коваленко", "Коваленко Олєна", "КОВАЛЕНКО ОЛЕНА ПЕТРІВНА",
                        "олєна коваленко"}) {
    BOOST_TEST_INFO(q);
    const auto r = lookup("agent", q);
    BOOST_TEST(queryKindName(r.kind) == "name");
    BOOST_TEST(!r.exact);  // a name never opens a card by itself
    BOOST_TEST_REQUIRE(!r.hits.empty());
    BOOST_TEST(r.hits[0].customerId == 1);
    BOOST_TEST(r.hits[0].customerName == "Коваленко Олена Петрівна");
    // Taras Kovalenko shares the surname only: ranked below, if at all.
    for (std::size_t i = 1; i < r.hits.size(); ++i) BOOST_TEST(r.hits[i].score <= r.hits[0].score);
  }
  for (const char* q : {"Марʼяна Мар'яненко", "мар’яненко", "Мар`яненко Мар’яна", "МАРЯНЕНКО"}) {
    BOOST_TEST_INFO(q);
    const auto r = lookup("agent", q);
    BOOST_TEST_REQUIRE(!r.hits.empty());
    BOOST_TEST(r.hits[0].customerId == 2);
  }
  // The surname alone finds both Kovalenkos, and the prefix of a surname works.
  const auto both = lookup("agent", "Коваленко");
  BOOST_TEST(both.hits.size() >= 3u);  // Olena's two accounts and Taras's
  const auto prefix = lookup("agent", "Шевч");
  BOOST_TEST_REQUIRE(!prefix.hits.empty());
  BOOST_TEST(prefix.hits[0].customerId == 4);
  // A latin word that is nobody's login is searched as a name (and finds nothing here).
  const auto latin = lookup("agent", "smith");
  BOOST_TEST(queryKindName(latin.kind) == "name");
  BOOST_TEST(latin.hits.empty());
  // Repeated more than five times (when a cached plan could turn generic), still found.
  SubscriberLookup same(as("agent"));
  for (int i = 0; i < 8; ++i) BOOST_TEST(same.lookup("Олена Коваленко").hits.at(0).customerId == 1);
  std::string mode;
  as("agent") << "SHOW plan_cache_mode", soci::into(mode);
  BOOST_TEST(mode == "auto");  // SET LOCAL: the session's own setting is untouched
}

BOOST_AUTO_TEST_CASE(sql_looking_text_is_only_a_value) {
  for (const char* q : {"'; DROP TABLE customer; --", "Коваленко' OR '1'='1", "%", "_", "\\"}) {
    BOOST_TEST_INFO(q);
    BOOST_CHECK_NO_THROW(lookup("agent", q));
  }
  BOOST_TEST(count("SELECT count(*) FROM customer") == 4);
  const auto r = lookup("agent", "Коваленко' OR '1'='1");
  for (const auto& h : r.hits) BOOST_TEST(h.customerName.starts_with("Коваленко"));
}

BOOST_AUTO_TEST_CASE(document_search_for_office_staff_only_and_audited) {
  SubscriberLookup sales(as("sales")), agent(as("agent"));
  BOOST_TEST(sales.canSearchDocuments());
  BOOST_TEST(!agent.canSearchDocuments());

  const auto found = sales.lookup("кв 123456");
  BOOST_TEST(queryKindName(found.kind) == "document");
  BOOST_TEST(found.exact);
  BOOST_TEST_REQUIRE(found.hits.size() == 2u);  // Olena's mobile and home accounts
  BOOST_TEST(found.hits[0].customerId == 1);
  BOOST_TEST(found.hits[1].customerId == 1);
  BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'document_search' AND customer_id = 1 AND who = '" +
                   login("sales") + "'") == 1);
  expectExact(sales.lookup("123 456 780"), "document", 2, 3, 2);
  // Nothing found is audited too, without a subject.
  BOOST_TEST(sales.lookup("ЯЯ000000").hits.empty());
  BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'document_search' AND customer_id IS NULL") == 1);

  // An agent: the service says refused, the database refuses with 42501, nothing is logged.
  const long long before = count("SELECT count(*) FROM audit_log WHERE action = 'document_search'");
  const auto refused = agent.lookup("КВ123456");
  BOOST_TEST(refused.refused);
  BOOST_TEST(refused.hits.empty());
  std::string state;
  try {
    long long id = 0;
    as("agent") << "SELECT customer_ids_by_document('КВ123456')", soci::into(id);
  } catch (const soci::soci_error& e) {
    state = subdesk::sqlState(e);
  }
  BOOST_TEST(state == "42501");
  BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'document_search'") == before);
  // Nor can an agent read the column behind it.
  try {
    std::string doc;
    as("agent") << "SELECT doc_number FROM customer WHERE id = 1", soci::into(doc);
    state.clear();
  } catch (const soci::soci_error& e) {
    state = subdesk::sqlState(e);
  }
  BOOST_TEST(state == "42501");
}

BOOST_AUTO_TEST_CASE(find_json_is_the_documented_shape) {
  const auto r = lookup("agent", "0671234567");
  std::ostringstream out;
  subdesk::services::lookupToJson("0671234567", r)->stringify(out);
  Poco::JSON::Parser parser;
  const auto root = parser.parse(out.str()).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(root->getValue<std::string>("query") == "0671234567");
  BOOST_TEST(root->getValue<std::string>("kind") == "msisdn");
  BOOST_TEST(root->getValue<bool>("exact"));
  BOOST_TEST(!root->getValue<bool>("refused"));
  const auto results = root->getArray("results");
  BOOST_TEST_REQUIRE(results->size() == 1u);
  const auto hit = results->getObject(0);
  BOOST_TEST(hit->getValue<long long>("customer_id") == 1);
  BOOST_TEST(hit->getValue<long long>("account_id") == 1);
  BOOST_TEST(hit->getValue<long long>("line_id") == 1);
  BOOST_TEST(hit->getValue<std::string>("name") == "Коваленко Олена Петрівна");
  BOOST_TEST(hit->getValue<std::string>("account") == account(10000001));
  BOOST_TEST(hit->getValue<std::string>("kind") == "mobile");
  BOOST_TEST(hit->getValue<std::string>("msisdn") == "+380671234567");
  BOOST_TEST(hit->getValue<std::string>("status") == "active");
  BOOST_TEST(hit->isNull("login"));
}

BOOST_AUTO_TEST_SUITE_END()
