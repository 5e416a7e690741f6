#include "core/db/row_cursor.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"

namespace subdesk::db {
namespace {

}  // namespace

ReadSnapshot::ReadSnapshot(soci::session& sql) : sql_(sql) {
  // Every row is read: plan cursors for the whole result, not for the first 10 % of it
  // (cursor_tuple_fraction's default favours fast-start plans that are slower in total).
  executeScript(sql_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL cursor_tuple_fraction = 1.0");
}

ReadSnapshot::~ReadSnapshot() {
  try {
    executeScript(sql_, "COMMIT");
  } catch (...) {  // a broken connection: nothing left to end
  }
}

RowCursor::RowCursor(soci::session& sql, const std::string& query,
                     const std::vector<std::optional<std::string>>& params, int batch)
    : sql_(sql), batchSize_(batch > 0 ? batch : 20000) {
  // libpq's single-row mode: the statement runs to its end like any other (so the
  // planner may use parallel workers, which it never does behind DECLARE CURSOR) and its
  // rows are handed over one PGresult at a time as they arrive: memory stays flat.
  PGconn* conn = nativeConnection(sql_);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  if (!PQsendQueryParams(conn, query.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                         nullptr, 0)) {
    throw soci::postgresql_soci_error(PQerrorMessage(conn), "08006");
  }
  PQsetSingleRowMode(conn);
}

RowCursor::~RowCursor() {
  if (batch_) PQclear(batch_);
  batch_ = nullptr;
  if (done_) return;
  // Left early (cancelled, or an exception): stop the statement and take what is left of
  // its results, so the session can run the next one.
  // Only a statement still sending rows is cancelled: one that has ended (the last row was
  // read but not next()'s false) just has its end taken.
  PGconn* conn = nativeConnection(sql_);
  bool cancelled = false;
  while (PGresult* r = PQgetResult(conn)) {
    if (!cancelled && PQresultStatus(r) == PGRES_SINGLE_TUPLE) {
      cancelled = true;
      if (PGcancel* c = PQgetCancel(conn)) {
        char err[256];
        PQcancel(c, err, sizeof err);
        PQfreeCancel(c);
      }
    }
    PQclear(r);
  }
}

void RowCursor::fetch() {
  if (batch_) {
    PQclear(batch_);
    batch_ = nullptr;
  }
  PGconn* conn = nativeConnection(sql_);
  PGresult* res = PQgetResult(conn);
  if (!res) {
    done_ = true;
    return;
  }
  if (PQresultStatus(res) == PGRES_SINGLE_TUPLE) {
    batch_ = res;
    columns_ = PQnfields(batch_);
    rowInBatch_ = 0;
    rowsInBatch_ = 1;
    return;
  }
  // The end (PGRES_TUPLES_OK with no rows) or an error: take the final NULL too, so the
  // connection is free again, then report the error if it was one.
  done_ = true;
  const bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
  if (ok && columns_ == 0) columns_ = PQnfields(res);
  const char* field = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  const std::string state = field ? field : "XX000";
  std::string message = PQresultErrorMessage(res);
  PQclear(res);
  while (PGresult* r = PQgetResult(conn)) PQclear(r);
  if (!ok) {
    if (message.empty()) message = PQerrorMessage(conn);
    throw soci::postgresql_soci_error(message, state.c_str());
  }
}

bool RowCursor::next() {
  if (done_) return false;
  fetch();
  if (done_) return false;
  ++read_;
  return true;
}

bool RowCursor::isNull(int column) const { return PQgetisnull(batch_, rowInBatch_, column) == 1; }

std::string_view RowCursor::text(int column) const {
  return std::string_view(PQgetvalue(batch_, rowInBatch_, column),
                          static_cast<std::size_t>(PQgetlength(batch_, rowInBatch_, column)));
}

}  // namespace subdesk::db
