#pragma once
// Moments shown in Europe/Kyiv without a time-zone database (libstdc++ 12 has no
// std::chrono::zoned_time): EET, UTC+2, and EEST, UTC+3, from 01:00 UTC on the last Sunday
// of March to 01:00 UTC on the last Sunday of October (the EU rule Ukraine follows).
#include <chrono>
#include <string>

namespace subdesk {

// The offset from UTC in Kyiv at `t`: 2 or 3 hours.
std::chrono::hours kyivOffset(std::chrono::sys_seconds t);
// "27.11.2026 14:02"
std::string kyivDateTime(std::chrono::sys_seconds t);

}  // namespace subdesk
