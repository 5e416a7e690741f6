#pragma once
// Streams the rows of a query one at a time with libpq's single-row mode, so memory stays
// flat however many rows there are: SOCI's rowset would hold the whole result in libpq.
// (It used a server-side cursor, DECLARE ... FETCH n, until the CSV benchmark showed that
// PostgreSQL never runs a cursor's query with parallel workers: bench/README.md.) Values
// come as text (PostgreSQL's text output), parameters are bound ($1, $2, ...), never
// spliced into the query.
//
// While rows are being read the session runs nothing else: read to the end (next() false)
// or destroy the cursor (which cancels the rest) before the next statement. Read inside a
// ReadSnapshot when several statements must see one snapshot.
//
//   db::ReadSnapshot snapshot(sql);
//   db::RowCursor rows(sql, "SELECT a, b FROM t WHERE d >= $1", {"2026-01-01"});
//   while (rows.next()) use(rows.text(0), rows.isNull(1));
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

typedef struct pg_result PGresult;

namespace subdesk::db {

// A REPEATABLE READ READ ONLY transaction for reading a consistent snapshot; ended
// (COMMIT) by the destructor. Works on a streaming replica too.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(soci::session& sql);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  soci::session& sql_;
};

class RowCursor {
 public:
  RowCursor(soci::session& sql, const std::string& query, const std::vector<std::optional<std::string>>& params,
            int batch = 20000);  // batch: kept for callers; rows now come one by one
  ~RowCursor();  // closes the cursor; never throws
  RowCursor(const RowCursor&) = delete;
  RowCursor& operator=(const RowCursor&) = delete;

  // Moves to the next row; false after the last one.
  bool next();
  int columns() const { return columns_; }
  bool isNull(int column) const;
  std::string_view text(int column) const;  // "" for NULL
  std::int64_t rowsRead() const { return read_; }

 private:
  void fetch();

  soci::session& sql_;
  PGresult* batch_ = nullptr;
  int batchSize_;
  int rowInBatch_ = -1;
  int rowsInBatch_ = 0;
  int columns_ = 0;
  bool done_ = false;
  std::int64_t read_ = 0;
};

}  // namespace subdesk::db
