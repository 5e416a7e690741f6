#pragma once
// Finds subscribers by what the agent typed: a mobile number in any Ukrainian format,
// a personal account number, or the beginning of a name (surname first or given name
// first, any apostrophe, any case). The first cut of the search of issue 4; the query
// classifier and fuzzy matching grow here.
#include <cstdint>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

struct SubscriberHit {
  std::int64_t customerId = 0;
  std::int64_t accountId = 0;
  std::string customerName;   // "Коваленко Олена Петрівна"
  std::string accountNumber;  // "123456782"
  std::string accountKind;    // "mobile" | "home"
  std::string msisdn;         // E.164, empty for a home-internet account
  std::string status;         // the line's status, or the account's
};

enum class QueryKind { Msisdn, Account, Name, Empty };

class SubscriberLookup {
 public:
  explicit SubscriberLookup(soci::session& sql) : sql_(sql) {}
  static QueryKind classify(const std::string& query);
  std::vector<SubscriberHit> find(const std::string& query, int limit = 50);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
