#pragma once
// Finds a home-internet contract by its login, personal account number or contract number
// (what the CLI takes, and what a customer reads off their contract sheet).
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace subdesk::services {

struct HomeKey {
  std::int64_t homeInternetId = 0, accountId = 0, customerId = 0;
  std::string login, accountNumber;
};

std::optional<HomeKey> findHome(soci::session& sql, const std::string& key);

}  // namespace subdesk::services
