// What the card says about the interaction and its caller's verification, the live ICCID
// check of the SIM restore wizard, and the project's SQLSTATEs as sentences.
#define BOOST_TEST_MODULE caller_verification
#include <boost/test/unit_test.hpp>

#include <soci/postgresql/soci-postgresql.h>

#include "core/domain/iccid.h"
#include "core/domain/iccid_entry.h"
#include "core/services/caller_verification.h"
#include "core/util/error.h"
#include "core/util/kyiv_time.h"
#include "core/util/project_errors.h"

using namespace subdesk;
using services::InteractionState;

namespace {
InteractionState call() {
  InteractionState s;
  s.id = 7;
  s.channel = "call";
  s.callerNumber = "+380671234567";
  s.openedAtLocal = "14:00";
  s.openedSecondsAgo = 5 * 60 + 10;
  return s;
}
}  // namespace

BOOST_AUTO_TEST_CASE(an_unverified_call) {
  const auto s = call();
  BOOST_TEST(!services::verifiedNow(s));
  BOOST_TEST(services::minutesLeft(s) == 0);
  BOOST_TEST(services::describeInteraction(s) == "Call from 067 123 45 67 since 14:00 (5 min). Caller not verified.");
  auto failed = s;
  failed.verifyFailures = 2;
  BOOST_TEST(services::describeInteraction(failed) ==
             "Call from 067 123 45 67 since 14:00 (5 min). Caller not verified (2 wrong answers of 3).");
}

BOOST_AUTO_TEST_CASE(a_verified_visit_counts_down_the_thirty_minutes) {
  auto s = call();
  s.channel = "visit";
  s.callerNumber.clear();
  s.verifiedBy = "document";
  s.docKind = "passport";
  s.verifiedAtLocal = "14:02";
  s.validUntilLocal = "14:32";
  s.verifiedSecondsAgo = 0;
  BOOST_TEST(services::verifiedNow(s));
  BOOST_TEST(services::minutesLeft(s) == 30);
  s.verifiedSecondsAgo = 60 * 29 + 1;  // 59 seconds left: still a minute
  BOOST_TEST(services::minutesLeft(s) == 1);
  BOOST_TEST(services::describeInteraction(s) ==
             "Office visit since 14:00 (5 min). Caller verified by an ID document (passport) at 14:02, "
             "valid until 14:32 (1 min left).");
  s.verifiedSecondsAgo = 30 * 60;  // the database's window is open at the end
  BOOST_TEST(!services::verifiedNow(s));
  BOOST_TEST(services::minutesLeft(s) == 0);
  BOOST_TEST(services::describeInteraction(s) ==
             "Office visit since 14:00 (5 min). The verification expired at 14:32: verify the caller again.");
}

BOOST_AUTO_TEST_CASE(method_titles) {
  BOOST_TEST(services::verificationMethodTitle("code_word") == "the code word");
  BOOST_TEST(services::verificationMethodTitle("otp") == "an SMS code");
  BOOST_TEST(services::verificationMethodTitle("document", "id_card") == "an ID document (ID card)");
  BOOST_TEST(services::verificationMethodTitle("document") == "an ID document");
}

BOOST_AUTO_TEST_CASE(the_iccid_is_checked_as_it_is_typed) {
  const std::string payload = "893800698900000123";  // 18 digits
  const std::string valid = payload + std::to_string(Iccid::luhnCheckDigit(payload));
  const std::string wrong = payload + std::to_string((Iccid::luhnCheckDigit(payload) + 1) % 10);
  BOOST_TEST((iccidTyping("").state == IccidTyping::State::Empty));
  BOOST_TEST((iccidTyping("8").state == IccidTyping::State::Incomplete));
  BOOST_TEST((iccidTyping("8938 0069").state == IccidTyping::State::Incomplete));
  BOOST_TEST(iccidTyping("8938 0069").message == "8 of 19 or 20 digits typed.");
  BOOST_TEST((iccidTyping("7").state == IccidTyping::State::Invalid));
  BOOST_TEST((iccidTyping("8938a").state == IccidTyping::State::Invalid));
  const auto ok = iccidTyping(valid.substr(0, 4) + " " + valid.substr(4));
  BOOST_TEST((ok.state == IccidTyping::State::Valid));
  BOOST_TEST(ok.digits == valid);
  const auto bad = iccidTyping(wrong);
  BOOST_TEST((bad.state == IccidTyping::State::Invalid));
  BOOST_TEST(bad.message.find("check digit is wrong") != std::string::npos, bad.message);
  BOOST_TEST((iccidTyping(valid + "12").state == IccidTyping::State::Invalid));
}

BOOST_AUTO_TEST_CASE(every_project_sqlstate_of_the_desk_has_a_sentence) {
  // SD004, SD007 and SD040- are the money operations' own, mapped in error.cpp; SD003
  // keeps the server's "changed by whom and when", in the desk's language.
  for (const char* state : {"SD001", "SD002", "SD005", "SD006", "SD020", "SD021", "SD022",
                            "SD023", "SD024", "SD025", "SD026", "SD027", "SD028", "SD029"}) {
    BOOST_TEST_INFO(state);
    BOOST_TEST(!projectErrorSentence(state, "").empty());
  }
  BOOST_TEST(projectErrorSentence("SD999", "x").empty());
  BOOST_TEST(projectErrorSentence("SD006", "too many failed verification attempts in interaction 3") ==
             "Three wrong answers: the caller can no longer be verified in this interaction.");
}

BOOST_AUTO_TEST_CASE(describe_error_uses_the_sentence_not_the_server_text) {
  const soci::postgresql_soci_error e(
      "ERROR:  no verified interaction with this customer in the last 30 minutes\nHINT: ...", "SD001");
  BOOST_TEST(describeError(e).find("Verify the caller first") == 0u, describeError(e));
  // A code this table does not know keeps the server's first line.
  const soci::postgresql_soci_error other("ERROR:  something new\n", "SD099");
  BOOST_TEST(describeError(other) == "something new");
}

BOOST_AUTO_TEST_CASE(moments_in_kyiv_follow_summer_time) {
  using namespace std::chrono;
  const auto at = [](int y, unsigned m, unsigned d, int h, int min) {
    return sys_seconds{sys_days{year{y} / month{m} / day{d}}} + hours{h} + minutes{min};
  };
  BOOST_TEST(kyivDateTime(at(2026, 11, 27, 3, 56)) == "27.11.2026 05:56");  // winter: UTC+2
  BOOST_TEST(kyivDateTime(at(2026, 7, 1, 21, 30)) == "02.07.2026 00:30");   // summer: UTC+3, next day
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  BOOST_TEST(kyivOffset(at(2026, 3, 29, 0, 59)).count() == 2);
  BOOST_TEST(kyivOffset(at(2026, 3, 29, 1, 0)).count() == 3);
  BOOST_TEST(kyivOffset(at(2026, 10, 25, 0, 59)).count() == 3);
  BOOST_TEST(kyivOffset(at(2026, 10, 25, 1, 0)).count() == 2);
}

BOOST_AUTO_TEST_CASE(the_money_codes_are_left_to_their_owners) {
  BOOST_TEST(projectErrorSentence("SD004", "x").empty());
  BOOST_TEST(projectErrorSentence("SD040", "x").empty());
  BOOST_TEST(projectErrorSentence("SD003", "x").empty());
  // The profile's stale save: who and when, in a translatable sentence (English here).
  BOOST_TEST(projectErrorSentence("SD003", "changed by Оксана Петренко at 14.05.2024 14:02 — reload") ==
             "changed by Оксана Петренко at 14.05.2024 14:02 — reload");
}
