// Personal data edits (issue 7): a verified interaction is required, the input is
// checked, and of two desks editing the same profile the second save is refused with
// "changed by NAME at TIME — reload".
#define BOOST_TEST_MODULE profile_edit
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/profile_edit.h"
#include "core/util/error.h"
#include "test_database.h"

using subdesk::services::ProfileChanges;
using subdesk::services::ProfileEdit;
using subdesk::test::RequireServer;
using subdesk::test::TestDatabase;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {


struct Desks {
  TestDatabase db;
  std::unique_ptr<soci::session> admin = db.admin();
  std::unique_ptr<soci::session> one, two;

  Desks() {
    subdesk::db::executeScript(*admin, R"(
      ALTER DATABASE )" + db.name() + R"( SET subdesk.allow_test_clock = on;
      INSERT INTO office(id, code, name_uk, name_en, city, address) VALUES (1, 'KV1', 'Київ', 'Kyiv', 'Київ', 'вул. Хрещатик, 1');
      INSERT INTO customer(id, last_name, first_name, email, code_word_hash) VALUES
        (1, 'Коваленко', 'Олена', 'olena@ukr.net', crypt('соняшник', gen_salt('bf', 4)));
    )");
    for (const std::string who : {"one", "two"}) db.addStaff(who, "agent", 1, "Агент " + who);
    one = db.connectAs("one");
    two = db.connectAs("two");
    *one << "SET subdesk.test_now = '2024-05-14 14:02:00+03'";
    *two << "SET subdesk.test_now = '2024-05-14 14:05:00+03'";
  }
  std::string login(const std::string& who) const { return db.login(who); }
  void verify(soci::session& s) {
    long long id = 0;
    int ok = 0;
    s << "SELECT interaction_open('call', '+380671234567', 1)", soci::into(id);
    s << "SELECT interaction_verify(" + std::to_string(id) + ", 'code_word', 'Соняшник')::int", soci::into(ok);
    BOOST_TEST_REQUIRE(ok == 1);
  }
  int version() {
    int v = 0;
    *admin << "SELECT version FROM customer WHERE id = 1", soci::into(v);
    return v;
  }
};

ProfileChanges changes() {
  ProfileChanges c;
  c.lastName = "Коваленко";
  c.firstName = "Олена";
  c.patronymic = "Петрівна";
  c.email = "olena.k@gmail.com";
  c.contactPhone = "067 123 45 67";
  c.address = "Київ, вул. Січових Стрільців, 5";
  c.notifyEmail = true;
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(second_desk_is_refused_with_who_and_when) {
  Desks d;
  const int v = d.version();
  ProfileEdit first(*d.one), second(*d.two);
  // Unverified: refused by the database.
  try {
    first.save(1, v, changes());
    BOOST_FAIL("saved without a verified interaction");
  } catch (const std::exception& e) {
    BOOST_TEST(subdesk::sqlState(e) == "SD001");
  }
  d.verify(*d.one);
  d.verify(*d.two);
  BOOST_TEST(first.save(1, v, changes()) == v + 1);
  std::string phone;
  *d.admin << "SELECT contact_phone FROM customer WHERE id = 1", soci::into(phone);
  BOOST_TEST(phone == "+380671234567");

  auto mine = changes();
  mine.address = "Львів, пл. Ринок, 1";
  try {
    second.save(1, v, mine);
    BOOST_FAIL("the stale save went through");
  } catch (const std::exception& e) {
    BOOST_TEST(subdesk::sqlState(e) == "SD003");
    const std::string text = subdesk::describeError(e);
    BOOST_TEST(text.find("changed by Агент one at 14.05.2024 14:02") != std::string::npos, text);
    BOOST_TEST(text.find("reload") != std::string::npos, text);
  }
  std::string address;
  *d.admin << "SELECT address FROM customer WHERE id = 1", soci::into(address);
  BOOST_TEST(address == "Київ, вул. Січових Стрільців, 5");
  // After reloading, the second desk saves.
  BOOST_TEST(second.save(1, v + 1, mine) == v + 2);
  second.setCodeWord(1, "волошка");
  BOOST_TEST(d.version() == v + 3);
}

BOOST_AUTO_TEST_CASE(input_is_checked_before_it_is_sent) {
  auto c = changes();
  BOOST_TEST(ProfileEdit::problem(c).empty());
  c.email = "olena@";
  BOOST_TEST(!ProfileEdit::problem(c).empty());
  c = changes();
  c.contactPhone = "12345";
  BOOST_TEST(!ProfileEdit::problem(c).empty());
  c = changes();
  c.firstName = " ";
  BOOST_TEST(!ProfileEdit::problem(c).empty());
  c = changes();
  c.address = "Київ, картка 4111 1111 1111 1111";
  BOOST_TEST(!ProfileEdit::problem(c).empty());
  c = changes();
  c.email.clear();
  BOOST_TEST(!ProfileEdit::problem(c).empty());  // e-mail notifications without an address
}

// A landline on file as the contact phone (as older records have) does not block editing
// the rest; a new contact phone must still be a mobile number, landlines included.
BOOST_AUTO_TEST_CASE(a_landline_on_file_may_stay_but_not_be_typed_anew) {
  Desks d;
  *d.admin << "UPDATE customer SET contact_phone = '+380442345678' WHERE id = 1";
  const int v = d.version();
  d.verify(*d.one);
  ProfileEdit edit(*d.one);
  auto c = changes();
  c.contactPhone = "+380442345678";  // as the desk shows a number it cannot format as mobile
  c.email = "olena.new@gmail.com";
  BOOST_TEST(ProfileEdit::problem(c, "+380442345678").empty());
  BOOST_TEST(edit.save(1, v, c) == v + 1);
  std::string phone, email;
  *d.admin << "SELECT contact_phone, email FROM customer WHERE id = 1", soci::into(phone), soci::into(email);
  BOOST_TEST(phone == "+380442345678");
  BOOST_TEST(email == "olena.new@gmail.com");
  // Another landline typed in is refused, with the reason, and nothing changes.
  c.contactPhone = "044 234 56 79";
  BOOST_TEST(ProfileEdit::problem(c, "+380442345678") == "This is a landline number; a mobile number is needed.");
  try {
    edit.save(1, v + 1, c);
    BOOST_ERROR("a new landline was saved as the contact phone");
  } catch (const subdesk::UserError& e) {
    BOOST_TEST(std::string(e.what()) == "This is a landline number; a mobile number is needed.");
  }
  *d.admin << "SELECT contact_phone FROM customer WHERE id = 1", soci::into(phone);
  BOOST_TEST(phone == "+380442345678");
}
