#pragma once
// A flag a window sets and a worker polls: long work (exports, bills) stops at the next
// row when the person presses Cancel. Shared by pointer so it outlives whichever side ends
// first.
#include <atomic>
#include <memory>

namespace subdesk {

class CancellationToken {
 public:
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

using CancellationTokenPtr = std::shared_ptr<CancellationToken>;

}  // namespace subdesk
