// subdesk-cli staff add|list|lock|unlock|passwd|move
#include <iomanip>
#include <iostream>

#include "cli/command.h"
#include "cli/password_input.h"
#include "core/services/staff_administration.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

using services::StaffAdministration;

// The single LOGIN argument of the commands that act on one member of staff.
std::string loginArgument(const Context& ctx) {
  if (ctx.args.size() != 1) throw UserError(tr("Give exactly one login."), "usage");
  return ctx.args.front();
}

class StaffAdd : public Command {
 public:
  std::string name() const override { return "staff add"; }
  std::string usage() const override {
    return "LOGIN --name NAME --group agent|sales|supervisor|admin --office CODE [--valid-until DATE]";
  }
  std::string summary() const override {
    return tr("create a staff login (password read from standard input)");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "name", tr("full name"), "NAME", true);
    addOption(o, "group", tr("agent, sales, supervisor or admin"), "GROUP", true);
    addOption(o, "office", tr("office code"), "CODE", true);
    addOption(o, "valid-until", tr("expiry date, YYYY-MM-DD (default: no expiry)"), "DATE");
  }
  int run(Context& ctx) override {
    services::NewStaff s;
    s.login = loginArgument(ctx);
    s.fullName = ctx.config.getString("cmd.name");
    auto group = services::parseStaffGroup(ctx.config.getString("cmd.group"));
    if (!group) throw UserError(tr("The group must be agent, sales, supervisor or admin."), "usage");
    s.group = *group;
    s.officeCode = ctx.config.getString("cmd.office");
    s.validUntil = ctx.config.getString("cmd.valid-until", "");
    s.password = readPassword(tr("Password for the new login"));
    auto sql = ctx.connect();
    StaffAdministration(*sql).add(s);
    ctx.out << format(tr("Staff login {0} created."), {s.login}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(StaffAdd)

class StaffList : public Command {
 public:
  std::string name() const override { return "staff list"; }
  std::string usage() const override { return ""; }
  std::string summary() const override { return tr("list the staff logins"); }
  int run(Context& ctx) override {
    auto sql = ctx.connect();
    for (const auto& m : StaffAdministration(*sql).list()) {
      ctx.out << std::left << std::setw(22) << m.login << std::setw(20) << services::groupRoleName(m.group)
              << std::setw(10) << m.officeCode << std::setw(12) << (m.validUntil.empty() ? "-" : m.validUntil)
              << (m.locked ? tr("locked") : tr("active")) << "  " << m.fullName << '\n';
    }
    return 0;
  }
};
SUBDESK_CLI_COMMAND(StaffList)

class StaffLock : public Command {
 public:
  std::string name() const override { return "staff lock"; }
  std::string usage() const override { return "LOGIN"; }
  std::string summary() const override { return tr("lock a staff login (it can no longer sign in)"); }
  int run(Context& ctx) override {
    const std::string login = loginArgument(ctx);
    auto sql = ctx.connect();
    StaffAdministration(*sql).lock(login);
    ctx.out << format(tr("{0} is locked."), {login}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(StaffLock)

class StaffUnlock : public Command {
 public:
  std::string name() const override { return "staff unlock"; }
  std::string usage() const override { return "LOGIN"; }
  std::string summary() const override { return tr("unlock a staff login"); }
  int run(Context& ctx) override {
    const std::string login = loginArgument(ctx);
    auto sql = ctx.connect();
    StaffAdministration(*sql).unlock(login);
    ctx.out << format(tr("{0} is unlocked."), {login}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(StaffUnlock)

class StaffPasswd : public Command {
 public:
  std::string name() const override { return "staff passwd"; }
  std::string usage() const override { return "LOGIN"; }
  std::string summary() const override { return tr("set a staff login's password (read from standard input)"); }
  int run(Context& ctx) override {
    const std::string login = loginArgument(ctx);
    const std::string password = readPassword(tr("New password"));
    auto sql = ctx.connect();
    StaffAdministration(*sql).setPassword(login, password);
    ctx.out << format(tr("The password of {0} is changed."), {login}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(StaffPasswd)

class StaffMove : public Command {
 public:
  std::string name() const override { return "staff move"; }
  std::string usage() const override { return "LOGIN --office CODE"; }
  std::string summary() const override { return tr("move a member of staff to another office"); }
  void defineOptions(Poco::Util::OptionSet& o) override { addOption(o, "office", tr("office code"), "CODE", true); }
  int run(Context& ctx) override {
    const std::string login = loginArgument(ctx);
    auto sql = ctx.connect();
    StaffAdministration(*sql).move(login, ctx.config.getString("cmd.office"));
    ctx.out << format(tr("{0} moved to office {1}."), {login, ctx.config.getString("cmd.office")}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(StaffMove)

}  // namespace
}  // namespace subdesk::cli
