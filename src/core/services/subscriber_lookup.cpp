#include "core/services/subscriber_lookup.h"

#include <algorithm>

#include "core/domain/account_number.h"
#include "core/domain/msisdn.h"

namespace subdesk::services {
namespace {

constexpr const char* kSelect =
    "SELECT c.id, a.id, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, ''), "
    "a.number, a.kind, coalesce(l.msisdn, ''), coalesce(l.status, a.status) "
    "FROM customer c JOIN account a ON a.customer_id = c.id "
    "LEFT JOIN line l ON l.account_id = a.id AND l.status <> 'closed' ";

std::string escapeLike(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

bool hasLetter(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0 || std::isalpha(static_cast<unsigned char>(c));
  });
}

}  // namespace

QueryKind SubscriberLookup::classify(const std::string& query) {
  if (query.find_first_not_of(" \t") == std::string::npos) return QueryKind::Empty;
  if (Msisdn::parse(query)) return QueryKind::Msisdn;
  if (AccountNumber::parse(query)) return QueryKind::Account;
  return hasLetter(query) ? QueryKind::Name : QueryKind::Empty;
}

std::vector<SubscriberHit> SubscriberLookup::find(const std::string& query, int limit) {
  std::string key;
  std::string sql = kSelect;
  switch (classify(query)) {
    case QueryKind::Empty:
      return {};
    case QueryKind::Msisdn:
      key = Msisdn::parse(query)->e164();
      sql += "WHERE l.msisdn = :key";
      break;
    case QueryKind::Account:
      key = AccountNumber::parse(query)->digits();
      sql += "WHERE a.number = :key";
      break;
    case QueryKind::Name:
      key = escapeLike(query.substr(0, 200));
      sql += "WHERE c.search_name LIKE normalize_name(:key) || '%'";
      break;
  }
  sql += " ORDER BY c.search_name, a.number LIMIT :lim";
  std::vector<SubscriberHit> hits;
  soci::rowset<soci::row> rows = (sql_.prepare << sql, soci::use(key, "key"), soci::use(limit, "lim"));
  for (const auto& r : rows) {
    hits.push_back({r.get<long long>(0), r.get<long long>(1), r.get<std::string>(2), r.get<std::string>(3),
                    r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6)});
  }
  return hits;
}

}  // namespace subdesk::services
