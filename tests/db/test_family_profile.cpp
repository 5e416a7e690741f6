// The family profile (issue 7, migration 0027): create with a verified owner, add accounts
// of the owner and (verified too) of other customers, remove by the owner or the member,
// the owner's card with every member's balance and lines, the refusals and audit rows,
// and money moving within the family through balance_transfer().
#define BOOST_TEST_MODULE family_profile
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/family_profile.h"
#include "core/services/interactions.h"
#include "core/util/error.h"
#include "outcome.h"
#include "test_database.h"

using subdesk::services::FamilyProfile;
using subdesk::services::Interactions;
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
        (1, 'start', 'mobile', 'Старт', 'Start', 10000);
      INSERT INTO customer(id, last_name, first_name, patronymic, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', 'Петрівна', crypt('соняшник', gen_salt('bf', 4))),
        (2, 'Коваленко', 'Андрій', NULL, crypt('калина', gen_salt('bf', 4))),
        (3, 'Шевчук', 'Ігор', NULL, crypt('верба', gen_salt('bf', 4)));
      INSERT INTO account(id, number, customer_id, kind, status, closed_at, disconnect_threshold) VALUES
        (1, '100000017', 1, 'mobile', 'active', NULL, 0), (2, '100000025', 1, 'home', 'active', NULL, 0),
        (3, '100000033', 2, 'mobile', 'active', NULL, -10000), (4, '100000041', 2, 'mobile', 'closed', now(), 0),
        (5, '100000058', 3, 'mobile', 'active', NULL, 0);
      INSERT INTO line(id, msisdn, account_id, tariff_id, status, closed_at) VALUES
        (1, '+380671234567', 1, 1, 'active', NULL), (2, '+380671234568', 1, 1, 'closed', now()),
        (3, '+380671234569', 3, 1, 'active', NULL);
    )");
    db.addLogin("agent", "subdesk_agent");
    agent = db.connectAs("agent");
    *agent << "SET subdesk.test_now = '2024-05-14 14:02:00+03'";
  }
  // An interaction with the customer, the caller verified by the code word.
  std::int64_t verified(std::int64_t customer, const std::string& word) {
    Interactions in(*agent);
    const auto id = in.open(subdesk::services::Channel::Visit, "", customer);
    BOOST_TEST_REQUIRE(in.verify(id, subdesk::services::VerifyMethod::CodeWord, word));
    return id;
  }
  long long number(const std::string& q) {
    long long n = 0;
    *admin << q, soci::into(n);
    return n;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(create_add_show_and_refusals) {
  Desk d;
  FamilyProfile family(*d.agent);
  BOOST_TEST(outcome([&] { family.create(1, "Родина Коваленків"); }) == "SD001");
  const auto owner = d.verified(1, "соняшник");
  BOOST_TEST(outcome([&] { family.create(1, "  "); }) == "SD005");
  const auto g = family.create(1, "Родина Коваленків");
  BOOST_TEST(outcome([&] { family.create(1, "Ще одна"); }) == "SD049");  // one group per owner
  BOOST_TEST(sentence([&] { family.create(1, "Ще одна"); }) == "This subscriber already owns a family group.");
  family.add(g, 1);
  family.add(g, 2);
  // Another customer's account needs that customer verified too.
  BOOST_TEST(outcome([&] { family.add(g, 3); }) == "SD001");
  d.verified(2, "калина");
  family.add(g, 3);
  BOOST_TEST(outcome([&] { family.add(g, 3); }) == "SD049");  // already a member
  BOOST_TEST(outcome([&] { family.add(g, 4); }) == "SD042");  // a closed account
  BOOST_TEST(outcome([&] { family.add(999, 3); }) == "SD049");
  BOOST_TEST(sentence([&] { family.add(g, 3); }) == "This account is already in the family group.");
  BOOST_TEST(sentence([&] { family.add(g, 4); }) == "This account is closed.");
  BOOST_TEST(sentence([&] { family.add(999, 3); }) == "The family group no longer exists.");
  // An account of another group: remove it there first.
  const auto other = family.create(2, "Андрієва");
  BOOST_TEST(outcome([&] { family.add(other, 1); }) == "SD049");
  BOOST_TEST(sentence([&] { family.add(other, 1); }) ==
             "This account is in another family group: it has to leave that group first.");

  const auto view = family.members(g);
  BOOST_TEST(view.name == "Родина Коваленків");
  BOOST_TEST(view.ownerCustomerId == 1);
  BOOST_TEST(view.ownerName == "Коваленко Олена Петрівна");
  BOOST_TEST_REQUIRE(view.members.size() == 3u);
  BOOST_TEST(view.members[0].accountNumber == "100000017");
  BOOST_TEST(view.members[0].owner);
  BOOST_TEST_REQUIRE(view.members[0].lines.size() == 1u);  // the closed line is not shown
  BOOST_TEST(view.members[0].lines[0].msisdn == "+380671234567");
  BOOST_TEST(view.members[1].kind == "home");
  BOOST_TEST(view.members[1].lines.empty());
  BOOST_TEST(view.members[2].accountNumber == "100000033");
  BOOST_TEST(!view.members[2].owner);
  BOOST_TEST(view.members[2].customerName == "Коваленко Андрій");
  BOOST_TEST(view.members[2].disconnectThreshold == -10000);
  BOOST_TEST(view.members[2].lines[0].msisdn == "+380671234569");
  BOOST_TEST(family.groupOfCustomer(1).value() == g);
  BOOST_TEST(family.groupOfCustomer(2).value() == g);  // owns an empty one; their account is in g
  BOOST_TEST(!family.groupOfCustomer(3).has_value());
  // Home-contract signing (0021) may have made another group naming the owner: the card
  // still shows the one that holds their accounts.
  *d.admin << "INSERT INTO family_group(name, owner_customer_id) VALUES ('Інша', 1)";
  BOOST_TEST(family.groupOfCustomer(1).value() == g);
  BOOST_TEST(outcome([&] { family.create(1, "Третя"); }) == "SD049");
  BOOST_TEST(outcome([&] { family.members(999); }) == "usage");

  // Audit: the group in the owner's name, each membership as an account change, filed
  // under the owner's interaction.
  const std::string mine = "who = '" + d.login + "' AND ";
  BOOST_TEST(d.number("SELECT count(*) FROM audit_log WHERE " + mine +
                      "table_name = 'family_group' AND action = 'INSERT' AND customer_id = 1 "
                      "AND interaction_id = " +
                      std::to_string(owner)) == 1);
  BOOST_TEST(d.number("SELECT count(*) FROM audit_log WHERE " + mine +
                      "table_name = 'account' AND action = 'UPDATE' AND changes ? 'family_group_id' "
                      "AND interaction_id = " +
                      std::to_string(owner)) == 3);
  BOOST_TEST(d.number("SELECT count(*) FROM account WHERE family_group_id = " + std::to_string(g)) == 3);
}

BOOST_AUTO_TEST_CASE(remove_by_owner_or_member_and_money_within_the_family) {
  Desk d;
  FamilyProfile family(*d.agent);
  Interactions in(*d.agent);
  const auto owner = d.verified(1, "соняшник");
  d.verified(2, "калина");
  const auto g = family.create(1, "Родина");
  family.add(g, 1);
  family.add(g, 3);
  // Within the family money moves between customers (the source's customer verified).
  const auto transfer = [&] {
    *d.agent << "SELECT balance_transfer(3, 1, 500, 'for the phone', gen_random_uuid()::text)";
  };
  BOOST_TEST(outcome(transfer) == "ok");
  BOOST_TEST(d.number("SELECT balance FROM account WHERE id = 1") == 500);
  BOOST_TEST(outcome([&] { family.add(g, 5); }) == "SD001");  // customer 3 not verified

  family.remove(g, 3);                                           // by the verified owner
  BOOST_TEST(outcome([&] { family.remove(g, 3); }) == "SD049");  // not a member any more
  BOOST_TEST(sentence([&] { family.remove(g, 3); }) == "This account is not in the family group.");
  BOOST_TEST(outcome(transfer) == "SD045");                      // no longer one family
  family.add(g, 3);
  // Without the owner, a member may still leave on their own; the owner's accounts stay.
  in.close(owner, "family group made");
  BOOST_TEST(outcome([&] { family.remove(g, 1); }) == "SD001");
  BOOST_TEST(outcome([&] { family.add(g, 2); }) == "SD001");
  family.remove(g, 3);
  BOOST_TEST(d.number("SELECT count(*) FROM account WHERE family_group_id IS NOT NULL") == 1);
  BOOST_TEST(d.number("SELECT count(*) FROM audit_log WHERE table_name = 'account' AND account_id = 3 "
                      "AND changes -> 'family_group_id' ->> 'new' IS NULL AND changes ? 'family_group_id'") ==
             2);
}
