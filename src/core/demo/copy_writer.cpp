#include "core/demo/copy_writer.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include <charconv>
#include <string>

#include "core/demo/calendar.h"

namespace subdesk::demo {

namespace {

constexpr std::size_t kFlushAt = 1 << 20;

// Throws the server's error the way db::executeScript does, so that describeError() maps
// its SQLSTATE (a CHECK violation reads "The database refused the data: ...").
[[noreturn]] void throwResult(PGconn* conn, PGresult* res, const std::string& context) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = res ? PQresultErrorMessage(res) : "";
  if (message.empty()) message = PQerrorMessage(conn);
  const std::string sqlstate = state ? state : "XX000";
  if (res) PQclear(res);
  throw soci::postgresql_soci_error(context + ": " + message, sqlstate.c_str());
}

void appendTwo(std::string& out, unsigned v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

void appendDate(std::string& out, std::int64_t day) {
  const CivilDate c = civilFromDays(day);
  char buf[8];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, c.year);
  out.append(buf, end);
  out.push_back('-');
  appendTwo(out, c.month);
  out.push_back('-');
  appendTwo(out, c.day);
}

}  // namespace

CopyWriter::CopyWriter(PGconn* conn, std::string_view table, std::string_view columns)
    : conn_(conn), table_(table) {
  buffer_.reserve(kFlushAt + 4096);
  const std::string command = "COPY " + table_ + " (" + std::string(columns) + ") FROM STDIN";
  PGresult* res = PQexec(conn_, command.c_str());
  if (PQresultStatus(res) != PGRES_COPY_IN) throwResult(conn_, res, "COPY " + table_);
  PQclear(res);
  active_ = true;
}

CopyWriter::~CopyWriter() {
  if (!active_) return;
  PQputCopyEnd(conn_, "demo data generation interrupted");
  while (PGresult* res = PQgetResult(conn_)) PQclear(res);
}

void CopyWriter::separator() {
  if (rowStarted_) buffer_.push_back('\t');
  rowStarted_ = true;
}

CopyWriter& CopyWriter::text(std::string_view value) {
  separator();
  for (char c : value) {
    switch (c) {
      case '\\':
        buffer_ += "\\\\";
        break;
      case '\t':
        buffer_ += "\\t";
        break;
      case '\n':
        buffer_ += "\\n";
        break;
      case '\r':
        buffer_ += "\\r";
        break;
      default:
        buffer_.push_back(c);
    }
  }
  return *this;
}

CopyWriter& CopyWriter::raw(std::string_view value) {
  separator();
  buffer_.append(value);
  return *this;
}

CopyWriter& CopyWriter::integer(std::int64_t value) {
  separator();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  buffer_.append(buf, end);
  return *this;
}

CopyWriter& CopyWriter::digits(std::uint64_t value, int width) {
  separator();
  char buf[24];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  buffer_.append(buf, static_cast<std::size_t>(width));
  return *this;
}

CopyWriter& CopyWriter::boolean(bool value) {
  separator();
  buffer_.push_back(value ? 't' : 'f');
  return *this;
}

CopyWriter& CopyWriter::null() {
  separator();
  buffer_ += "\\N";
  return *this;
}

CopyWriter& CopyWriter::date(std::int64_t day) {
  separator();
  appendDate(buffer_, day);
  return *this;
}

CopyWriter& CopyWriter::timestamp(std::int64_t seconds) {
  separator();
  const std::int64_t day = dayOf(seconds);
  auto rest = static_cast<unsigned>(seconds - day * kSecondsPerDay);
  appendDate(buffer_, day);
  buffer_.push_back(' ');
  appendTwo(buffer_, rest / 3600);
  buffer_.push_back(':');
  appendTwo(buffer_, rest / 60 % 60);
  buffer_.push_back(':');
  appendTwo(buffer_, rest % 60);
  buffer_ += "+00";
  return *this;
}

void CopyWriter::endRow() {
  buffer_.push_back('\n');
  rowStarted_ = false;
  ++rows_;
  if (buffer_.size() >= kFlushAt) flush();
}

void CopyWriter::flush() {
  if (buffer_.empty()) return;
  if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    // The server reports the reason (a refused row) when the COPY is ended.
    active_ = false;
    PQputCopyEnd(conn_, nullptr);
    PGresult* res = PQgetResult(conn_);
    while (PGresult* more = PQgetResult(conn_)) PQclear(more);
    throwResult(conn_, res, "COPY " + table_);
  }
  buffer_.clear();
}

std::int64_t CopyWriter::finish() {
  flush();
  active_ = false;
  if (PQputCopyEnd(conn_, nullptr) != 1) throwResult(conn_, nullptr, "COPY " + table_);
  PGresult* res = PQgetResult(conn_);
  while (PGresult* more = PQgetResult(conn_)) PQclear(more);
  if (PQresultStatus(res) != PGRES_COMMAND_OK) throwResult(conn_, res, "COPY " + table_);
  PQclear(res);
  return rows_;
}

}  // namespace subdesk::demo
