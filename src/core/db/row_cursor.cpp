#include "core/db/row_cursor.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include "core/db/connection.h"

namespace subdesk::db {
namespace {

constexpr const char* kCursorName = "subdesk_rows";

// Throws the server's error with its SQLSTATE when `res` is not `expected`; frees it then.
PGresult* checked(PGconn* conn, PGresult* res, ExecStatusType expected) {
  if (PQresultStatus(res) == expected) return res;
  const char* field = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  const std::string state = field ? field : "XX000";
  std::string message = PQresultErrorMessage(res);
  if (message.empty()) message = PQerrorMessage(conn);
  PQclear(res);
  throw soci::postgresql_soci_error(message, state.c_str());
}

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
  PGconn* conn = nativeConnection(sql_);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  const std::string declare = std::string("DECLARE ") + kCursorName + " NO SCROLL CURSOR FOR " + query;
  PQclear(checked(conn,
                  PQexecParams(conn, declare.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0),
                  PGRES_COMMAND_OK));
}

RowCursor::~RowCursor() {
  if (batch_) PQclear(batch_);
  PGconn* conn = nativeConnection(sql_);
  if (PQtransactionStatus(conn) == PQTRANS_INTRANS) {
    PQclear(PQexec(conn, (std::string("CLOSE ") + kCursorName).c_str()));
  }
}

void RowCursor::fetch() {
  if (batch_) {
    PQclear(batch_);
    batch_ = nullptr;
  }
  PGconn* conn = nativeConnection(sql_);
  const std::string q = "FETCH FORWARD " + std::to_string(batchSize_) + " FROM " + kCursorName;
  batch_ = checked(conn, PQexec(conn, q.c_str()), PGRES_TUPLES_OK);
  rowsInBatch_ = PQntuples(batch_);
  columns_ = PQnfields(batch_);
  rowInBatch_ = 0;
  if (rowsInBatch_ == 0) done_ = true;
}

bool RowCursor::next() {
  if (done_) return false;
  if (!batch_ || rowInBatch_ + 1 >= rowsInBatch_) {
    // A short batch was the last one: no need to ask again.
    if (batch_ && rowsInBatch_ < batchSize_) {
      done_ = true;
      return false;
    }
    fetch();
    if (done_) return false;
  } else {
    ++rowInBatch_;
  }
  ++read_;
  return true;
}

bool RowCursor::isNull(int column) const { return PQgetisnull(batch_, rowInBatch_, column) == 1; }

std::string_view RowCursor::text(int column) const {
  return std::string_view(PQgetvalue(batch_, rowInBatch_, column),
                          static_cast<std::size_t>(PQgetlength(batch_, rowInBatch_, column)));
}

}  // namespace subdesk::db
