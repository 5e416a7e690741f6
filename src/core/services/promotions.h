#pragma once
// Promotions of a line (issue 7; promotion_offers(), promotion_join() and
// promotion_leave() of migration 0027): those it may join today (running, meant for its
// tariff, not joined yet), its open enrolments for the card, joining (SD047 when not
// eligible or already in it) and leaving (SD053 when not in it). Audited by the database.
#include <cstdint>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

struct PromotionOffer {
  int id = 0;
  std::string code, nameUk, nameEn;
  std::string startsOn, endsOn;  // YYYY-MM-DD; endsOn empty: open-ended
  std::string descriptionUk, descriptionEn;
};

struct PromotionEnrolment {
  std::int64_t id = 0;  // promotion_enrollment id
  int promotionId = 0;
  std::string code, nameUk, nameEn;
  std::string joinedAt;  // "YYYY-MM-DD HH:MM", Kyiv
  std::string endsOn;    // the promotion's last day, empty: open-ended
};

class Promotions {
 public:
  explicit Promotions(soci::session& sql) : sql_(sql) {}

  std::vector<PromotionOffer> offers(std::int64_t lineId);
  // The line's open enrolments, oldest first (the card shows them).
  std::vector<PromotionEnrolment> enrolments(std::int64_t lineId);
  // The promotion with this code; throws UserError when there is none.
  int idOf(const std::string& code);
  // Returns the enrolment id.
  std::int64_t join(std::int64_t lineId, int promotionId);
  void leave(std::int64_t lineId, int promotionId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
