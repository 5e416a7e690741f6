#pragma once
// Applies db/migrations in order, each in its own transaction, recording name and
// SHA-256 checksum in schema_migration. A migration that changed after it was applied
// is refused: write a new one instead.
#include <functional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/db/embedded_migrations.h"

namespace subdesk::db {

struct MigrationStatus {
  std::string name;
  bool applied = false;
};

class Migrator {
 public:
  explicit Migrator(std::vector<MigrationSource> migrations = embeddedMigrations());

  // Applies what is pending; returns the names applied. Serialised between concurrent
  // migrators by an advisory lock. Throws UserError (code "migration_changed") when an
  // applied migration's checksum differs.
  std::vector<std::string> migrate(soci::session& sql,
                                   const std::function<void(const std::string&)>& progress = {});

  std::vector<MigrationStatus> status(soci::session& sql);

  static std::string checksum(const std::string& sql);

 private:
  void ensureTable(soci::session& sql);
  std::vector<MigrationSource> migrations_;
};

}  // namespace subdesk::db
