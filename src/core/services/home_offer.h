#pragma once
// What one home-internet login is subscribed to: its tariff with the turbo prices, for
// the desk's turbo dialog (the card shows the tariff's name and speed, not its prices).
#include <cstdint>
#include <optional>

#include <soci/soci.h>

#include "core/services/home_contract_signing.h"

namespace subdesk::services {

// The tariff of this home internet, or nothing when there is no such home internet.
std::optional<HomeTariff> homeTariffOf(soci::session& sql, std::int64_t homeInternetId);

}  // namespace subdesk::services
