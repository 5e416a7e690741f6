#include "core/services/home_offer.h"

namespace subdesk::services {

std::optional<HomeTariff> homeTariffOf(soci::session& sql, std::int64_t homeInternetId) {
  const long long id = homeInternetId;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT t.code, t.name_uk, t.name_en, coalesce(t.speed_mbps, 0), t.monthly_fee, "
                      "t.turbo_price_1h, t.turbo_price_3h, t.turbo_price_24h "
                      "FROM home_internet h JOIN tariff_plan t ON t.id = h.tariff_id WHERE h.id = :id",
       soci::use(id));
  for (const auto& r : rows) {
    HomeTariff t;
    t.code = r.get<std::string>(0);
    t.nameUk = r.get<std::string>(1);
    t.nameEn = r.get<std::string>(2);
    t.speedMbps = r.get<int>(3);
    t.monthlyFee = r.get<long long>(4);
    if (r.get_indicator(5) == soci::i_ok) t.turbo1h = r.get<long long>(5);
    if (r.get_indicator(6) == soci::i_ok) t.turbo3h = r.get<long long>(6);
    if (r.get_indicator(7) == soci::i_ok) t.turbo24h = r.get<long long>(7);
    return t;
  }
  return std::nullopt;
}

}  // namespace subdesk::services
