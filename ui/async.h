#pragma once
// The one way the desk runs core work off the UI thread:
//
//   runAsync(this, [=] { return service.find(query); },
//            [this](Result r) { show(r); },
//            [this](const std::string& error) { showError(error); });
//
// The work runs on a worker thread; its result or error comes back on the UI thread, to
// the continuation only if `owner` still exists (a wxWeakRef, checked on the UI thread).
// Exceptions are turned into the user's sentence by subdesk::describeError on the worker.
// A soci::session is not thread-safe: the work must use a session no other thread uses
// meanwhile.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include <wx/weakref.h>
#include <wx/window.h>

#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::ui {

namespace detail {

// Starts `job` on a worker thread that the application counts (see shutdownAsync).
void startWorker(std::move_only_function<void()> job);

// Queues `continuation` to the UI thread, unless the application is shutting down (then
// it is dropped on the calling thread).
void postToUi(std::function<void()> continuation);

// What a worker hands back: created on the UI thread (the weak reference must be made,
// read and destroyed there), filled by the worker, finished on the UI thread.
template <typename T, typename Done, typename Fail>
struct Continuation {
  Continuation(wxWindow* owner, Done done, Fail fail)
      : target(owner), onDone(std::move(done)), onError(std::move(fail)) {}

  void finish() {
    if (!target.get()) return;  // the window closed while the work ran
    if (error) {
      onError(*error);
    } else if constexpr (std::is_void_v<T>) {
      onDone();
    } else {
      onDone(std::move(*value));
    }
  }

  wxWeakRef<wxWindow> target;
  Done onDone;
  Fail onError;
  std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> value;
  std::optional<std::string> error;
};

}  // namespace detail

// Runs `work()` on a worker thread, then `onDone(result)` (or `onDone()` for void work)
// or `onError(sentence)` on the UI thread, skipping both if `owner` was destroyed.
template <typename Work, typename Done, typename Fail>
void runAsync(wxWindow* owner, Work work, Done onDone, Fail onError) {
  using T = std::invoke_result_t<Work&>;
  auto state = std::make_shared<detail::Continuation<T, Done, Fail>>(owner, std::move(onDone),
                                                                     std::move(onError));
  detail::startWorker([state = std::move(state), work = std::move(work)]() mutable {
    try {
      if constexpr (std::is_void_v<T>) {
        work();
      } else {
        state->value.emplace(work());
      }
    } catch (const std::exception& e) {
      state->error = describeError(e);
    } catch (...) {
      state->error = tr("Unexpected error.");
    }
    // The worker gives up its reference here, so the state dies on the UI thread.
    detail::postToUi([state = std::move(state)] { state->finish(); });
  });
}

// Called once by the application on exit: no continuation is queued after this, and it
// waits up to `graceMs` for running workers to finish. False if some are still running.
bool shutdownAsync(int graceMs);

}  // namespace subdesk::ui
