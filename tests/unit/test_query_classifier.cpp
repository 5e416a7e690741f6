#define BOOST_TEST_MODULE query_classifier
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/domain/iccid.h"
#include "core/services/query_classifier.h"
#include "core/services/subscriber_lookup.h"

using subdesk::services::classifyQuery;
using subdesk::services::QueryKind;
using subdesk::services::queryKindName;
using subdesk::services::SubscriberLookup;

namespace {

struct Case {
  std::string query;
  QueryKind kind;
  std::string key;
};

void check(const Case& c) {
  BOOST_TEST_INFO(c.query.substr(0, 60));
  const auto q = classifyQuery(c.query);
  BOOST_TEST(queryKindName(q.kind) == queryKindName(c.kind));
  BOOST_TEST(q.key == c.key);
  BOOST_TEST(static_cast<int>(SubscriberLookup::classify(c.query)) == static_cast<int>(c.kind));
}

// A valid 20-digit ICCID: 89380 + 14 digits + the Luhn check digit.
std::string validIccid() {
  const std::string payload = "8938003123456789012";
  return payload + std::to_string(subdesk::Iccid::luhnCheckDigit(payload));
}

}  // namespace

BOOST_AUTO_TEST_CASE(mobile_numbers_in_any_ukrainian_format) {
  for (const char* q : {"067 123 45 67", "+380671234567", "(067) 123-45-67", "0671234567", "380 67 123 45 67",
                        "00380671234567", "8 067 123 45 67", "  067.123.45.67  "}) {
    check({q, QueryKind::Msisdn, "+380671234567"});
  }
  check({"+380 50 111 22 33", QueryKind::Msisdn, "+380501112233"});
}

BOOST_AUTO_TEST_CASE(personal_account_numbers) {
  check({"100000009", QueryKind::Account, "100000009"});
  check({"100 000 009", QueryKind::Account, "100000009"});
  check({"100-000-009", QueryKind::Account, "100000009"});
  BOOST_TEST(classifyQuery("100000009").alternateMsisdn.empty());
  // Nine bare digits that are an account number and also a mobile number without the
  // trunk 0: an account, with the number for the lookup to try too.
  check({"671234565", QueryKind::Account, "671234565"});
  BOOST_TEST(classifyQuery("671234565").alternateMsisdn == "+380671234565");
  // With a wrong check digit it is only the mobile number.
  check({"671234566", QueryKind::Msisdn, "+380671234566"});
}

BOOST_AUTO_TEST_CASE(iccid_with_luhn) {
  const std::string iccid = validIccid();
  check({iccid, QueryKind::Iccid, iccid});
  check({iccid.substr(0, 5) + " " + iccid.substr(5, 5) + " " + iccid.substr(10), QueryKind::Iccid, iccid});
  // A wrong check digit is no ICCID (and nothing else): 20 digits are no document.
  std::string wrong = iccid;
  wrong.back() = wrong.back() == '9' ? '0' : static_cast<char>(wrong.back() + 1);
  check({wrong, QueryKind::Empty, ""});
}

BOOST_AUTO_TEST_CASE(contract_numbers) {
  check({"HI-2024-000123", QueryKind::Contract, "HI-2024-000123"});
  check({"hi-2024-000123", QueryKind::Contract, "HI-2024-000123"});
  check({" HI-2025-999999 ", QueryKind::Contract, "HI-2025-999999"});
  // One digit short: the pattern of contract.number is exact. It has letters, so it is
  // searched as a name ("HI") rather than refused.
  check({"HI-2024-00012", QueryKind::Name, "HI"});
}

BOOST_AUTO_TEST_CASE(home_internet_logins) {
  check({"olena.koval", QueryKind::Login, "olena.koval"});
  check({"koval_77", QueryKind::Login, "koval_77"});
  check({"h100000017", QueryKind::Login, "h100000017"});
  check({"koval", QueryKind::Login, "koval"});  // the lookup falls back to names
  // Upper case is not a login (home_internet.login is lower case): a latin name.
  check({"Koval", QueryKind::Name, "Koval"});
}

BOOST_AUTO_TEST_CASE(id_document_numbers) {
  check({"КВ123456", QueryKind::Document, "КВ123456"});
  check({"кв 123456", QueryKind::Document, "КВ123456"});
  check({"іє123456", QueryKind::Document, "ІЄ123456"});
  check({"FA123456", QueryKind::Document, "FA123456"});
  check({"FA 123-456", QueryKind::Document, "FA123456"});
  // ID card: nine digits that are not an account number (the check digit is wrong).
  check({"100000008", QueryKind::Document, "100000008"});
  check({"123 456 780", QueryKind::Document, "123456780"});
}

BOOST_AUTO_TEST_CASE(names_any_apostrophe_any_case_any_order) {
  check({"Коваленко", QueryKind::Name, "Коваленко"});
  check({"коваленко олена", QueryKind::Name, "коваленко олена"});
  check({"Олена Коваленко", QueryKind::Name, "Олена Коваленко"});
  check({"  Коваленко   Олєна ", QueryKind::Name, "Коваленко Олєна"});
  check({"Мар’яна Коваль", QueryKind::Name, "Мар'яна Коваль"});
  check({"Марʼяна Коваль", QueryKind::Name, "Мар'яна Коваль"});
  check({"Мар'яна Коваль", QueryKind::Name, "Мар'яна Коваль"});
  check({"Мар`яна", QueryKind::Name, "Мар'яна"});
  check({"Квітка-Основʼяненко", QueryKind::Name, "Квітка-Основ'яненко"});
  check({"ГРИЦЕНКО", QueryKind::Name, "ГРИЦЕНКО"});
}

BOOST_AUTO_TEST_CASE(junk_and_sql_are_safe) {
  check({"", QueryKind::Empty, ""});
  check({"   ", QueryKind::Empty, ""});
  check({"\t\n", QueryKind::Empty, ""});
  check({"?!%_*", QueryKind::Empty, ""});
  check({"12345", QueryKind::Empty, ""});
  check({"0671234", QueryKind::Empty, ""});
  check({"+1 202 555 0100", QueryKind::Empty, ""});
  check({"112", QueryKind::Empty, ""});
  // SQL-looking text is a name made of its words; it is only ever bound as a value.
  check({"'; DROP TABLE customer; --", QueryKind::Name, "DROP TABLE customer"});
  check({"1 OR 1=1", QueryKind::Name, "OR"});
  check({"%' OR '1'='1", QueryKind::Name, "OR"});
  check({"Robert'); DELETE FROM account;--", QueryKind::Name, "Robert DELETE FROM account"});
  // Broken UTF-8 and control characters separate words.
  check({std::string("Ко\xff\xfeваль"), QueryKind::Name, "Ко валь"});
  check({std::string("\x01\x02\x03"), QueryKind::Empty, ""});
}

BOOST_AUTO_TEST_CASE(ten_thousand_characters) {
  check({std::string(10000, '7'), QueryKind::Empty, ""});
  const auto letters = classifyQuery(std::string(10000, 'a'));
  BOOST_TEST(queryKindName(letters.kind) == "name");
  BOOST_TEST(letters.key.size() <= subdesk::services::kMaxNameBytes);
  std::string words;
  while (words.size() < 10000) words += "Коваленко ";
  const auto many = classifyQuery(words);
  BOOST_TEST(queryKindName(many.kind) == "name");
  BOOST_TEST(many.key.size() <= subdesk::services::kMaxNameBytes);
  BOOST_TEST(many.key.starts_with("Коваленко Коваленко"));
  std::string cyr;
  while (cyr.size() < 10000) cyr += "ж";
  const auto one = classifyQuery(cyr);
  BOOST_TEST(queryKindName(one.kind) == "name");  // cut at a whole letter
  BOOST_TEST(one.key.size() == subdesk::services::kMaxNameBytes);
  check({std::string(10000, '\''), QueryKind::Empty, ""});
}
