// subdesk-cli card KEY [--json]: the subscriber card, every tab, as the desk shows it.
#include <clocale>
#include <cstring>

#include "cli/command.h"
#include "core/domain/money.h"
#include "core/domain/msisdn.h"
#include "core/services/card_json.h"
#include "core/services/subscriber_card.h"
#include "core/services/subscriber_lookup.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

// The language of the messages (LC_MESSAGES), for amounts and catalogue names.
Language messageLanguage() {
  const char* l = std::setlocale(LC_MESSAGES, nullptr);
  return l && std::strncmp(l, "uk", 2) == 0 ? Language::Uk : Language::En;
}

std::string number(const std::string& e164) {
  const auto m = Msisdn::parse(e164);
  return m ? m->national() : e164;
}

std::string allowance(const services::Allowance& a) {
  return a.unlimited() ? format(tr("{0} used, unlimited"), {std::to_string(a.used)})
                       : format(tr("{0} of {1} used, {2} left"),
                                {std::to_string(a.used), std::to_string(*a.included), std::to_string(a.left())});
}

void printCard(std::ostream& out, const services::CardData& c, Language lang) {
  const auto money = [&](std::int64_t k) { return Money::fromKopecks(k).format(lang); };
  const auto name = [&](const std::string& uk, const std::string& en) { return lang == Language::Uk ? uk : en; };
  const auto& o = c.overview;
  out << o.customerName << "  " << tr("account") << ' ' << o.accountNumber << " (" << o.accountKind << ", "
      << o.accountStatus << ")\n";
  for (const auto& w : o.warnings) out << "  ! " << w.text << '\n';
  out << "\n[" << tr("Overview") << "]\n";
  for (const auto& l : o.lines) {
    out << "  " << number(l.msisdn) << "  " << l.status << "  " << name(l.tariffUk, l.tariffEn) << ", "
        << money(l.monthlyFee) << "  " << (l.deviceModel.empty() ? "-" : l.deviceModel) << '\n';
  }
  for (const auto& s : o.services) out << "  + " << name(s.nameUk, s.nameEn) << ", " << money(s.monthlyFee) << '\n';
  if (!o.familyName.empty()) {
    out << "  " << tr("Family") << ": " << o.familyName << '\n';
    for (const auto& m : o.family) out << "    " << m.name << "  " << m.accountNumber << "  " << m.msisdns << '\n';
  }
  const auto& b = c.balance;
  out << "\n[" << tr("Balance") << "]\n  " << tr("Balance") << ": " << money(b.balance) << "  " << tr("Bonuses")
      << ": " << money(b.bonusBalance) << "  " << tr("Disconnect threshold") << ": " << money(b.disconnectThreshold)
      << '\n';
  for (const auto& h : b.homeBonuses) out << "  " << tr("Home internet bonuses") << ' ' << h.accountNumber << ": " << money(h.bonusBalance) << '\n';
  for (const auto& p : b.lastPayments) out << "  " << p.at << "  " << money(p.amount) << "  " << p.method << "  " << p.accountNumber << '\n';
  if (c.package.hasLine) {
    out << "\n[" << tr("Current package") << "] " << c.package.month << '\n';
    out << "  " << tr("Minutes") << ": " << allowance(c.package.minutes) << '\n';
    out << "  " << tr("SMS") << ": " << allowance(c.package.sms) << '\n';
    out << "  " << tr("Megabytes") << ": " << allowance(c.package.megabytes) << '\n';
  }
  out << "\n[" << tr("Expenses") << "]\n";
  for (const auto& m : c.expenses) {
    out << "  " << m.month << "  " << tr("calls") << ' ' << money(m.calls) << "  " << tr("SMS") << ' ' << money(m.sms)
        << "  " << tr("data") << ' ' << money(m.data) << "  " << tr("fees") << ' ' << money(m.fees) << '\n';
  }
  const auto& p = c.profile;
  out << "\n[" << tr("Profile") << "]\n  " << p.lastName << ' ' << p.firstName << ' ' << p.patronymic << "  "
      << p.birthDate << "\n  " << tr("Document") << ": " << (p.docKind.empty() ? "-" : p.docKind + " " + p.docMask)
      << "\n  " << p.address << "\n  " << p.email << "  " << number(p.contactPhone) << "\n  "
      << tr("Notifications") << ": SMS " << (p.notifySms ? "+" : "-") << ", e-mail " << (p.notifyEmail ? "+" : "-")
      << '\n';
  for (const auto& h : c.homeInternet) {
    out << "\n[" << tr("Home internet") << "]\n  " << h.login << "  " << h.accountNumber << "  " << h.address << "\n  "
        << name(h.tariffUk, h.tariffEn) << ", " << h.speedMbps << " Mbit/s, " << h.status
        << (h.suspendedNow ? "  " + tr("paused until") + " " + h.suspendedTo : "")
        << (h.turboActive ? "  turbo " + h.turboUntil : "") << '\n';
  }
  out << "\n[" << tr("Timeline") << "]\n";
  for (const auto& e : c.timeline.entries) {
    out << "  " << e.at << "  " << e.text;
    if (e.amount) out << "  " << money(*e.amount);
    if (!e.staffLogin.empty()) out << "  (" << (e.staffName.empty() ? e.staffLogin : e.staffName) << ')';
    out << '\n';
  }
}

class Card : public Command {
 public:
  std::string name() const override { return "card"; }
  std::string usage() const override { return "KEY [--json]"; }
  std::string summary() const override {
    return tr("show a subscriber's card (KEY: anything find accepts that finds one subscriber)");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "json", tr("print JSON (documented in the README)"));
  }
  int run(Context& ctx) override {
    std::string key;
    for (const auto& a : ctx.args) key += (key.empty() ? "" : " ") + a;
    if (services::SubscriberLookup::classify(key) == services::QueryKind::Empty) {
      throw UserError(tr("Give a mobile number, a personal account number or another key of one subscriber."),
                      "usage");
    }
    auto sql = ctx.connect();
    const auto found = services::SubscriberLookup(*sql).lookup(key, 20);
    if (found.refused) throw UserError(tr("Only office staff may search by ID document number."), "42501");
    if (found.hits.empty()) throw UserError(tr("Nothing found."), "not_found");
    const auto& first = found.hits.front();
    for (const auto& h : found.hits) {
      if (h.customerId != first.customerId) {
        throw UserError(tr("More than one subscriber matches; give a number or an account."), "ambiguous");
      }
    }
    const Language lang = messageLanguage();
    services::SubscriberCard card(*sql, lang);
    const auto data = card.load({first.customerId, first.accountId, first.lineId});
    if (ctx.config.has("cmd.json")) {
      services::cardToJson(data)->stringify(ctx.out, 2);
      ctx.out << '\n';
    } else {
      printCard(ctx.out, data, lang);
    }
    return 0;
  }
};
SUBDESK_CLI_COMMAND(Card)

}  // namespace
}  // namespace subdesk::cli
