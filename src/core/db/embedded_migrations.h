#pragma once
#include <string>
#include <vector>

namespace subdesk::db {

struct MigrationSource {
  std::string name;  // file name without .sql, e.g. "0001_schema"
  std::string sql;
};

// The migrations of db/migrations/, compiled in, ordered by name.
const std::vector<MigrationSource>& embeddedMigrations();

}  // namespace subdesk::db
