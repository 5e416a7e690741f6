#include "core/db/migrator.h"

#include <algorithm>
#include <map>

#include <openssl/evp.h>

#include "core/db/connection.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::db {


Migrator::Migrator(std::vector<MigrationSource> migrations) : migrations_(std::move(migrations)) {
  std::sort(migrations_.begin(), migrations_.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
}

std::string Migrator::checksum(const std::string& sql) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(sql.data(), sql.size(), digest, &length, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

void Migrator::ensureTable(soci::session& sql) {
  executeScript(sql,
                "CREATE TABLE IF NOT EXISTS public.schema_migration ("
                " name text PRIMARY KEY,"
                " checksum text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now(),"
                " applied_by text NOT NULL DEFAULT session_user)");
}

std::vector<std::string> Migrator::migrate(soci::session& sql,
                                           const std::function<void(const std::string&)>& progress) {
  ensureTable(sql);
  // Two migrators on one database wait for each other instead of colliding.
  executeScript(sql, "SELECT pg_advisory_lock(7310441)");
  struct Unlock {
    soci::session& sql;
    ~Unlock() {
      try {
        executeScript(sql, "SELECT pg_advisory_unlock(7310441)");
      } catch (...) {
      }
    }
  } unlock{sql};

  std::map<std::string, std::string> applied;
  {
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT name, checksum FROM public.schema_migration");
    for (const auto& r : rows) applied[r.get<std::string>(0)] = r.get<std::string>(1);
  }
  std::vector<std::string> done;
  for (const auto& m : migrations_) {
    const std::string sum = checksum(m.sql);
    if (auto it = applied.find(m.name); it != applied.end()) {
      if (it->second != sum) {
        throw UserError(format(tr("Migration {0} was changed after it had been applied to this "
                                  "database. Applied migrations must never change: restore the "
                                  "file and put the change into a new migration."),
                               {m.name}),
                        "migration_changed");
      }
      continue;
    }
    if (progress) progress(m.name);
    soci::transaction tx(sql);
    try {
      executeScript(sql, m.sql);
      // Migrations may SET LOCAL ROLE subdesk_owner; the bookkeeping is the migrator's.
      executeScript(sql, "RESET ROLE");
    } catch (const std::exception& e) {
      throw UserError(format(tr("Migration {0} failed: {1}"), {m.name, e.what()}), sqlState(e));
    }
    std::string name = m.name;
    std::string sumCopy = sum;
    sql << "INSERT INTO public.schema_migration(name, checksum) VALUES (:n, :c)", soci::use(name),
        soci::use(sumCopy);
    tx.commit();
    done.push_back(m.name);
  }
  return done;
}

std::vector<MigrationStatus> Migrator::status(soci::session& sql) {
  ensureTable(sql);
  std::map<std::string, std::string> applied;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT name, checksum FROM public.schema_migration");
  for (const auto& r : rows) applied[r.get<std::string>(0)] = r.get<std::string>(1);
  std::vector<MigrationStatus> out;
  for (const auto& m : migrations_) out.push_back({m.name, applied.contains(m.name)});
  return out;
}

}  // namespace subdesk::db
