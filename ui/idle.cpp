#include "idle.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>

namespace subdesk::ui {
namespace {

using Clock = std::chrono::steady_clock;
std::atomic<Clock::rep> lastActivity{Clock::now().time_since_epoch().count()};

}  // namespace

void noteActivity() {
  lastActivity = Clock::now().time_since_epoch().count();
}

long idleMilliseconds() {
  const auto since = Clock::now() - Clock::time_point(Clock::duration(lastActivity.load()));
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(since).count());
}

long idleLockMs() {
  if (const char* env = std::getenv("SUBDESK_IDLE_LOCK_SECONDS")) {
    const long seconds = std::strtol(env, nullptr, 10);
    if (seconds > 0) return seconds * 1000;
  }
  return 10 * 60 * 1000;
}

int idleCheckIntervalMs() {
  return static_cast<int>(std::clamp(idleLockMs() / 4, 250L, 30000L));
}

}  // namespace subdesk::ui
