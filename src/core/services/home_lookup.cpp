#include "core/services/home_lookup.h"

namespace subdesk::services {

std::optional<HomeKey> findHome(soci::session& sql, const std::string& key) {
  HomeKey k;
  long long home = 0, account = 0, customer = 0;
  const std::string lowered = [&] {
    std::string s = key;
    for (auto& ch : s) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    return s;
  }();
  const std::string upper = [&] {
    std::string s = key;
    for (auto& ch : s) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    return s;
  }();
  sql << "SELECT h.id, a.id, a.customer_id, h.login, a.number FROM home_internet h "
         "JOIN account a ON a.id = h.account_id LEFT JOIN contract c ON c.id = h.contract_id "
         "WHERE h.login = :l OR a.number = :a OR c.number = :c ORDER BY h.id LIMIT 1",
      soci::use(lowered), soci::use(key), soci::use(upper), soci::into(home), soci::into(account),
      soci::into(customer), soci::into(k.login), soci::into(k.accountNumber);
  if (!sql.got_data()) return std::nullopt;
  k.homeInternetId = home;
  k.accountId = account;
  k.customerId = customer;
  return k;
}

}  // namespace subdesk::services
