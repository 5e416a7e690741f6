#pragma once
// Connecting and disconnecting add-on services of a line (issue 7; service_connect() and
// service_disconnect() of migration 0025): catalogue with monthly fees, mutually
// exclusive groups (SD046), dated start and end (the end day included).
#include <cstdint>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

struct CatalogueService {
  int id = 0;
  std::string code, nameUk, nameEn, exclusiveGroup;
  std::int64_t monthlyFee = 0;
};

struct LineServiceItem {
  std::int64_t id = 0;  // line_service id
  std::string code, nameUk, nameEn, exclusiveGroup;
  std::int64_t monthlyFee = 0;
  std::string startsOn, endsOn;  // YYYY-MM-DD; endsOn empty: open-ended
};

class LineServices {
 public:
  explicit LineServices(soci::session& sql) : sql_(sql) {}

  std::vector<CatalogueService> catalogue();  // active mobile services
  // Connected today or later, by start day.
  std::vector<LineServiceItem> connected(std::int64_t lineId);
  // startsOn empty: today; endsOn empty: open-ended. Returns the line_service id.
  std::int64_t connect(std::int64_t lineId, int serviceId, const std::string& startsOn = {},
                       const std::string& endsOn = {});
  // lastDay empty: today.
  void disconnect(std::int64_t lineServiceId, const std::string& lastDay = {});

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
