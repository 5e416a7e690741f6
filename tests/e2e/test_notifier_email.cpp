// subdesk-notifier's e-mail path against a real SMTP server (aiosmtpd with its Mailbox
// handler) on loopback: a home-internet password-recovery message arrives with the right
// recipient, UTF-8 subject and body; the password is scrubbed from the outbox afterwards;
// a malformed address is marked undeliverable instead of being retried for ever; a
// detailed bill queued from the desk's core arrives as a PDF attachment that pdftotext
// reads (issue 8).
#define BOOST_TEST_MODULE notifier_email
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include "core/db/connection.h"
#include "core/domain/money.h"
#include "core/domain/msisdn.h"
#include "core/reporting/report.h"
#include "core/services/bill_email.h"
#include "core/services/detail_requests.h"
#include "core/services/detailed_bill.h"
#include "core/util/error.h"
#include "notifier_fixture.h"
#include "reports/bill_email.h"
#include "reports/bill_pdf.h"

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

namespace {

struct MailParts : Poco::Net::PartHandler {
  struct Part {
    std::string contentType, disposition, content;
  };
  std::vector<Part> parts;
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    Part p{header.get("Content-Type", ""), header.get("Content-Disposition", ""), {}};
    Poco::StreamCopier::copyToString(stream, p.content);
    parts.push_back(std::move(p));
  }
};

std::string shell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  BOOST_REQUIRE(p);
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  BOOST_REQUIRE(pclose(p) == 0);
  return out;
}

// The demo database with a desk agent, for the bill's e-mail.
struct BillMailFixture : NotifierFixture {
  static constexpr const char* kAgentPassword = "Agent-password-8";
  std::string agent = db.name() + "_agent";
  long long account = 0, customer = 0;
  BillMailFixture() : NotifierFixture(Template::Demo) {
    *admin << "DROP ROLE IF EXISTS " + agent;
    *admin << "CREATE ROLE " + agent + " LOGIN PASSWORD '" + kAgentPassword + "' IN ROLE subdesk_agent";
    *admin << "INSERT INTO staff(login, full_name, group_role, office_id) SELECT '" + agent +
                  "', 'Test agent', 'subdesk_agent', min(id) FROM office";
    *admin << "SELECT l.account_id, a.customer_id FROM line l JOIN account a ON a.id = l.account_id WHERE l.id = 1",
        soci::into(account), soci::into(customer);
    *admin << "UPDATE account SET selfcare_registered_on = NULL WHERE id = " + std::to_string(account);
  }
  ~BillMailFixture() {
    try {
      *admin << "DROP ROLE IF EXISTS " + agent;
    } catch (...) {
    }
  }
  std::string lastMonth(const char* which) {
    std::string d;
    *admin << std::string("SELECT CAST(") +
                  (std::string(which) == "from" ? "date_trunc('month', kyiv_day(now())) - interval '1 month'"
                                                : "date_trunc('month', kyiv_day(now())) - interval '1 day'") +
                  " AS date)::text",
        soci::into(d);
    return d;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_detailed_bill_arrives_as_a_pdf_attachment, BillMailFixture) {
  using namespace subdesk;
  const std::string address = "olena.bill@example.com";
  *admin << "UPDATE customer SET email = :e, language = 'uk' WHERE id = :c", soci::use(address), soci::use(customer);
  auto desk = db::connect(db.conninfoAs(agent, kAgentPassword));

  // The desk: request (the fee charged), load, compose, then send by e-mail.
  services::DetailRequests requests(*desk);
  const auto from = *reporting::parseIsoDay(lastMonth("from")), to = *reporting::parseIsoDay(lastMonth("to"));
  const auto request = requests.request(
      {account, 1, from, to, requests.quote(account).fee.fee, std::nullopt, services::newIdempotencyKey()});
  const auto bill = services::DetailedBill(*desk).load(account, 1, from, to);
  BOOST_REQUIRE(!bill.records.empty());
  auto document = reports::composeBill(bill, Language::Uk);
  services::BillEmail mail(*desk);
  BOOST_TEST(mail.recipient(request.requestId).value_or("") == address);
  // An address other than the one registered now is refused, and queues nothing.
  try {
    reports::emailBill(*desk, request.requestId, bill, *document, "old.address@example.com");
    BOOST_ERROR("a bill went to an address the desk did not show");
  } catch (const soci::soci_error& e) {
    BOOST_TEST(sqlState(e) == "SD061");
  }
  // Not a PDF: refused.
  try {
    mail.enqueue(request.requestId, "bill.pdf", "<html>not a bill</html>", address);
    BOOST_ERROR("a file that is not a PDF was attached");
  } catch (const soci::soci_error& e) {
    BOOST_TEST(sqlState(e) == "22023");
  }
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE customer_id = " + std::to_string(customer)) == 0);
  const auto queued = reports::emailBill(*desk, request.requestId, bill, *document, address);
  BOOST_TEST(queued.recipient == address);
  BOOST_TEST(count("SELECT count(*) FROM outbox_attachment WHERE outbox_id = " + std::to_string(queued.outboxId)) == 1);
  BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'detailed_bill_email' AND who = '" + agent +
                   "' AND (changes ->> 'outbox_id')::bigint = " + std::to_string(queued.outboxId)) == 1);
  // Staff never read the attachments (nor write them but through the function).
  try {
    long long n = 0;
    *desk << "SELECT count(*) FROM outbox_attachment", soci::into(n);
    BOOST_ERROR("an agent read the outbox's attachments");
  } catch (const soci::soci_error& e) {
    BOOST_TEST(sqlState(e) == "42501");
  }

  SmtpServer smtp(dir.path());
  NotifierProcess notifier(dir.path(), "notifier",
                           settings("http://127.0.0.1:" + std::to_string(freeLoopbackPort()) + "/cgi-bin/sendsms",
                                    smtp.port()));
  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return status(queued.outboxId) == "sent"; }, 30s), tail(notifier.log()));
  BOOST_TEST(notifier.stop() == 0);

  const auto mails = smtp.received();
  BOOST_REQUIRE(mails.size() == 1u);
  BOOST_TEST(mails[0].envelopeTo == address);
  BOOST_TEST(mails[0].subject.find(bill.accountNumber) != std::string::npos, mails[0].subject);
  std::istringstream raw(mails[0].raw);
  Poco::Net::MailMessage received;
  MailParts parts;
  received.read(raw, parts);
  BOOST_REQUIRE_MESSAGE(parts.parts.size() == 2u, mails[0].raw.substr(0, 2000));
  BOOST_TEST(parts.parts[0].contentType.find("text/plain") == 0u);
  BOOST_TEST(parts.parts[0].content.find(bill.accountNumber) != std::string::npos, parts.parts[0].content);
  BOOST_TEST(parts.parts[1].contentType.find("application/pdf") == 0u);
  BOOST_TEST(parts.parts[1].disposition.find(reports::billFileName(bill)) != std::string::npos);
  const std::string pdf = dir.file("received.pdf");
  {
    std::ofstream out(pdf, std::ios::binary);
    out << parts.parts[1].content;
  }
  const std::string text = shell("pdftotext -layout '" + pdf + "' -");
  const std::string national = Msisdn::parse(bill.msisdns.front())->national();
  BOOST_TEST(text.find(national) != std::string::npos, national);
  BOOST_TEST(text.find(bill.accountNumber) != std::string::npos);
  BOOST_TEST(text.find(Money::fromKopecks(bill.total()).format(Language::Uk)) != std::string::npos,
             Money::fromKopecks(bill.total()).format(Language::Uk));
  BOOST_TEST(text.find("Сторінка 1 з") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_bill_for_a_customer_without_e_mail_is_refused_and_queues_nothing, BillMailFixture) {
  using namespace subdesk;
  *admin << "UPDATE customer SET email = NULL WHERE id = " + std::to_string(customer);
  auto desk = db::connect(db.conninfoAs(agent, kAgentPassword));
  services::DetailRequests requests(*desk);
  const auto from = *reporting::parseIsoDay(lastMonth("from")), to = *reporting::parseIsoDay(lastMonth("to"));
  const auto request = requests.request(
      {account, 0, from, to, requests.quote(account).fee.fee, std::nullopt, services::newIdempotencyKey()});
  const auto bill = services::DetailedBill(*desk).load(account, 0, from, to);
  auto document = reports::composeBill(bill, Language::En);
  BOOST_TEST(!services::BillEmail(*desk).recipient(request.requestId).has_value());
  try {
    reports::emailBill(*desk, request.requestId, bill, *document, "");
    BOOST_ERROR("a bill was queued without an address");
  } catch (const UserError& e) {
    BOOST_TEST(e.code() == "no_email");
  }
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE customer_id = " + std::to_string(customer)) == 0);
  BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'detailed_bill_email'") == 0);
}
