// subdesk-notifier against the real Kannel (bearerbox, smsbox, the fake SMSC of
// kannel-extras) on loopback: delivery once with the code scrubbed afterwards, waiting
// while Kannel is down, and two notifiers over one outbox never sending a message twice.
#define BOOST_TEST_MODULE notifier_sms
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "notifier_fixture.h"

using namespace subdesk::test;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

namespace {
constexpr unsigned short kNoSmtp = 9;  // the discard port: nothing listens, no e-mail is sent here
// One SMS holds 70 UCS-2 characters; a longer text needs the sendsms-user's max-messages
// and concatenation in kannel.conf (the test's Kannel keeps the defaults).
constexpr const char* kSwapText = "Ваш SIM замінено в офісі KYIV-01. Не ви? Дзвоніть 0 800 300-466";

// The notifier's log lines for messages it sent ("outbox N: sms to +380... sent").
std::size_t sentIn(const std::string& log) {
  std::size_t n = 0;
  for (auto pos = log.find(": sms to "); pos != std::string::npos; pos = log.find(": sms to ", pos + 1)) ++n;
  return n;
}
}

BOOST_FIXTURE_TEST_CASE(an_sms_is_delivered_once_and_its_code_scrubbed, NotifierFixture) {
  Kannel kannel(dir.path());
  kannel.start();
  const std::string text = "Код для входу в кабінет: 482913. Дійсний 5 хвилин.";
  const long long id = insertSms("+380671234567", text, "482913");

  NotifierProcess notifier(dir.path(), "notifier", settings(kannel.sendsmsUrl(), kNoSmtp));
  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return status(id) == "sent"; }, 20s), tail(notifier.log()));
  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return !kannel.received().empty(); }, 10s), "the fake SMSC got nothing");
  BOOST_TEST(notifier.stop() == 0, "a clean exit on SIGTERM\n" << tail(notifier.log()));

  const auto got = kannel.received();
  BOOST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0].to == "+380671234567");
  BOOST_TEST(got[0].from == "Subdesk");
  BOOST_TEST(got[0].text == text);

  std::string body, sentAt;
  soci::indicator secretInd = soci::i_ok, errorInd = soci::i_ok;
  std::string secret, error;
  int attempts = 0;
  *admin << "SELECT body, secret, attempts, last_error, sent_at::text FROM outbox WHERE id = :id", soci::use(id),
      soci::into(body), soci::into(secret, secretInd), soci::into(attempts), soci::into(error, errorInd),
      soci::into(sentAt);
  BOOST_TEST(body == "Код для входу в кабінет: ******. Дійсний 5 хвилин.");
  BOOST_TEST(body.find("482913") == std::string::npos);
  BOOST_TEST((secretInd == soci::i_null));
  BOOST_TEST(attempts == 1);
  BOOST_TEST((errorInd == soci::i_null));
  BOOST_TEST(!sentAt.empty());
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE claimed_by IS NOT NULL") == 0);
}

BOOST_FIXTURE_TEST_CASE(with_kannel_down_the_message_waits_and_goes_once_it_is_back, NotifierFixture) {
  Kannel kannel(dir.path());  // configured, not started
  const long long id = insertSms("+380501112233", kSwapText);
  NotifierProcess notifier(dir.path(), "notifier", settings(kannel.sendsmsUrl(), kNoSmtp));

  // Attempts are counted, the error kept, the message still queued, its next attempt later.
  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return count("SELECT attempts FROM outbox WHERE id = " + std::to_string(id)) >= 3; },
                                  20s),
                        tail(notifier.log()));
  std::string error;
  *admin << "SELECT last_error FROM outbox WHERE id = :id", soci::use(id), soci::into(error);
  BOOST_TEST(status(id) == "queued");
  BOOST_TEST(error.find("Kannel") != std::string::npos, error);
  BOOST_TEST(error.find("onnection refused") != std::string::npos, error);

  kannel.start();
  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return status(id) == "sent"; }, 20s), tail(notifier.log()));
  BOOST_REQUIRE(waitUntil([&] { return !kannel.received().empty(); }, 10s));
  BOOST_TEST(notifier.stop() == 0);
  const auto got = kannel.received();
  BOOST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0].to == "+380501112233");
  BOOST_TEST(got[0].text == kSwapText);
}

BOOST_FIXTURE_TEST_CASE(two_notifiers_never_send_a_message_twice, NotifierFixture) {
  Kannel kannel(dir.path());
  kannel.start();
  // Small batches: both notifiers keep claiming while the other one sends.
  auto config = settings(kannel.sendsmsUrl(), kNoSmtp);
  config["notifier.batch_size"] = "2";
  NotifierProcess first(dir.path(), "first", config);
  NotifierProcess second(dir.path(), "second", config);
  // Both are polling before the messages appear, so they race for every batch.
  BOOST_REQUIRE(waitUntil([&] { return first.log().find("started") != std::string::npos &&
                                       second.log().find("started") != std::string::npos; },
                          10s));
  BOOST_REQUIRE(waitUntil([&] { return first.log().find("connected") != std::string::npos &&
                                       second.log().find("connected") != std::string::npos; },
                          10s));
  *admin << "INSERT INTO outbox (channel, recipient, body, secret) "
            "SELECT 'sms', '+3806710000' || lpad(n::text, 2, '0'), 'Код ' || (100000 + n) || ' для №' || n, "
            "       (100000 + n)::text FROM generate_series(1, 50) n";

  BOOST_REQUIRE_MESSAGE(waitUntil([&] { return count("SELECT count(*) FROM outbox WHERE status = 'sent'") == 50; }, 40s),
                        tail(first.log()) << tail(second.log()));
  BOOST_REQUIRE(waitUntil([&] { return kannel.received().size() >= 50; }, 15s));
  BOOST_TEST(first.stop() == 0);
  BOOST_TEST(second.stop() == 0);

  const auto got = kannel.received();
  BOOST_TEST(got.size() == 50u);
  std::set<std::string> numbers;
  for (const auto& sms : got) numbers.insert(sms.to);
  BOOST_TEST(numbers.size() == 50u);
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE attempts <> 1 OR secret IS NOT NULL "
                   "OR body NOT LIKE 'Код ****** для №%'") == 0);
  // Their own accounts agree: 50 between them.
  BOOST_TEST(sentIn(first.log()) + sentIn(second.log()) == 50u);
  BOOST_TEST_MESSAGE("first notifier sent " << sentIn(first.log()) << ", second " << sentIn(second.log()));
  BOOST_WARN_MESSAGE(sentIn(first.log()) > 0 && sentIn(second.log()) > 0, "one notifier took every batch");
}
