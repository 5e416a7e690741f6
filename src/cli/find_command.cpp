// subdesk-cli find QUERY [--json]
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iomanip>

#include "cli/command.h"
#include "core/domain/msisdn.h"
#include "core/services/subscriber_lookup.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

class Find : public Command {
 public:
  std::string name() const override { return "find"; }
  std::string usage() const override { return "QUERY [--json]"; }
  std::string summary() const override {
    return tr("find subscribers by mobile number, personal account or name");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "json", tr("print JSON (documented in the README)"));
  }
  int run(Context& ctx) override {
    std::string query;
    for (const auto& a : ctx.args) query += (query.empty() ? "" : " ") + a;
    if (services::SubscriberLookup::classify(query) == services::QueryKind::Empty) {
      throw UserError(tr("Type a mobile number, a personal account number or a name."), "usage");
    }
    auto sql = ctx.connect();
    const auto hits = services::SubscriberLookup(*sql).find(query);
    if (ctx.config.has("cmd.json")) {
      Poco::JSON::Array list;
      for (const auto& h : hits) {
        Poco::JSON::Object o;
        o.set("customer_id", h.customerId);
        o.set("account_id", h.accountId);
        o.set("name", h.customerName);
        o.set("account", h.accountNumber);
        o.set("kind", h.accountKind);
        o.set("msisdn", h.msisdn);
        o.set("status", h.status);
        list.add(o);
      }
      Poco::JSON::Object root;
      root.set("query", query);
      root.set("results", list);
      root.stringify(ctx.out, 2);
      ctx.out << '\n';
    } else {
      if (hits.empty()) ctx.out << tr("Nothing found.") << '\n';
      for (const auto& h : hits) {
        const auto number = Msisdn::parse(h.msisdn);
        ctx.out << std::left << std::setw(16) << (number ? number->national() : "-") << std::setw(11)
                << h.accountNumber << std::setw(8) << h.accountKind << std::setw(10) << h.status
                << h.customerName << '\n';
      }
    }
    return hits.empty() ? 1 : 0;
  }
};
SUBDESK_CLI_COMMAND(Find)

}  // namespace
}  // namespace subdesk::cli
