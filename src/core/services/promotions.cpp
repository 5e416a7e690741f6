#include "core/services/promotions.h"

#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::vector<PromotionOffer> Promotions::offers(std::int64_t lineId) {
  std::vector<PromotionOffer> out;
  const long long line = lineId;
  card_sql::eachRow(
      sql_,
      "SELECT id, code, name_uk, name_en, CAST(starts_on AS text), CAST(ends_on AS text), "
      "description_uk, description_en FROM promotion_offers(:l)",
      [&](const soci::row& r) {
        using namespace card_sql;
        out.push_back({static_cast<int>(i64(r, 0)), str(r, 1), str(r, 2), str(r, 3), str(r, 4), str(r, 5),
                       str(r, 6), str(r, 7)});
      },
      soci::use(line));
  return out;
}

std::vector<PromotionEnrolment> Promotions::enrolments(std::int64_t lineId) {
  std::vector<PromotionEnrolment> out;
  const long long line = lineId;
  card_sql::eachRow(
      sql_,
      "SELECT e.id, p.id, p.code, p.name_uk, p.name_en, "
      "to_char(e.joined_at AT TIME ZONE 'Europe/Kyiv', 'YYYY-MM-DD HH24:MI'), CAST(p.ends_on AS text) "
      "FROM promotion_enrollment e JOIN promotion p ON p.id = e.promotion_id "
      "WHERE e.line_id = :l AND e.left_at IS NULL ORDER BY e.joined_at, e.id",
      [&](const soci::row& r) {
        using namespace card_sql;
        out.push_back(
            {i64(r, 0), static_cast<int>(i64(r, 1)), str(r, 2), str(r, 3), str(r, 4), str(r, 5), str(r, 6)});
      },
      soci::use(line));
  return out;
}

int Promotions::idOf(const std::string& code) {
  int id = 0;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT id FROM promotion WHERE code = :c", soci::use(code), soci::into(id, ind);
  if (!sql_.got_data() || ind == soci::i_null)
    throw UserError(format(tr("No promotion has the code {0}."), {code}), "usage");
  return id;
}

std::int64_t Promotions::join(std::int64_t lineId, int promotionId) {
  const long long line = lineId;
  long long id = 0;
  sql_ << "SELECT promotion_join(:l, :p)", soci::use(line), soci::use(promotionId), soci::into(id);
  return id;
}

void Promotions::leave(std::int64_t lineId, int promotionId) {
  const long long line = lineId;
  sql_ << "SELECT promotion_leave(:l, :p)", soci::use(line), soci::use(promotionId);
}

}  // namespace subdesk::services
