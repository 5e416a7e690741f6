// subdesk-notifier's e-mail path against a real SMTP server (aiosmtpd with its Mailbox
// handler) on loopback: a home-internet password-recovery message arrives with the right
// recipient, UTF-8 subject and body; the password is scrubbed from the outbox afterwards;
// a malformed address is marked undeliverable instead of being retried for ever.
#define BOOST_TEST_MODULE notifier_email
#include <boost/test/unit_test.hpp>

#include <string>

#include "notifier_fixture.h"

using namespace subdesk::test;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

BOOST_FIXTURE_TEST_CASE(a_password_recovery_email_is_delivered, NotifierFixture) {
  SmtpServer smtp(dir.path());
  const std::string subject = "Відновлення пароля до домашнього інтернету";
  const std::string body = "Добрий день!\nЛогін: 100000173\nНовий пароль: Sonce-Ranok-47\nЗмініть його після входу.";
  long long id = 0, bad = 0;
  *admin << "INSERT INTO outbox (channel, recipient, subject, body, secret) "
            "VALUES ('email', 'olena.kovalenko@example.com', :subject, :body, 'Sonce-Ranok-47') RETURNING id",
      soci::use(subject), soci::use(body), soci::into(id);
  *admin << "INSERT INTO outbox (channel, recipient, subject, body) "
            "VALUES ('email', 'olena.kovalenko(at)example', 'x', 'y') RETURNING id",
      soci::into(bad);

  // Kannel is not running: no SMS is queued, so nothing goes to it.
  NotifierProcess notifier(dir.path(), "notifier",
                           settings("http://127.0.0.1:" + std::to_string(freeLoopbackPort()) + "/cgi-bin/sendsms",
                                    smtp.port()));
  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return status(id) == "sent" && status(bad) == "failed"; }, 20s),
                        tail(notifier.log()));
  BOOST_TEST(notifier.stop() == 0);

  const auto mails = smtp.received();
  BOOST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].envelopeTo == "olena.kovalenko@example.com");
  BOOST_TEST(mails[0].to == "<olena.kovalenko@example.com>");
  BOOST_TEST(mails[0].subject == subject, mails[0].raw);
  std::string received = mails[0].body;
  std::erase(received, '\r');
  while (!received.empty() && received.back() == '\n') received.pop_back();
  BOOST_TEST(received == body, mails[0].raw);
  BOOST_TEST(mails[0].raw.find("charset=UTF-8") != std::string::npos);

  std::string storedBody, error;
  soci::indicator secretInd = soci::i_ok;
  std::string secret;
  *admin << "SELECT body, secret FROM outbox WHERE id = :id", soci::use(id), soci::into(storedBody),
      soci::into(secret, secretInd);
  BOOST_TEST(storedBody.find("Sonce-Ranok-47") == std::string::npos);
  BOOST_TEST(storedBody.find("Новий пароль: ******") != std::string::npos);
  BOOST_TEST((secretInd == soci::i_null));
  *admin << "SELECT last_error FROM outbox WHERE id = :id", soci::use(bad), soci::into(error);
  BOOST_TEST(error.find("not an e-mail address") != std::string::npos, error);
  BOOST_TEST(count("SELECT attempts FROM outbox WHERE id = " + std::to_string(bad)) == 1);
}

BOOST_FIXTURE_TEST_CASE(starttls_is_used_when_the_server_offers_it, NotifierFixture) {
  SmtpServer smtp(dir.path(), /*startTls=*/true);  // refuses MAIL FROM before STARTTLS
  const std::string subject = "Відповідь на ваше звернення";
  long long id = 0;
  *admin << "INSERT INTO outbox (channel, recipient, subject, body) "
            "VALUES ('email', 'petro@example.org', :subject, 'Дякуємо за відгук!') RETURNING id",
      soci::use(subject), soci::into(id);
  auto config = settings("http://127.0.0.1:" + std::to_string(freeLoopbackPort()) + "/cgi-bin/sendsms", smtp.port());
  config["smtp.starttls"] = "auto";
  config["smtp.verify_certificate"] = "false";  // the test's certificate is self-signed
  NotifierProcess notifier(dir.path(), "notifier", config);
  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return status(id) == "sent"; }, 20s), tail(notifier.log()));
  BOOST_TEST(notifier.stop() == 0);
  const auto mails = smtp.received();
  BOOST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].envelopeTo == "petro@example.org");
  BOOST_TEST(mails[0].subject == subject);
}

BOOST_FIXTURE_TEST_CASE(starttls_required_but_not_offered_keeps_the_message_queued, NotifierFixture) {
  SmtpServer smtp(dir.path());  // no STARTTLS
  long long id = 0;
  *admin << "INSERT INTO outbox (channel, recipient, subject, body) "
            "VALUES ('email', 'petro@example.org', 'x', 'y') RETURNING id",
      soci::into(id);
  auto config = settings("http://127.0.0.1:" + std::to_string(freeLoopbackPort()) + "/cgi-bin/sendsms", smtp.port());
  config["smtp.starttls"] = "required";
  NotifierProcess notifier(dir.path(), "notifier", config);
  BOOST_REQUIRE_MESSAGE(
      waitUntil([&] { return count("SELECT attempts FROM outbox WHERE id = " + std::to_string(id)) >= 2; }, 20s),
      tail(notifier.log()));
  BOOST_TEST(notifier.stop() == 0);
  BOOST_TEST(status(id) == "queued");
  BOOST_TEST(smtp.received().empty());
  std::string error;
  *admin << "SELECT last_error FROM outbox WHERE id = :id", soci::use(id), soci::into(error);
  BOOST_TEST(error.find("does not offer STARTTLS") != std::string::npos, error);
}
