#include "core/services/line_services.h"

#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::vector<CatalogueService> LineServices::catalogue() {
  std::vector<CatalogueService> out;
  card_sql::eachRow(sql_,
                    "SELECT id, code, name_uk, name_en, coalesce(exclusive_group, ''), monthly_fee FROM service "
                    "WHERE active AND kind = 'mobile' ORDER BY code",
                    [&](const soci::row& r) {
                      using namespace card_sql;
                      out.push_back({static_cast<int>(i64(r, 0)), str(r, 1), str(r, 2), str(r, 3), str(r, 4), i64(r, 5)});
                    });
  return out;
}

std::vector<LineServiceItem> LineServices::connected(std::int64_t lineId) {
  std::vector<LineServiceItem> out;
  const long long line = lineId;
  card_sql::eachRow(sql_,
                    "SELECT ls.id, s.code, s.name_uk, s.name_en, coalesce(s.exclusive_group, ''), s.monthly_fee, "
                    "CAST(ls.starts_on AS text), CAST(ls.ends_on AS text) FROM line_service ls "
                    "JOIN service s ON s.id = ls.service_id WHERE ls.line_id = :l "
                    "AND (ls.ends_on IS NULL OR ls.ends_on >= kyiv_today()) ORDER BY ls.starts_on, s.code",
                    [&](const soci::row& r) {
                      using namespace card_sql;
                      out.push_back({i64(r, 0), str(r, 1), str(r, 2), str(r, 3), str(r, 4), i64(r, 5), str(r, 6),
                                     str(r, 7)});
                    },
                    soci::use(line));
  return out;
}

std::int64_t LineServices::connect(std::int64_t lineId, int serviceId, const std::string& startsOn,
                                   const std::string& endsOn) {
  const long long line = lineId;
  soci::indicator si = startsOn.empty() ? soci::i_null : soci::i_ok, ei = endsOn.empty() ? soci::i_null : soci::i_ok;
  long long id = 0;
  refusingClosedAccount(tr("This line or its account is closed: no service can be connected."), [&] {
    sql_ << "SELECT service_connect(:l, :s, CAST(:a AS date), CAST(:b AS date))", soci::use(line),
        soci::use(serviceId), soci::use(startsOn, si), soci::use(endsOn, ei), soci::into(id);
  });
  return id;
}

void LineServices::disconnect(std::int64_t lineServiceId, const std::string& lastDay) {
  const long long id = lineServiceId;
  soci::indicator di = lastDay.empty() ? soci::i_null : soci::i_ok;
  sql_ << "SELECT service_disconnect(:id, CAST(:d AS date))", soci::use(id), soci::use(lastDay, di);
}

}  // namespace subdesk::services
