// subdesk-cli tariff|service: tariff changes and add-on services of a line, with the
// database's checks (exclusive groups, dates, one scheduled change per line).
#include <clocale>
#include <cstring>

#include "cli/command.h"
#include "core/domain/money.h"
#include "core/domain/msisdn.h"
#include "core/services/account_ref.h"
#include "core/services/line_services.h"
#include "core/services/tariff_change.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

Language messageLanguage() {
  const char* l = std::setlocale(LC_MESSAGES, nullptr);
  return l && std::strncmp(l, "uk", 2) == 0 ? Language::Uk : Language::En;
}

std::int64_t lineOf(soci::session& sql, const std::string& text) { return services::resolveLine(sql, text); }

class Tariff : public Command {
 public:
  std::string name() const override { return "tariff"; }
  std::string usage() const override {
    return "PHONE [TARIFF_CODE (--now|--next-period|--on YYYY-MM-DD) [--yes]] | PHONE --cancel CHANGE_ID";
  }
  std::string summary() const override {
    return tr("list tariffs, preview and change a line's tariff, or cancel a scheduled change");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "now", tr("change today"));
    addOption(o, "next-period", tr("change from the first day of the next month"));
    addOption(o, "on", tr("change on this day"), "DATE");
    addOption(o, "yes", tr("confirm (without it, only the preview is shown)"));
    addOption(o, "cancel", tr("cancel this scheduled change"), "CHANGE_ID");
  }
  int run(Context& ctx) override {
    if (ctx.args.empty() || ctx.args.size() > 2) throw UserError(tr("Give the phone number (and a tariff code)."), "usage");
    auto sql = ctx.connect();
    services::TariffChange tariffs(*sql);
    const std::int64_t line = lineOf(*sql, ctx.args[0]);
    const Language lang = messageLanguage();
    const auto money = [&](std::int64_t k) { return Money::fromKopecks(k).format(lang); };
    if (ctx.config.has("cmd.cancel")) {
      tariffs.cancel(std::stoll(ctx.config.getString("cmd.cancel")));
      ctx.out << tr("The scheduled tariff change is cancelled.") << '\n';
      return 0;
    }
    const auto options = tariffs.options(line);
    if (ctx.args.size() == 1) {
      for (const auto& t : options)
        ctx.out << t.code << "  " << (lang == Language::Uk ? t.nameUk : t.nameEn) << "  " << money(t.monthlyFee) << '\n';
      return 0;
    }
    int tariffId = 0;
    for (const auto& t : options)
      if (t.code == ctx.args[1]) tariffId = t.id;
    if (tariffId == 0) throw UserError(format(tr("No other active tariff has the code {0}."), {ctx.args[1]}), "usage");
    services::TariffChangeWhen when = services::TariffChangeWhen::Now;
    std::string date;
    if (ctx.config.has("cmd.next-period")) when = services::TariffChangeWhen::NextPeriod;
    if (ctx.config.has("cmd.on")) {
      when = services::TariffChangeWhen::OnDate;
      date = ctx.config.getString("cmd.on");
    }
    const auto p = tariffs.preview(line, tariffId, when, date);
    ctx.out << format(tr("{0} -> {1} from {2}; monthly fee {3} -> {4} ({5})"),
                      {lang == Language::Uk ? p.current.nameUk : p.current.nameEn,
                       lang == Language::Uk ? p.proposed.nameUk : p.proposed.nameEn, p.effectiveOn,
                       money(p.current.monthlyFee), money(p.proposed.monthlyFee),
                       (p.feeDifference > 0 ? "+" : "") + money(p.feeDifference)})
            << '\n';
    for (const auto& c : p.allowanceChanges) ctx.out << "  " << c << '\n';
    if (!ctx.config.has("cmd.yes")) {
      ctx.out << tr("Nothing changed: add --yes to confirm.") << '\n';
      return 0;
    }
    const auto id = tariffs.request(line, tariffId, when, date);
    ctx.out << format(tr("Tariff change {0} recorded."), {std::to_string(id)}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(Tariff)

class Service : public Command {
 public:
  std::string name() const override { return "service"; }
  std::string usage() const override {
    return "PHONE [--connect CODE [--from DATE] [--until DATE] | --disconnect ID [--last-day DATE]]";
  }
  std::string summary() const override { return tr("list, connect and disconnect a line's add-on services"); }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "connect", tr("connect the service with this code"), "CODE");
    addOption(o, "from", tr("first day (default today)"), "DATE");
    addOption(o, "until", tr("last day (default: open-ended)"), "DATE");
    addOption(o, "disconnect", tr("disconnect this subscription (the id the list shows)"), "ID");
    addOption(o, "last-day", tr("last day of a disconnected service (default today)"), "DATE");
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the phone number."), "usage");
    auto sql = ctx.connect();
    services::LineServices services(*sql);
    const std::int64_t line = lineOf(*sql, ctx.args[0]);
    const Language lang = messageLanguage();
    if (ctx.config.has("cmd.connect")) {
      const std::string code = ctx.config.getString("cmd.connect");
      int id = 0;
      for (const auto& s : services.catalogue())
        if (s.code == code) id = s.id;
      if (id == 0) throw UserError(format(tr("No active service has the code {0}."), {code}), "usage");
      services.connect(line, id, ctx.config.getString("cmd.from", ""), ctx.config.getString("cmd.until", ""));
      ctx.out << format(tr("Service {0} connected."), {code}) << '\n';
    } else if (ctx.config.has("cmd.disconnect")) {
      services.disconnect(std::stoll(ctx.config.getString("cmd.disconnect")), ctx.config.getString("cmd.last-day", ""));
      ctx.out << tr("Service disconnected.") << '\n';
    }
    for (const auto& s : services.connected(line)) {
      ctx.out << s.id << "  " << s.code << "  " << (lang == Language::Uk ? s.nameUk : s.nameEn) << "  "
              << Money::fromKopecks(s.monthlyFee).format(lang) << "  " << s.startsOn << " .. "
              << (s.endsOn.empty() ? "" : s.endsOn) << '\n';
    }
    return 0;
  }
};
SUBDESK_CLI_COMMAND(Service)

}  // namespace
}  // namespace subdesk::cli
