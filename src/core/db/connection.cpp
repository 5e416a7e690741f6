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

UserError connectionError(const std::string& msg) {
  auto has = [&msg](const char* text) { return msg.find(text) != std::string::npos; };
  if (has("password authentication failed")) {
    return UserError(tr("Wrong login or password."), "28P01");
  }
  if (has("is not permitted to log in")) {
    return UserError(tr("This login is locked. Ask your supervisor or administrator to unlock it."),
                     "login_locked");
  }
  // pg_hba.conf lets this login in only over TLS ("hostssl"), and the profile asked for an
  // unencrypted connection (sslmode=disable).
  if ((has("no pg_hba.conf entry") || has("pg_hba.conf rejects connection")) &&
      (has("no encryption") || has("SSL off"))) {
    return UserError(tr("The server accepts only encrypted (TLS) connections. Set sslmode=require "
                        "or sslmode=verify-full in this server profile."),
                     "tls_required");
  }
  if (has("server does not support SSL")) {
    return UserError(tr("This server profile requires an encrypted (TLS) connection, but the "
                        "server does not offer one. Ask your administrator."),
                     "tls_unavailable");
  }
  if (has("certificate verify failed") || has("server certificate") || has("root certificate")) {
    return UserError(format(tr("The server's TLS certificate could not be verified: {0}"), {msg}),
                     "tls_failed");
  }
  if (has("Connection refused") || has("No such file or directory") ||
      has("could not translate host name") || has("timeout expired") ||
      has("Network is unreachable") || has("No route to host")) {
    return UserError(tr("The database server is not reachable. Check the server address "
                        "and that the server is running."),
                     "08001");
  }
  if (has("does not exist") && has("database")) {
    return UserError(format(tr("The database does not exist: {0}"), {msg}), "3D000");
  }
  if (has("too many connections")) {
    return UserError(tr("The server has no free connections now. Try again in a minute."), "53300");
  }
  return UserError(format(tr("Cannot connect to the database: {0}"), {msg}), "08001");
}

void openInto(soci::session& sql, const std::string& conninfo) {
  try {
    sql.open(soci::postgresql, conninfo);
  } catch (const soci::soci_error& e) {
    throw connectionError(e.get_error_message());
  }
  PQsetNoticeProcessor(nativeConnection(sql), ignoreNotice, nullptr);
}

std::unique_ptr<soci::session> connect(const std::string& conninfo) {
  auto sql = std::make_unique<soci::session>();
  openInto(*sql, conninfo);
  return sql;
}

bool usesTls(soci::session& sql) {
  return PQsslInUse(nativeConnection(sql)) == 1;
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
