// subdesk-cli home sign|suspend|resume|turbo|reissue-password|transfer-bonus
// The same core services and the same database checks as the desk. A password is never
// printed on the terminal: `sign` and `reissue-password --delivery print` write it only
// into the sheet (PDF) named by --sheet.
#include "cli/command.h"
#include "core/domain/language.h"
#include "core/domain/money.h"
#include "core/security/home_password.h"
#include "core/services/home_bonus_transfer.h"
#include "core/services/home_contract_signing.h"
#include "core/services/home_lookup.h"
#include "core/services/home_password_reissue.h"
#include "core/services/home_suspension.h"
#include "core/services/home_turbo.h"
#include "core/services/interactions.h"
#include "core/util/error.h"
#include "core/util/i18n.h"
#include "reports/home_sheets.h"

namespace subdesk::cli {
namespace {

using namespace services;

HomeKey homeArgument(Context& ctx, soci::session& sql) {
  if (ctx.args.size() != 1)
    throw UserError(tr("Give exactly one login, personal account or contract number."), "usage");
  auto k = findHome(sql, ctx.args.front());
  if (!k) throw UserError(format(tr("No home internet has the login or number {0}."), {ctx.args.front()}), "P0002");
  return *k;
}

// --document KIND:NUMBER opens an office visit with the customer and checks the ID
// document they presented (what the desk does before a sensitive operation).
void verifyIfAsked(Context& ctx, soci::session& sql, const HomeKey& k) {
  if (!ctx.config.has("cmd.document")) return;
  const std::string value = ctx.config.getString("cmd.document");
  const auto colon = value.find(':');
  if (colon == std::string::npos) throw UserError(tr("--document takes KIND:NUMBER, e.g. passport:КВ123456."), "usage");
  Interactions in(sql);
  const auto id = in.open(Channel::Visit, "", k.customerId);
  if (!in.verify(id, VerifyMethod::Document, value.substr(colon + 1), value.substr(0, colon)))
    throw UserError(tr("The ID document does not match the one on file."), "SD006");
}

std::string keyOption(Context& ctx) {
  std::string key = ctx.config.getString("cmd.key", "");
  if (key.empty()) {
    key = security::newIdempotencyKey();
    // TRANSLATORS: printed before a money operation; the key makes a retry safe
    ctx.err << format(tr("Idempotency key {0} (repeat the command with --key {0} to retry safely)."), {key}) << '\n';
  }
  return key;
}

class HomeSign : public Command {
 public:
  std::string name() const override { return "home sign"; }
  std::string usage() const override {
    return "--address TEXT --tariff CODE --sheet FILE (--customer ID | --last-name .. --first-name .. "
           "--birth-date YYYY-MM-DD --doc-kind KIND --doc-number N) [--login L] [--family MSISDN]";
  }
  std::string summary() const override {
    return tr("sign a home-internet contract; the login's password is written only into the contract sheet");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "customer", tr("an existing customer's id"), "ID");
    addOption(o, "last-name", tr("new customer: last name"), "NAME");
    addOption(o, "first-name", tr("new customer: first name"), "NAME");
    addOption(o, "patronymic", tr("new customer: patronymic"), "NAME");
    addOption(o, "birth-date", tr("new customer: birth date, YYYY-MM-DD"), "DATE");
    addOption(o, "doc-kind", tr("new customer: passport, id_card, foreign_passport or residence_permit"), "KIND");
    addOption(o, "doc-number", tr("new customer: ID document number"), "NUMBER");
    addOption(o, "phone", tr("new customer: contact mobile number"), "NUMBER");
    addOption(o, "email", tr("new customer: e-mail address"), "ADDRESS");
    addOption(o, "confirm-duplicate", tr("the customers with the same name and birth date or document are other people"));
    addOption(o, "address", tr("connection address"), "TEXT", true);
    addOption(o, "tariff", tr("home-internet tariff code"), "CODE", true);
    addOption(o, "login", tr("login (default: the personal account number)"), "LOGIN");
    addOption(o, "family", tr("a mobile number whose family the new account joins"), "MSISDN");
    addOption(o, "sheet", tr("where to write the contract sheet (PDF) with the password"), "FILE", true);
    addOption(o, "english", tr("print the sheet in English"));
  }
  int run(Context& ctx) override {
    ContractRequest q;
    if (ctx.config.has("cmd.customer")) q.customerId = ctx.config.getInt64("cmd.customer");
    q.person.lastName = ctx.config.getString("cmd.last-name", "");
    q.person.firstName = ctx.config.getString("cmd.first-name", "");
    q.person.patronymic = ctx.config.getString("cmd.patronymic", "");
    q.person.birthDate = ctx.config.getString("cmd.birth-date", "");
    q.person.docKind = ctx.config.getString("cmd.doc-kind", "");
    q.person.docNumber = ctx.config.getString("cmd.doc-number", "");
    q.person.contactPhone = ctx.config.getString("cmd.phone", "");
    q.person.email = ctx.config.getString("cmd.email", "");
    q.duplicateConfirmed = ctx.config.has("cmd.confirm-duplicate");
    q.address = ctx.config.getString("cmd.address");
    q.tariffCode = ctx.config.getString("cmd.tariff");
    q.login = ctx.config.getString("cmd.login", "");
    q.familyMsisdn = ctx.config.getString("cmd.family", "");
    const std::string sheet = ctx.config.getString("cmd.sheet");
    if (auto why = HomeContractSigning::validate(q); !why.empty()) throw UserError(why, "usage");
    auto sql = ctx.connect();
    HomeContractSigning signing(*sql);
    if (!q.customerId && !q.duplicateConfirmed) {
      const auto dups = signing.duplicates(q.person);
      for (const auto& d : dups) {
        ctx.err << format(tr("Possible duplicate: customer {0}, {1}, born {2} (same {3})."),
                          {std::to_string(d.customerId), d.fullName, d.birthDate,
                           d.match == "document" ? tr("ID document") : tr("name and birth date")})
                << '\n';
      }
      if (!dups.empty()) {
        ctx.err << tr("Sign for that customer with --customer ID, or add --confirm-duplicate.") << '\n';
        return 1;
      }
    }
    auto r = signing.sign(q);
    reports::writeContractSheet(r.sheet, r.password, ctx.config.has("cmd.english") ? Language::En : Language::Uk,
                                sheet);
    ctx.out << format(tr("Contract {0} signed: personal account {1}, login {2}. The password is on the sheet {3} "
                         "only."),
                      {r.sheet.contractNumber, r.sheet.accountNumber, r.sheet.login, sheet})
            << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(HomeSign)

class HomeSuspend : public Command {
 public:
  std::string name() const override { return "home suspend"; }
  std::string usage() const override { return "LOGIN --from YYYY-MM-DD --to YYYY-MM-DD"; }
  std::string summary() const override { return tr("suspend home internet for a vacation (days inclusive)"); }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "from", tr("first day of the suspension"), "DATE", true);
    addOption(o, "to", tr("last day of the suspension"), "DATE", true);
  }
  int run(Context& ctx) override {
    auto sql = ctx.connect();
    const auto k = homeArgument(ctx, *sql);
    HomeSuspension s(*sql);
    s.suspend(k.homeInternetId, ctx.config.getString("cmd.from"), ctx.config.getString("cmd.to"));
    const auto a = s.allowance(k.homeInternetId);
    ctx.out << format(tr("Login {0} is suspended from {1} to {2}; {3} of {4} days used this year."),
                      {k.login, ctx.config.getString("cmd.from"), ctx.config.getString("cmd.to"),
                       std::to_string(a.usedThisYear), std::to_string(a.daysPerYear)})
            << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(HomeSuspend)

class HomeResume : public Command {
 public:
  std::string name() const override { return "home resume"; }
  std::string usage() const override { return "LOGIN"; }
  std::string summary() const override { return tr("resume suspended home internet now"); }
  int run(Context& ctx) override {
    auto sql = ctx.connect();
    const auto k = homeArgument(ctx, *sql);
    const auto last = HomeSuspension(*sql).resume(k.homeInternetId);
    ctx.out << (last ? format(tr("Login {0} works again (suspended until {1})."), {k.login, *last})
                     : format(tr("The planned suspension of login {0} is cancelled."), {k.login}))
            << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(HomeResume)

class HomeTurboCommand : public Command {
 public:
  std::string name() const override { return "home turbo"; }
  std::string usage() const override { return "LOGIN --hours 1|3|24 [--key KEY]"; }
  std::string summary() const override { return tr("double the speed for 1, 3 or 24 hours at the tariff's price"); }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "hours", tr("1, 3 or 24"), "N", true);
    addOption(o, "key", tr("idempotency key of a retry"), "KEY");
  }
  int run(Context& ctx) override {
    auto sql = ctx.connect();
    const auto k = homeArgument(ctx, *sql);
    const auto r = HomeTurbo(*sql).buy(k.homeInternetId, ctx.config.getInt("cmd.hours"), keyOption(ctx));
    ctx.out << format(tr("Turbo for login {0} until {1}."), {k.login, r.until}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(HomeTurboCommand)

class HomeReissue : public Command {
 public:
  std::string name() const override { return "home reissue-password"; }
  std::string usage() const override {
    return "LOGIN --delivery print|sms|email [--sheet FILE] [--document KIND:NUMBER]";
  }
  std::string summary() const override {
    return tr("issue a new home-internet password (printed on a sheet, or sent by SMS or e-mail)");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "delivery", tr("print, sms or email"), "HOW", true);
    addOption(o, "sheet", tr("where to write the password sheet (PDF), for print"), "FILE");
    addOption(o, "document", tr("check the customer's ID document in a new office visit first"), "KIND:NUMBER");
    addOption(o, "english", tr("print the sheet in English"));
  }
  int run(Context& ctx) override {
    const std::string how = ctx.config.getString("cmd.delivery");
    const auto delivery = how == "print" ? PasswordDelivery::Print
                          : how == "sms" ? PasswordDelivery::Sms
                          : how == "email" ? PasswordDelivery::Email
                                           : throw UserError(tr("--delivery is print, sms or email."), "usage");
    if (delivery == PasswordDelivery::Print && !ctx.config.has("cmd.sheet"))
      throw UserError(tr("--delivery print needs --sheet FILE: the password is written only there."), "usage");
    auto sql = ctx.connect();
    const auto k = homeArgument(ctx, *sql);
    verifyIfAsked(ctx, *sql, k);
    const auto r = HomePasswordReissue(*sql).reissue(k.homeInternetId, delivery);
    if (delivery == PasswordDelivery::Print) {
      const std::string sheet = ctx.config.getString("cmd.sheet");
      reports::writePasswordSheet(HomeContractSigning(*sql).sheet(k.homeInternetId), r.password,
                                  ctx.config.has("cmd.english") ? Language::En : Language::Uk, sheet);
      ctx.out << format(tr("New password for login {0} written to {1} only."), {k.login, sheet}) << '\n';
    } else {
      ctx.out << format(tr("New password for login {0} sent to {1}."), {k.login, r.recipient}) << '\n';
    }
    return 0;
  }
};
SUBDESK_CLI_COMMAND(HomeReissue)

class HomeTransferBonus : public Command {
 public:
  std::string name() const override { return "home transfer-bonus"; }
  std::string usage() const override { return "LOGIN --to MSISDN --amount UAH [--key KEY] [--document KIND:NUMBER]"; }
  std::string summary() const override {
    return tr("transfer home-internet bonuses to a mobile line of the same customer or family");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "to", tr("the mobile number"), "MSISDN", true);
    addOption(o, "amount", tr("bonuses in UAH, e.g. 50 or 12,50"), "UAH", true);
    addOption(o, "key", tr("idempotency key of a retry"), "KEY");
    addOption(o, "document", tr("check the customer's ID document in a new office visit first"), "KIND:NUMBER");
  }
  int run(Context& ctx) override {
    const auto amount = Money::parse(ctx.config.getString("cmd.amount"), Language::Uk);
    if (!amount) throw UserError(amount.error(), "usage");
    auto sql = ctx.connect();
    const auto k = homeArgument(ctx, *sql);
    verifyIfAsked(ctx, *sql, k);
    const auto id = HomeBonusTransfer(*sql).transfer(k.accountId, ctx.config.getString("cmd.to"), amount->kopecks(),
                                                     keyOption(ctx));
    ctx.out << format(tr("Bonuses {0} transferred to {1} (transfer {2})."),
                      {amount->format(Language::Uk), ctx.config.getString("cmd.to"), std::to_string(id)})
            << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(HomeTransferBonus)

}  // namespace
}  // namespace subdesk::cli
