// Staff logins are real PostgreSQL roles, managed only by admins through the database.
#define BOOST_TEST_MODULE staff_administration
#include <boost/test/unit_test.hpp>

#include "core/db/connection.h"
#include "core/services/staff_administration.h"
#include "core/util/error.h"
#include "test_database.h"

using namespace subdesk::services;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {
struct Staffed {
  TestDatabase db;
  std::string prefix = db.name() + "_";
  std::vector<std::string> created;
  Staffed() {
    auto sql = db.admin();
    *sql << "INSERT INTO office(code, name_uk, name_en, city, address) VALUES "
            "('KV1', 'Київ', 'Kyiv', 'Київ', 'вул. Хрещатик, 1'), ('LV1', 'Львів', 'Lviv', 'Львів', 'пл. Ринок, 1')";
    add(*sql, "admin", StaffGroup::Admin, "Admin-password-1");
  }
  ~Staffed() {
    auto sql = db.admin();
    for (const auto& login : created) *sql << "DROP ROLE IF EXISTS \"" + login + "\"";
  }
  std::string add(soci::session& sql, const std::string& who, StaffGroup g, const std::string& pw) {
    NewStaff s{prefix + who, "Тест " + who, g, "KV1", "", pw};
    created.push_back(s.login);
    StaffAdministration(sql).add(s);
    return s.login;
  }
  std::unique_ptr<soci::session> as(const std::string& who, const std::string& pw) {
    return subdesk::db::connect(db.conninfoAs(prefix + who, pw));
  }
};

std::string stateOf(const std::function<void()>& f) {
  try {
    f();
    return "";
  } catch (const std::exception& e) {
    return subdesk::sqlState(e).empty() ? std::string("other: ") + e.what() : subdesk::sqlState(e);
  }
}
}  // namespace

BOOST_FIXTURE_TEST_SUITE(staff, Staffed)

BOOST_AUTO_TEST_CASE(admin_creates_an_agent_who_can_sign_in_with_exactly_one_group) {
  auto admin = as("admin", "Admin-password-1");
  add(*admin, "agent", StaffGroup::Agent, "Agent-password-1");
  auto agent = as("agent", "Agent-password-1");
  auto me = StaffAdministration(*agent).whoAmI();
  BOOST_TEST_REQUIRE(me.has_value());
  BOOST_TEST(me->officeCode == "KV1");
  BOOST_TEST(groupRoleName(me->group) == "subdesk_agent");
  int groups = 0;
  *admin << "SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :l",
      soci::use(prefix + "agent"), soci::into(groups);
  BOOST_TEST(groups == 1);
}

BOOST_AUTO_TEST_CASE(only_admins_manage_staff) {
  auto admin = as("admin", "Admin-password-1");
  add(*admin, "agent", StaffGroup::Agent, "Agent-password-1");
  add(*admin, "super", StaffGroup::Supervisor, "Super-password-1");
  auto agent = as("agent", "Agent-password-1");
  created.push_back(prefix + "intruder");
  BOOST_TEST(stateOf([&] { add(*agent, "intruder", StaffGroup::Admin, "Intruder-pass-1"); }) == "42501");
  BOOST_TEST(stateOf([&] { StaffAdministration(*agent).lock(prefix + "super"); }) == "42501");
  // A supervisor may unlock, not lock.
  auto super = as("super", "Super-password-1");
  BOOST_TEST(stateOf([&] { StaffAdministration(*super).lock(prefix + "agent"); }) == "42501");
  StaffAdministration(*admin).lock(prefix + "agent");
  StaffAdministration(*super).unlock(prefix + "agent");
  BOOST_CHECK_NO_THROW(as("agent", "Agent-password-1"));
  // Nobody locks a role that is not staff, e.g. the superuser.
  BOOST_TEST(stateOf([&] { StaffAdministration(*admin).lock("postgres"); }) == "P0002");
}

BOOST_AUTO_TEST_CASE(locked_and_wrong_password_are_told_apart) {
  auto admin = as("admin", "Admin-password-1");
  add(*admin, "agent", StaffGroup::Agent, "Agent-password-1");
  StaffAdministration(*admin).lock(prefix + "agent");
  try {
    as("agent", "Agent-password-1");
    BOOST_FAIL("a locked login signed in");
  } catch (const subdesk::UserError& e) {
    BOOST_TEST(e.code() == "login_locked");
  }
  try {
    as("admin", "wrong-password-123");
    BOOST_FAIL("a wrong password signed in");
  } catch (const subdesk::UserError& e) {
    BOOST_TEST(e.code() == "28P01");
  }
}

BOOST_AUTO_TEST_CASE(password_policy_applies_before_the_role_exists) {
  auto admin = as("admin", "Admin-password-1");
  created.push_back(prefix + "weak");
  BOOST_CHECK_THROW(add(*admin, "weak", StaffGroup::Agent, "123456789012"), subdesk::UserError);
  int roles = 1;
  *admin << "SELECT count(*) FROM pg_roles WHERE rolname = :l", soci::use(prefix + "weak"), soci::into(roles);
  BOOST_TEST(roles == 0);
}

BOOST_AUTO_TEST_CASE(passwords_change_and_staff_move_with_audit) {
  auto admin = as("admin", "Admin-password-1");
  add(*admin, "agent", StaffGroup::Agent, "Agent-password-1");
  StaffAdministration(*admin).setPassword(prefix + "agent", "Agent-password-2");
  BOOST_CHECK_THROW(as("agent", "Agent-password-1"), subdesk::UserError);
  auto agent = as("agent", "Agent-password-2");
  // Everyone may change their own password, nobody else's.
  StaffAdministration(*agent).setPassword(prefix + "agent", "Agent-password-3");
  BOOST_TEST(stateOf([&] { StaffAdministration(*agent).setPassword(prefix + "admin", "Taken-over-pass-1"); }) ==
             "42501");
  StaffAdministration(*admin).move(prefix + "agent", "LV1");
  BOOST_TEST(StaffAdministration(*agent).whoAmI()->officeCode == "LV1");
  int audited = 0;
  *admin << "SELECT count(*) FROM audit_log WHERE table_name = 'staff' AND row_id = :l AND who = :a",
      soci::use(prefix + "agent"), soci::use(prefix + "admin"), soci::into(audited);
  BOOST_TEST(audited == 3);  // added, password set, moved (the agent's own change is audited as theirs)
}

BOOST_AUTO_TEST_SUITE_END()
