// subdesk-cli promo list|join|leave PHONE [CODE]: a line's promotions, with the database's
// checks (running today, meant for the line's tariff, one open enrolment per promotion).
#include <clocale>
#include <cstring>

#include "cli/command.h"
#include "core/services/account_ref.h"
#include "core/services/promotions.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

bool ukrainian() {
  const char* l = std::setlocale(LC_MESSAGES, nullptr);
  return l && std::strncmp(l, "uk", 2) == 0;
}

class PromoList : public Command {
 public:
  std::string name() const override { return "promo list"; }
  std::string usage() const override { return "PHONE"; }
  std::string summary() const override { return tr("a line's promotions and those it may join"); }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the phone number."), "usage");
    auto sql = ctx.connect();
    services::Promotions promos(*sql);
    const std::int64_t line = services::resolveLine(*sql, ctx.args[0]);
    const bool uk = ukrainian();
    for (const auto& e : promos.enrolments(line))
      ctx.out << format(tr("in {0}  {1}  since {2}"), {e.code, uk ? e.nameUk : e.nameEn, e.joinedAt}) << '\n';
    for (const auto& o : promos.offers(line))
      ctx.out << format(tr("may join {0}  {1}  {2} .. {3}"),
                        {o.code, uk ? o.nameUk : o.nameEn, o.startsOn, o.endsOn})
              << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(PromoList)

class PromoJoin : public Command {
 public:
  std::string name() const override { return "promo join"; }
  std::string usage() const override { return "PHONE CODE"; }
  std::string summary() const override { return tr("enrol a line in a promotion"); }
  int run(Context& ctx) override {
    if (ctx.args.size() != 2) throw UserError(tr("Give the phone number and the promotion's code."), "usage");
    auto sql = ctx.connect();
    services::Promotions promos(*sql);
    const std::int64_t line = services::resolveLine(*sql, ctx.args[0]);
    const auto id = promos.join(line, promos.idOf(ctx.args[1]));
    ctx.out << format(tr("Joined promotion {0} (enrolment {1})."), {ctx.args[1], std::to_string(id)}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(PromoJoin)

class PromoLeave : public Command {
 public:
  std::string name() const override { return "promo leave"; }
  std::string usage() const override { return "PHONE CODE"; }
  std::string summary() const override { return tr("take a line out of a promotion"); }
  int run(Context& ctx) override {
    if (ctx.args.size() != 2) throw UserError(tr("Give the phone number and the promotion's code."), "usage");
    auto sql = ctx.connect();
    services::Promotions promos(*sql);
    const std::int64_t line = services::resolveLine(*sql, ctx.args[0]);
    promos.leave(line, promos.idOf(ctx.args[1]));
    ctx.out << format(tr("Left promotion {0}."), {ctx.args[1]}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(PromoLeave)

}  // namespace
}  // namespace subdesk::cli
