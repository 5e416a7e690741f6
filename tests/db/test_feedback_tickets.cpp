// Feedback tickets (issue 7, migration 0027): a complaint recorded within an interaction,
// answered by e-mail through the outbox, the customer's open tickets, refusals and audit.
#define BOOST_TEST_MODULE feedback_tickets
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"
#include "core/services/feedback_tickets.h"
#include "core/services/interactions.h"
#include "core/util/error.h"
#include "outcome.h"
#include "test_database.h"

using subdesk::services::FeedbackTickets;
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
      INSERT INTO customer(id, last_name, first_name, email, language) VALUES
        (1, 'Коваленко', 'Олена', 'olena.koval@gmail.com', 'uk'),
        (2, 'Шевчук', 'Ігор', NULL, 'uk'),
        (3, 'Smith', 'John', 'john.smith@example.com', 'en');
    )");
    db.addLogin("agent", "subdesk_agent");
    agent = db.connectAs("agent");
    *agent << "SET subdesk.test_now = '2024-05-14 14:02:00+03'";
  }
  std::int64_t visit(std::int64_t customer) {
    return Interactions(*agent).open(subdesk::services::Channel::Visit, "", customer);
  }
  long long number(const std::string& q) {
    long long n = 0;
    *admin << q, soci::into(n);
    return n;
  }
  std::string text(const std::string& q) {
    std::string s;
    *admin << q, soci::into(s);
    return s;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(record_answer_by_email_and_list) {
  Desk d;
  FeedbackTickets tickets(*d.agent);
  const auto i = d.visit(1);
  const auto t1 = tickets.open(i, "Швидкість інтернету", "Увечері швидкість падає до 5 Мбіт/с.");
  const auto t2 = tickets.open(i, "Рахунок", "Прошу пояснити плату за травень.");
  auto open = tickets.openOf(1);
  BOOST_TEST_REQUIRE(open.size() == 2u);
  BOOST_TEST(open[0].id == t1);
  BOOST_TEST(open[0].interactionId == i);
  BOOST_TEST(open[0].status == "open");
  BOOST_TEST(open[0].createdAt == "2024-05-14 14:02");
  BOOST_TEST(open[0].createdBy == d.login);
  BOOST_TEST(open[1].subject == "Рахунок");

  const auto mail = tickets.answer(t1, "Перевірили обладнання: швидкість відновлено.");
  BOOST_TEST(outcome([&] { tickets.answer(t1, "Ще раз"); }) == "SD054");  // already answered
  BOOST_TEST(sentence([&] { tickets.answer(t1, "Ще раз"); }) == "This ticket has already been answered.");
  // The e-mail waits in the outbox, addressed to the registered e-mail, linked to the
  // customer and the interaction of the ticket.
  const auto col = [&](const std::string& c) {
    return d.text("SELECT CAST(" + c + " AS text) FROM outbox WHERE id = " + std::to_string(mail));
  };
  BOOST_TEST(col("channel") == "email");
  BOOST_TEST(col("recipient") == "olena.koval@gmail.com");
  BOOST_TEST(col("status") == "queued");
  BOOST_TEST(col("customer_id") == "1");
  BOOST_TEST(col("interaction_id") == std::to_string(i));
  BOOST_TEST(col("subject") == "Відповідь на звернення № " + std::to_string(t1) + ": Швидкість інтернету");
  BOOST_TEST(col("body") == "Перевірили обладнання: швидкість відновлено.");
  BOOST_TEST(d.number("SELECT count(*) FROM outbox") == 1);

  const auto answered = tickets.byId(t1);
  BOOST_TEST(answered.status == "answered");
  BOOST_TEST(answered.answer == "Перевірили обладнання: швидкість відновлено.");
  BOOST_TEST(answered.answeredAt == "2024-05-14 14:02");
  BOOST_TEST(answered.answeredBy == d.login);
  BOOST_TEST(d.number("SELECT answer_outbox_id FROM ticket WHERE id = " + std::to_string(t1)) == mail);
  open = tickets.openOf(1);
  BOOST_TEST_REQUIRE(open.size() == 1u);
  BOOST_TEST(open[0].id == t2);
  BOOST_TEST(outcome([&] { tickets.byId(999); }) == "usage");

  // Audited: the ticket's INSERT and its UPDATE to 'answered', with customer and interaction.
  const std::string audit = "SELECT count(*) FROM audit_log WHERE table_name = 'ticket' AND who = '" +
                            d.login + "' AND customer_id = 1 AND interaction_id = " + std::to_string(i);
  BOOST_TEST(d.number(audit + " AND action = 'INSERT'") == 2);
  BOOST_TEST(d.number(audit + " AND action = 'UPDATE' AND changes -> 'status' ->> 'new' = 'answered'") == 1);
}

BOOST_AUTO_TEST_CASE(refusals) {
  Desk d;
  FeedbackTickets tickets(*d.agent);
  const auto i = d.visit(1);
  BOOST_TEST(outcome([&] { tickets.open(999, "Тема", "Текст"); }) == "P0002");  // no such interaction
  const auto unknown = Interactions(*d.agent).open(subdesk::services::Channel::Call, "+380671234567", 0);
  BOOST_TEST(outcome([&] { tickets.open(unknown, "Тема", "Текст"); }) == "SD005");  // whose?
  BOOST_TEST(outcome([&] { tickets.open(i, " ", "Текст"); }) == "SD005");
  BOOST_TEST(outcome([&] { tickets.open(i, "Тема", ""); }) == "SD005");
  BOOST_TEST(outcome([&] { tickets.open(i, "Оплата", "моя картка 4111 1111 1111 1111"); }) == "SD040");
  const auto t = tickets.open(i, "Тема", "Текст");
  BOOST_TEST(outcome([&] { tickets.answer(t, "  "); }) == "SD005");
  BOOST_TEST(outcome([&] { tickets.answer(t, "поверніть на 4111-1111-1111-1111"); }) == "SD040");
  BOOST_TEST(outcome([&] { tickets.answer(999, "Відповідь"); }) == "P0002");
  Interactions(*d.agent).close(i, "feedback recorded");
  BOOST_TEST(outcome([&] { tickets.open(i, "Тема", "Текст"); }) == "SD002");  // a closed interaction

  // No registered e-mail: nothing to answer to.
  const auto noMail = tickets.open(d.visit(2), "Тема", "Текст");
  BOOST_TEST(outcome([&] { tickets.answer(noMail, "Відповідь"); }) == "SD054");
  BOOST_TEST(sentence([&] { tickets.answer(noMail, "Відповідь"); }) ==
             "The subscriber has no registered e-mail for the answer: add one to their personal data first.");
  BOOST_TEST(tickets.byId(noMail).status == "open");
  BOOST_TEST(d.number("SELECT count(*) FROM outbox") == 0);

  // An English-speaking customer gets an English subject.
  const auto en = tickets.open(d.visit(3), "Roaming", "Roaming did not work in Poland.");
  const auto mail = tickets.answer(en, "Roaming is connected now.");
  std::string subject;
  *d.admin << "SELECT subject FROM outbox WHERE id = " + std::to_string(mail), soci::into(subject);
  BOOST_TEST(subject == "Answer to your request No. " + std::to_string(en) + ": Roaming");
}
