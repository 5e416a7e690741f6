// subdesk-cli db migrate | db status
#include <iostream>

#include "cli/command.h"
#include "core/db/migrator.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

class DbMigrate : public Command {
 public:
  std::string name() const override { return "db migrate"; }
  std::string usage() const override { return ""; }
  std::string summary() const override {
    return tr("apply the pending database migrations, each in its own transaction");
  }
  int run(Context& ctx) override {
    auto sql = ctx.connect();
    db::Migrator migrator;
    auto applied = migrator.migrate(*sql, [&](const std::string& name) {
      ctx.out << format(tr("applying {0}"), {name}) << std::endl;
    });
    ctx.out << (applied.empty() ? tr("The database is up to date.")
                                : format(tr("{0} migration(s) applied."), {std::to_string(applied.size())}))
            << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(DbMigrate)

class DbStatus : public Command {
 public:
  std::string name() const override { return "db status"; }
  std::string usage() const override { return ""; }
  std::string summary() const override { return tr("list the migrations and whether each is applied"); }
  int run(Context& ctx) override {
    auto sql = ctx.connect();
    for (const auto& m : db::Migrator().status(*sql)) {
      ctx.out << (m.applied ? "applied  " : "pending  ") << m.name << '\n';
    }
    return 0;
  }
};
SUBDESK_CLI_COMMAND(DbStatus)

}  // namespace
}  // namespace subdesk::cli
