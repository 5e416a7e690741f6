#include "core/db/session_pool.h"

#include <algorithm>

#include "core/db/connection.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::db {

SessionPool::SessionPool(const std::string& conninfo, std::size_t size)
    : size_(std::max<std::size_t>(size, 1)), pool_(size_) {
  for (std::size_t i = 0; i < size_; ++i) {
    openInto(pool_.at(i), conninfo);
  }
  tls_ = db::usesTls(pool_.at(0));
}

SessionPool::~SessionPool() = default;

SessionPool::Lease SessionPool::lease(int timeoutMs) {
  if (closed()) throw UserError(tr("You are signed out; sign in again to continue."), "signed_out");
  std::size_t pos = 0;
  if (!pool_.try_lease(pos, timeoutMs)) {
    throw UserError(tr("The desk is busy with other work; try again in a moment."), "pool_busy");
  }
  if (closed()) {
    pool_.give_back(pos);
    throw UserError(tr("You are signed out; sign in again to continue."), "signed_out");
  }
  return Lease(this, pos);
}

void SessionPool::giveBack(std::size_t pos) {
  // A session given back after sign-out is closed instead of waiting for the next job.
  if (closed()) pool_.at(pos).close();
  pool_.give_back(pos);
}

void SessionPool::close() {
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    closed_ = true;
  }
  // Take every idle session and close it; the leased ones close in giveBack().
  std::size_t pos = 0;
  while (pool_.try_lease(pos, 0)) {
    pool_.at(pos).close();
    // Not given back: nothing may lease it any more.
  }
}

bool SessionPool::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

SessionPool::Lease::Lease(SessionPool* pool, std::size_t pos)
    : pool_(pool), pos_(pos), session_(&pool->pool_.at(pos)) {}

SessionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), pos_(other.pos_), session_(other.session_) {
  other.pool_ = nullptr;
}

SessionPool::Lease::~Lease() {
  if (pool_) pool_->giveBack(pos_);
}

}  // namespace subdesk::db
