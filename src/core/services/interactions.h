#pragma once
// A call or an office visit: staff act on a subscriber's behalf within one (migration
// 0010). The desk opens one when a call pops up (screen pop) or when the agent starts
// working on a card, attaches the customer once found, verifies the caller, and closes it
// with a wrap-up note. The database does the checking; this class only calls it.
//
//   Interactions in(sql);
//   auto id = in.open(Channel::Call, "+380671234567", customerId);
//   in.verify(id, VerifyMethod::CodeWord, "соняшник");
//   in.close(id, "tariff explained");
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

enum class Channel { Call, Visit };
enum class VerifyMethod { Otp, Document, CodeWord };

struct InteractionInfo {
  std::int64_t id = 0;
  std::string channel;       // call | visit
  std::string callerNumber;  // E.164, empty for a visit
  std::int64_t customerId = 0;  // 0: not known yet
  std::string verifiedBy;    // otp | document | code_word, or empty
  std::string verifiedAt, openedAt;  // ISO, Europe/Kyiv
};

class Interactions {
 public:
  explicit Interactions(soci::session& sql) : sql_(sql) {}

  // Opens an interaction of the signed-in staff member; callerE164 may be empty, and the
  // customer 0 until the caller is found. Returns its id.
  std::int64_t open(Channel channel, const std::string& callerE164, std::int64_t customerId);
  // The caller is (or speaks for) this customer; verification of another one is void.
  void attachCustomer(std::int64_t interactionId, std::int64_t customerId);
  // True: verified now. False: a wrong answer (counted; three close the door).
  bool verify(std::int64_t interactionId, VerifyMethod method, const std::string& answer,
              const std::string& docKind = {});
  // Needs a wrap-up note (the database refuses an empty one, SD005).
  void close(std::int64_t interactionId, const std::string& wrapUp);
  // The signed-in staff member's open interactions, newest first.
  std::vector<InteractionInfo> openOnes();

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
