#include "core/db/query_canceller.h"

#include <libpq-fe.h>

#include "core/db/connection.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::db {

QueryCanceller::~QueryCanceller() {
  if (handle_) PQfreeCancel(handle_);
}

void QueryCanceller::cancel() {
  std::lock_guard lock(mutex_);
  cancelled_ = true;
  if (handle_) {
    char error[256];
    PQcancel(handle_, error, sizeof error);  // best effort: the statement may have just ended
  }
}

bool QueryCanceller::cancelled() const {
  std::lock_guard lock(mutex_);
  return cancelled_;
}

QueryCanceller::Attached::Attached(QueryCanceller& canceller, soci::session& sql) : canceller_(canceller) {
  std::lock_guard lock(canceller_.mutex_);
  if (canceller_.cancelled_) throw UserError(tr("Cancelled."), "57014");
  canceller_.handle_ = PQgetCancel(nativeConnection(sql));
}

QueryCanceller::Attached::~Attached() {
  std::lock_guard lock(canceller_.mutex_);
  if (canceller_.handle_) PQfreeCancel(canceller_.handle_);
  canceller_.handle_ = nullptr;
}

}  // namespace subdesk::db
