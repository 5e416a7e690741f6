#pragma once
// Streams rows into one table with COPY ... FROM STDIN in PostgreSQL's text format, through
// libpq's COPY API. Rows are collected in a buffer of about 1 MB and handed to
// PQputCopyData in one piece: one call per row would spend more time in libpq than the
// server spends storing the row.
#include <cstdint>
#include <string>
#include <string_view>

typedef struct pg_conn PGconn;

namespace subdesk::demo {

class CopyWriter {
 public:
  // Starts COPY table (columns) FROM STDIN; the connection must not be in a COPY already.
  CopyWriter(PGconn* conn, std::string_view table, std::string_view columns);
  // Aborts an unfinished COPY (an exception left the stage), so that the session can roll
  // back; never throws.
  ~CopyWriter();
  CopyWriter(const CopyWriter&) = delete;
  CopyWriter& operator=(const CopyWriter&) = delete;

  // Fields, in the order of the column list; endRow() after the last one of a row.
  CopyWriter& text(std::string_view value);  // escapes \t \n \r and backslash
  CopyWriter& raw(std::string_view value);   // a value known to need no escaping
  CopyWriter& integer(std::int64_t value);
  CopyWriter& digits(std::uint64_t value, int width);  // zero-padded to width
  CopyWriter& boolean(bool value);
  CopyWriter& null();
  CopyWriter& date(std::int64_t day);           // days since the epoch
  CopyWriter& timestamp(std::int64_t seconds);  // seconds since the epoch, UTC
  // Optional values: NULL when negative (days, seconds, counts never are in this data).
  CopyWriter& dateOrNull(std::int64_t day) { return day < 0 ? null() : date(day); }
  CopyWriter& timestampOrNull(std::int64_t s) { return s < 0 ? null() : timestamp(s); }
  CopyWriter& integerOrNull(std::int64_t v) { return v < 0 ? null() : integer(v); }
  void endRow();

  // Sends the rest and ends the COPY; throws with the server's message and SQLSTATE when
  // the server refused a row. Returns the number of rows stored.
  std::int64_t finish();
  std::int64_t rows() const { return rows_; }

 private:
  void separator();
  void flush();

  PGconn* conn_;
  std::string table_;
  std::string buffer_;
  std::int64_t rows_ = 0;
  bool rowStarted_ = false;
  bool active_ = false;
};

}  // namespace subdesk::demo
