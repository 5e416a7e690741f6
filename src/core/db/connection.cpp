#include "core/db/connection.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::db {

namespace {
// Server notices ("relation already exists, skipping") are not for the person at the
// desk, and libpq would print them to stderr.
void ignoreNotice(void*, const char*) {}
}  // namespace

std::unique_ptr<soci::session> connect(const std::string& conninfo) {
  try {
    auto sql = std::make_unique<soci::session>(soci::postgresql, conninfo);
    PQsetNoticeProcessor(nativeConnection(*sql), ignoreNotice, nullptr);
    return sql;
  } catch (const soci::soci_error& e) {
    const std::string msg = e.get_error_message();
    if (msg.find("password authentication failed") != std::string::npos) {
      throw UserError(tr("Wrong login or password."), "28P01");
    }
    if (msg.find("is not permitted to log in") != std::string::npos) {
      throw UserError(tr("This login is locked. Ask your supervisor or administrator to unlock it."),
                      "login_locked");
    }
    if (msg.find("Connection refused") != std::string::npos ||
        msg.find("No such file or directory") != std::string::npos ||
        msg.find("could not translate host name") != std::string::npos ||
        msg.find("timeout expired") != std::string::npos) {
      throw UserError(tr("The database server is not reachable. Check the server address "
                         "and that the server is running."),
                      "08001");
    }
    if (msg.find("does not exist") != std::string::npos && msg.find("database") != std::string::npos) {
      throw UserError(format(tr("The database does not exist: {0}"), {msg}), "3D000");
    }
    throw UserError(format(tr("Cannot connect to the database: {0}"), {msg}), "08001");
  }
}

PGconn* nativeConnection(soci::session& sql) {
  // Every session of subdesk is opened with the PostgreSQL backend (see connect());
  // SOCI does not export the backend's typeinfo, so dynamic_cast is not available.
  if (sql.get_backend_name() != "postgresql") throw std::logic_error("not a PostgreSQL session");
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  return backend->conn_;
}

void executeScript(soci::session& sql, const std::string& script) {
  PGconn* conn = nativeConnection(sql);
  PGresult* res = PQexec(conn, script.c_str());
  const auto status = PQresultStatus(res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    // Copied before PQclear frees the result they point into.
    const char* field = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    const std::string state = field ? field : "XX000";
    std::string message = PQresultErrorMessage(res);
    if (message.empty()) message = PQerrorMessage(conn);
    PQclear(res);
    throw soci::postgresql_soci_error(message, state.c_str());
  }
  PQclear(res);
}

std::string quoteConninfoValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace subdesk::db
