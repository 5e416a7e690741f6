#pragma once
// Cancels a statement running on another thread's session (libpq's PQcancel, made for
// exactly that). The desk's search uses it: typing again cancels the search in flight on
// the server, instead of letting it run to the end for an answer nobody will read.
//
//   auto c = std::make_shared<QueryCanceller>();           // UI thread
//   worker: { auto sql = pool->lease(); QueryCanceller::Attached a(*c, *sql); run(*sql); }
//   UI thread, later: c->cancel();   // the worker's statement fails with SQLSTATE 57014
#include <mutex>

#include <soci/soci.h>

typedef struct pg_cancel PGcancel;

namespace subdesk::db {

class QueryCanceller {
 public:
  QueryCanceller() = default;
  ~QueryCanceller();
  QueryCanceller(const QueryCanceller&) = delete;
  QueryCanceller& operator=(const QueryCanceller&) = delete;

  // Asks the server to cancel what the attached session runs now; once cancelled, a later
  // attach() throws, so a job that had not started yet never starts.
  void cancel();
  bool cancelled() const;

  // While alive, cancel() reaches `sql`'s connection.
  class Attached {
   public:
    Attached(QueryCanceller& canceller, soci::session& sql);
    ~Attached();
    Attached(const Attached&) = delete;
    Attached& operator=(const Attached&) = delete;

   private:
    QueryCanceller& canceller_;
  };

 private:
  mutable std::mutex mutex_;
  PGcancel* handle_ = nullptr;
  bool cancelled_ = false;
};

}  // namespace subdesk::db
