// subdesk-cli family create|add|remove|show: the family profile. As at the desk, the
// command opens an interaction with each customer whose consent is needed, verifies the
// caller by the code word they say, and closes it; the database refuses without it
// (SD001): create needs the owner, add the owner and the member's customer, remove the
// owner or the member's customer.
#include <clocale>
#include <cstring>
#include <memory>

#include "cli/command.h"
#include "cli/verified_call.h"
#include "core/domain/money.h"
#include "core/services/account_ref.h"
#include "core/services/family_profile.h"
#include "core/services/interactions.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

Language messageLanguage() {
  const char* l = std::setlocale(LC_MESSAGES, nullptr);
  return l && std::strncmp(l, "uk", 2) == 0 ? Language::Uk : Language::En;
}

std::int64_t groupOf(services::FamilyProfile& family, soci::session& sql, const std::string& key) {
  const auto group =
      family.groupOfCustomer(services::customerOfAccount(sql, services::resolveAccount(sql, key)));
  if (!group) throw UserError(format(tr("{0} is in no family group."), {key}), "SD049");
  return *group;
}

class FamilyCreate : public Command {
 public:
  std::string name() const override { return "family create"; }
  std::string usage() const override { return "OWNER_ACCOUNT|PHONE --name NAME --code-word WORD"; }
  std::string summary() const override {
    return tr("create a family group owned by this account's customer");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "name", tr("the family group's name"), "NAME", true);
    addOption(o, "code-word", tr("the owner's code word"), "WORD", true);
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the owner's account or phone number."), "usage");
    auto sql = ctx.connect();
    const std::int64_t account = services::resolveAccount(*sql, ctx.args[0]);
    const std::int64_t owner = services::customerOfAccount(*sql, account);
    VerifiedCall call(*sql, owner, ctx.config.getString("cmd.code-word"), "subdesk-cli family", "family profile");
    services::FamilyProfile family(*sql);
    const auto id = family.create(owner, ctx.config.getString("cmd.name"));
    family.add(id, account);
    ctx.out << format(tr("Family group {0} created."), {std::to_string(id)}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(FamilyCreate)

class FamilyChange : public Command {
 public:
  explicit FamilyChange(bool adding) : adding_(adding) {}
  std::string name() const override { return adding_ ? "family add" : "family remove"; }
  std::string usage() const override {
    return "OWNER_ACCOUNT|PHONE MEMBER_ACCOUNT|PHONE [--code-word OWNER_WORD] [--member-code-word WORD]";
  }
  std::string summary() const override {
    return adding_ ? tr("add an account to the owner's family group")
                   : tr("remove an account from the owner's family group");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "code-word", tr("the owner's code word"), "WORD");
    addOption(o, "member-code-word", tr("the code word of the member account's customer"), "WORD");
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 2)
      throw UserError(tr("Give the owner's and the member's account or phone number."), "usage");
    auto sql = ctx.connect();
    services::FamilyProfile family(*sql);
    const std::int64_t group = groupOf(family, *sql, ctx.args[0]);
    const std::int64_t ownerAccount = services::resolveAccount(*sql, ctx.args[0]);
    const std::int64_t member = services::resolveAccount(*sql, ctx.args[1]);
    const std::int64_t owner = services::customerOfAccount(*sql, ownerAccount);
    const std::int64_t memberCustomer = services::customerOfAccount(*sql, member);
    std::unique_ptr<VerifiedCall> ownerCall, memberCall;
    const auto verified = [&](std::int64_t customer, const char* option) {
      return std::make_unique<VerifiedCall>(*sql, customer, ctx.config.getString(option), "subdesk-cli family",
                                            "family profile");
    };
    if (ctx.config.has("cmd.code-word")) ownerCall = verified(owner, "cmd.code-word");
    if (ctx.config.has("cmd.member-code-word") && memberCustomer != owner)
      memberCall = verified(memberCustomer, "cmd.member-code-word");
    if (adding_) {
      family.add(group, member);
      ctx.out << format(tr("Account {0} added to the family group."), {ctx.args[1]}) << '\n';
    } else {
      family.remove(group, member);
      ctx.out << format(tr("Account {0} removed from the family group."), {ctx.args[1]}) << '\n';
    }
    return 0;
  }

 private:
  bool adding_;
};
struct FamilyAdd : FamilyChange {
  FamilyAdd() : FamilyChange(true) {}
};
struct FamilyRemove : FamilyChange {
  FamilyRemove() : FamilyChange(false) {}
};
SUBDESK_CLI_COMMAND(FamilyAdd)
SUBDESK_CLI_COMMAND(FamilyRemove)

class FamilyShow : public Command {
 public:
  std::string name() const override { return "family show"; }
  std::string usage() const override { return "ACCOUNT|PHONE"; }
  std::string summary() const override { return tr("the family group: every member's balance and lines"); }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the account or phone number."), "usage");
    auto sql = ctx.connect();
    services::FamilyProfile family(*sql);
    const auto g = family.members(groupOf(family, *sql, ctx.args[0]));
    const Language lang = messageLanguage();
    ctx.out << format(tr("Family group {0} \"{1}\", owner {2}"), {std::to_string(g.id), g.name, g.ownerName})
            << '\n';
    for (const auto& m : g.members) {
      ctx.out << "  " << m.accountNumber << "  " << m.kind << "  " << m.status << "  " << m.customerName
              << "  " << Money::fromKopecks(m.balance).format(lang);
      if (m.bonusBalance != 0)
        ctx.out << "  " << format(tr("bonus {0}"), {Money::fromKopecks(m.bonusBalance).format(lang)});
      for (const auto& l : m.lines)
        ctx.out << "  " << l.msisdn << (l.status == "active" ? "" : " (" + l.status + ")");
      ctx.out << '\n';
    }
    return 0;
  }
};
SUBDESK_CLI_COMMAND(FamilyShow)

}  // namespace
}  // namespace subdesk::cli
