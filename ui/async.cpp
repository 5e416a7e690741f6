#include "async.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <wx/app.h>

namespace subdesk::ui {
namespace {

// Workers are detached (a login attempt may wait for a network timeout, and the person
// must be able to close the window meanwhile), so the application counts them instead.
struct Gate {
  std::mutex mutex;
  std::condition_variable idle;
  int running = 0;
  bool open = true;
};

Gate& gate() {
  // Leaked on purpose: a worker still finishing after main() returned must find it alive.
  static auto* g = new Gate;
  return *g;
}

}  // namespace

namespace detail {

void startWorker(std::move_only_function<void()> job) {
  {
    std::lock_guard lock(gate().mutex);
    ++gate().running;
  }
  std::thread([job = std::move(job)]() mutable {
    // The job and everything it holds is gone before the worker counts itself out.
    job();
    job = nullptr;
    std::lock_guard lock(gate().mutex);
    if (--gate().running == 0) gate().idle.notify_all();
  }).detach();
}

void postToUi(std::function<void()> continuation) {
  std::unique_lock lock(gate().mutex);
  if (!gate().open || !wxTheApp) return;
  wxTheApp->CallAfter(std::move(continuation));
}

}  // namespace detail

bool shutdownAsync(int graceMs) {
  std::unique_lock lock(gate().mutex);
  gate().open = false;
  return gate().idle.wait_for(lock, std::chrono::milliseconds(graceMs),
                              [] { return gate().running == 0; });
}

}  // namespace subdesk::ui
