#pragma once
// Opening database sessions. A soci::session is not thread-safe: one per worker thread,
// or leased from a soci::connection_pool.
#include <memory>
#include <string>

#include <soci/soci.h>

#include "core/util/error.h"

typedef struct pg_conn PGconn;

namespace subdesk::db {

// Opens a session on a libpq connection string ("host=... dbname=... user=...").
// libpq's environment variables (PGHOST, PGPORT, ...) and ~/.pgpass apply as usual.
// Throws UserError with a translated sentence when the server refuses or is down.
std::unique_ptr<soci::session> connect(const std::string& conninfo);

// Opens `sql` (a fresh or closed session, e.g. a connection_pool slot) the same way.
void openInto(soci::session& sql, const std::string& conninfo);

// Whether the session's connection is encrypted with TLS.
bool usesTls(soci::session& sql);

// The sentence and code for a refused connection, from libpq's message: wrong password,
// locked login, server down, TLS demanded or unavailable, ... (UserError::code() is the
// SQLSTATE, or "login_locked", "tls_required", "tls_unavailable", "tls_failed").
UserError connectionError(const std::string& libpqMessage);

// The libpq connection under a SOCI session, for what SOCI does not wrap (COPY,
// multi-statement scripts).
PGconn* nativeConnection(soci::session& sql);

// Runs a script of several statements (PQexec), throwing on the first error with its
// SQLSTATE preserved.
void executeScript(soci::session& sql, const std::string& script);

// Quotes a connection-string value for libpq ("it's" -> 'it\'s').
std::string quoteConninfoValue(const std::string& value);

}  // namespace subdesk::db
