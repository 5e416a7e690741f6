#pragma once
// Streams the rows of a query in batches through a server-side cursor (DECLARE ... NO
// SCROLL CURSOR, FETCH n), so memory stays flat however many rows there are: SOCI's rowset
// would hold the whole result in libpq. Values come as text (PostgreSQL's text output),
// parameters are bound ($1, $2, ...), never spliced into the query.
//
// Needs an open transaction on the session (ReadSnapshot below); one cursor at a time
// per session.
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
            int batch = 20000);
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
