#define BOOST_TEST_MODULE notifier_rules
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/Base64Decoder.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/UTFString.h>
#include <Poco/UnicodeConverter.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "core/notify/delivery_rules.h"
#include "core/notify/email_sender.h"
#include "core/notify/notifier_settings.h"
#include "core/notify/sms_sender.h"

using namespace subdesk::notify;
using std::chrono::milliseconds;

BOOST_AUTO_TEST_SUITE(backoff)

BOOST_AUTO_TEST_CASE(doubles_from_the_base_until_the_cap_and_stays_there) {
  const BackoffPolicy b(milliseconds(5000), milliseconds(600000));
  BOOST_TEST(b.delayAfter(1).count() == 5000);
  BOOST_TEST(b.delayAfter(2).count() == 10000);
  BOOST_TEST(b.delayAfter(3).count() == 20000);
  BOOST_TEST(b.delayAfter(7).count() == 320000);
  BOOST_TEST(b.delayAfter(8).count() == 600000);  // 640 s capped at 600 s
  BOOST_TEST(b.delayAfter(9).count() == 600000);
  // Retried forever: a very long outage neither overflows nor grows past the cap.
  BOOST_TEST(b.delayAfter(1000000).count() == 600000);
}

BOOST_AUTO_TEST_CASE(a_cap_below_a_doubling_is_reached_exactly) {
  const BackoffPolicy b(milliseconds(300), milliseconds(1000));
  BOOST_TEST(b.delayAfter(1).count() == 300);
  BOOST_TEST(b.delayAfter(2).count() == 600);
  BOOST_TEST(b.delayAfter(3).count() == 1000);
  BOOST_TEST(b.delayAfter(0).count() == 300);  // nonsense input treated as the first failure
}

BOOST_AUTO_TEST_CASE(refuses_a_nonsense_policy) {
  BOOST_CHECK_THROW(BackoffPolicy(milliseconds(0), milliseconds(10)), std::invalid_argument);
  BOOST_CHECK_THROW(BackoffPolicy(milliseconds(10), milliseconds(5)), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(scrubbing)

BOOST_AUTO_TEST_CASE(replaces_every_occurrence_of_the_secret) {
  const std::string body = "Код: 482913. Нікому не кажіть код 482913.";
  BOOST_TEST(scrubSecret(body, "482913") == "Код: ******. Нікому не кажіть код ******.");
}

BOOST_AUTO_TEST_CASE(a_password_with_regex_characters_is_matched_literally) {
  BOOST_TEST(scrubSecret("Новий пароль: a.b*c$1 (змініть його)", "a.b*c$1") == "Новий пароль: ****** (змініть його)");
  BOOST_TEST(scrubSecret("aXbYc1", "a.b*c$1") == "aXbYc1");
}

BOOST_AUTO_TEST_CASE(no_secret_or_absent_secret_changes_nothing) {
  BOOST_TEST(scrubSecret("Ваш SIM замінено", "") == "Ваш SIM замінено");
  BOOST_TEST(scrubSecret("Ваш SIM замінено", "123456") == "Ваш SIM замінено");
  BOOST_TEST(scrubSecret("", "123456") == "");
}

BOOST_AUTO_TEST_CASE(adjacent_occurrences_and_secret_at_the_edges) {
  BOOST_TEST(scrubSecret("1111", "11") == "************");
  BOOST_TEST(scrubSecret("777 text 777", "777") == "****** text ******");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(kannel_request)

KannelSettings settings() {
  KannelSettings s;
  s.sendsmsUrl = "http://127.0.0.1:13013/cgi-bin/sendsms";
  s.username = "subdesk";
  s.password = "p&ss=w+rd";
  s.from = "Subdesk";
  return s;
}

BOOST_AUTO_TEST_CASE(every_value_is_percent_encoded_and_ucs2_is_requested) {
  const auto uri = buildSendSmsUri(settings(), "+380671234567", "Код 123456 & більше");
  BOOST_TEST(uri.getHost() == "127.0.0.1");
  BOOST_TEST(uri.getPort() == 13013);
  BOOST_TEST(uri.getPath() == "/cgi-bin/sendsms");
  BOOST_TEST(uri.getRawQuery() ==
             "username=subdesk&password=p%26ss%3Dw%2Brd&from=Subdesk&to=%2B380671234567"
             "&text=%D0%9A%D0%BE%D0%B4%20123456%20%26%20%D0%B1%D1%96%D0%BB%D1%8C%D1%88%D0%B5"
             "&coding=2&charset=UTF-8");
}

BOOST_AUTO_TEST_CASE(the_values_read_back_exactly) {
  const auto uri = buildSendSmsUri(settings(), "+380671234567", "a+b=c?&d/e #f");
  const auto params = uri.getQueryParameters();
  BOOST_REQUIRE(params.size() == 7u);
  BOOST_TEST(params[1].second == "p&ss=w+rd");
  BOOST_TEST(params[3].second == "+380671234567");
  BOOST_TEST(params[4].second == "a+b=c?&d/e #f");
  BOOST_TEST(params[5].first == "coding");
  BOOST_TEST(params[5].second == "2");
}

BOOST_AUTO_TEST_CASE(only_an_accepted_answer_counts_as_sent) {
  BOOST_TEST(kannelAccepted(202, "0: Accepted for delivery"));
  BOOST_TEST(kannelAccepted(202, "3: Queued for later delivery"));
  BOOST_TEST(!kannelAccepted(403, "Authorization failed for sendsms"));
  BOOST_TEST(!kannelAccepted(503, "Sending failed."));
  BOOST_TEST(!kannelAccepted(202, ""));
}

BOOST_AUTO_TEST_CASE(a_malformed_number_is_undeliverable_without_a_request) {
  SmsSender sender(settings());  // nothing listens: a request would be a retry, not this
  OutboxMessage m;
  m.recipient = "0671234567";
  m.body = "x";
  const auto r = sender.send(m);
  BOOST_TEST((r.outcome == DeliveryResult::Outcome::Undeliverable));
  BOOST_TEST(r.error.find("E.164") != std::string::npos);
  BOOST_TEST(isE164("+380671234567"));
  BOOST_TEST(!isE164("+0671234567"));
  BOOST_TEST(!isE164("+38067123456a"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(email)

BOOST_AUTO_TEST_CASE(starttls_is_seen_in_the_ehlo_answer) {
  BOOST_TEST(offersStartTls("250-mail.example.net\n250-SIZE 33554432\n250-STARTTLS\n250 HELP"));
  BOOST_TEST(offersStartTls("250-mail.example.net\r\n250 starttls\r\n"));
  BOOST_TEST(!offersStartTls("250-mail.example.net\n250-8BITMIME\n250 HELP"));
  BOOST_TEST(!offersStartTls("250-X-NOT-STARTTLS\n250 HELP"));
}

BOOST_AUTO_TEST_CASE(a_long_subject_is_encoded_in_words_of_whole_characters) {
  const std::string subject = "Відновлення пароля до домашнього інтернету — ваш новий пароль";
  const std::string encoded = encodeHeaderText(subject);
  std::string joined;
  std::size_t words = 0;
  for (std::size_t pos = encoded.find("=?UTF-8?B?"); pos != std::string::npos;
       pos = encoded.find("=?UTF-8?B?", pos + 1)) {
    const auto end = encoded.find("?=", pos + 10);
    BOOST_REQUIRE(end != std::string::npos);
    BOOST_TEST(end + 2 - pos <= 75u);  // RFC 2047: an encoded word is at most 75 characters
    std::istringstream in(encoded.substr(pos + 10, end - pos - 10));
    Poco::Base64Decoder decoder(in);
    std::string part((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    // Each word on its own is valid UTF-8: no character is split between two words.
    Poco::UTF16String units;
    std::string back;
    Poco::UnicodeConverter::convert(part, units);
    Poco::UnicodeConverter::convert(units, back);
    BOOST_TEST(back == part);
    joined += part;
    ++words;
  }
  BOOST_TEST(words > 1u);
  BOOST_TEST(joined == subject);
  BOOST_TEST(encodeHeaderText("Password recovery") == "Password recovery");
}

BOOST_AUTO_TEST_CASE(the_message_carries_utf8_subject_and_body) {
  SmtpSettings s;
  s.from = "subdesk <noreply@example.net>";
  OutboxMessage m;
  m.id = 42;
  m.channel = Channel::Email;
  m.recipient = "olena@example.com";
  m.subject = "Відновлення пароля";
  m.body = "Ваш новий пароль: Xy7-kP9";
  Poco::Net::MailMessage mail;
  buildMailMessage(mail, s, m);
  std::ostringstream wire;
  mail.write(wire);
  const std::string text = wire.str();
  BOOST_TEST(text.find("Subject: =?UTF-8?") != std::string::npos, text);
  BOOST_TEST(text.find("Content-Type: text/plain; charset=UTF-8") != std::string::npos, text);
  BOOST_TEST(text.find("Message-ID: <outbox-42@example.net>") != std::string::npos, text);
  BOOST_TEST(text.find("To: <olena@example.com>") != std::string::npos, text);
  BOOST_TEST(isPlausibleEmailAddress("olena@example.com"));
  BOOST_TEST(!isPlausibleEmailAddress("olena@localhost"));
  BOOST_TEST(!isPlausibleEmailAddress("olena@example.com>\r\nRCPT TO:<x@y.z"));
  BOOST_TEST(!isPlausibleEmailAddress("no-at-sign.example.com"));
}

namespace {
// Collects the parts of a multipart message as Poco reads them back.
struct Parts : Poco::Net::PartHandler {
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
}  // namespace

BOOST_AUTO_TEST_CASE(attachments_make_a_multipart_message_whose_files_come_back_byte_for_byte) {
  SmtpSettings s;
  s.from = "subdesk <noreply@example.net>";
  OutboxMessage m;
  m.id = 7;
  m.channel = Channel::Email;
  m.recipient = "olena@example.com";
  m.subject = "Детальний рахунок";
  m.body = "Детальний рахунок — у вкладенні.";
  std::string pdf = "%PDF-1.5\n";
  for (int i = 0; i < 4096; ++i) pdf.push_back(static_cast<char>(i % 256));  // every byte value, NULs included
  m.attachments.push_back({"bill-123456782-2026-10-01-2026-10-31.pdf", "application/pdf", pdf});
  Poco::Net::MailMessage mail;
  buildMailMessage(mail, s, m);
  std::ostringstream wire;
  mail.write(wire);
  const std::string text = wire.str();
  BOOST_TEST(text.find("Content-Type: multipart/mixed") != std::string::npos, text.substr(0, 800));

  std::istringstream in(text);
  Poco::Net::MailMessage back;
  Parts parts;
  back.read(in, parts);
  BOOST_REQUIRE(parts.parts.size() == 2u);
  BOOST_TEST(parts.parts[0].contentType.find("text/plain; charset=UTF-8") == 0u);
  BOOST_TEST(parts.parts[0].content == m.body);
  BOOST_TEST(parts.parts[1].contentType.find("application/pdf") == 0u);
  BOOST_TEST(parts.parts[1].disposition.find("attachment") == 0u);
  BOOST_TEST(parts.parts[1].disposition.find("bill-123456782-2026-10-01-2026-10-31.pdf") != std::string::npos);
  BOOST_TEST((parts.parts[1].content == pdf));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(settings_file)

BOOST_AUTO_TEST_CASE(a_lease_shorter_than_a_send_is_refused) {
  std::istringstream text(
      "database.conninfo = dbname=subdesk\n"
      "kannel.url = http://127.0.0.1:13013/cgi-bin/sendsms\nkannel.username = u\n"
      "smtp.from = noreply@example.net\n"
      "kannel.timeout_ms = 30000\nnotifier.lease_s = 60\n");
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(new Poco::Util::PropertyFileConfiguration(text));
  BOOST_CHECK_THROW(readNotifierSettings(*config), Poco::InvalidArgumentException);
  config->setString("notifier.lease_s", "120");
  const auto s = readNotifierSettings(*config);
  BOOST_TEST(s.loop.lease.count() == 120);
  BOOST_TEST(s.loop.backoff.base().count() == 5000);
  BOOST_TEST(s.loop.backoff.cap().count() == 600000);
  BOOST_TEST((s.smtp.startTls == StartTls::Auto));
}

BOOST_AUTO_TEST_CASE(the_installed_sample_configuration_is_valid) {
  const std::string here = __FILE__;
  const std::string sample = here.substr(0, here.rfind("/tests/")) + "/installer/subdesk-notifier.properties.sample";
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(new Poco::Util::PropertyFileConfiguration(sample));
  const auto s = readNotifierSettings(*config);
  BOOST_TEST((s.smtp.startTls == StartTls::Required));
  BOOST_TEST(s.smtp.port == 587);
  BOOST_TEST(s.kannel.sendsmsUrl == "http://127.0.0.1:13013/cgi-bin/sendsms");
  BOOST_TEST(s.loop.batchSize == 10);
}

BOOST_AUTO_TEST_SUITE_END()
