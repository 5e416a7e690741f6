#pragma once
// The desk's connections: a few sessions of one staff login, opened together at sign-in
// and shared by the worker threads (a soci::session is not thread-safe, so each worker
// leases one for the length of its job). Signing out closes every one of them.
//
//   auto pool = std::make_shared<SessionPool>(conninfo, 3);
//   runAsync(this, [pool] { auto sql = pool->lease(); return Lookup(*sql).find(q); }, ...);
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include <soci/connection-pool.h>
#include <soci/soci.h>

namespace subdesk::db {

class SessionPool {
 public:
  // Opens `size` sessions (at least one) with `conninfo`; throws UserError (see
  // db::connect) if the server refuses. The connection string, which may hold the
  // password, is not kept.
  SessionPool(const std::string& conninfo, std::size_t size);
  ~SessionPool();
  SessionPool(const SessionPool&) = delete;
  SessionPool& operator=(const SessionPool&) = delete;

  // A session for one job, given back when the lease ends.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    soci::session& operator*() const { return *session_; }
    soci::session* operator->() const { return session_; }

   private:
    friend class SessionPool;
    Lease(SessionPool* pool, std::size_t pos);
    SessionPool* pool_;
    std::size_t pos_;
    soci::session* session_;
  };

  // Waits for a free session. Throws UserError once the pool is closed (signed out), or
  // when no session frees up within `timeoutMs`.
  Lease lease(int timeoutMs = 30000);

  // Closes every session: the idle ones now, the leased ones as they are given back.
  // Leasing fails from then on.
  void close();
  bool closed() const;

  std::size_t size() const { return size_; }
  // Whether the sessions are encrypted (TLS), as negotiated at sign-in.
  bool usesTls() const { return tls_; }

 private:
  void giveBack(std::size_t pos);

  std::size_t size_;
  soci::connection_pool pool_;
  mutable std::mutex mutex_;
  bool closed_ = false;
  bool tls_ = false;
};

}  // namespace subdesk::db
