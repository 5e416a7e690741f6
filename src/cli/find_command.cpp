// subdesk-cli find QUERY [--json]
#include <iomanip>

#include "cli/command.h"
#include "core/domain/msisdn.h"
#include "core/services/card_json.h"
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
    return tr("find subscribers by mobile number, personal account, ICCID, contract, login, ID document or "
              "name");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "json", tr("print JSON (documented in the README)"));
  }
  int run(Context& ctx) override {
    std::string query;
    for (const auto& a : ctx.args) query += (query.empty() ? "" : " ") + a;
    if (services::SubscriberLookup::classify(query) == services::QueryKind::Empty) {
      throw UserError(tr("Type a mobile number, a personal account number, an ICCID, a contract number, a login, "
                         "an ID document number or a name."),
                      "usage");
    }
    auto sql = ctx.connect();
    const auto result = services::SubscriberLookup(*sql).lookup(query);
    if (ctx.config.has("cmd.json")) {
      services::lookupToJson(query, result)->stringify(ctx.out, 2);
      ctx.out << '\n';
    } else if (result.refused) {
      ctx.err << tr("Only office staff may search by ID document number.") << '\n';
    } else {
      if (result.hits.empty()) ctx.out << tr("Nothing found.") << '\n';
      for (const auto& h : result.hits) {
        const auto number = Msisdn::parse(h.msisdn);
        ctx.out << std::left << std::setw(16) << (number ? number->national() : h.login.empty() ? "-" : h.login)
                << std::setw(11) << h.accountNumber << std::setw(8) << h.accountKind << std::setw(10) << h.status
                << h.customerName << '\n';
      }
    }
    return result.hits.empty() ? 1 : 0;
  }
};
SUBDESK_CLI_COMMAND(Find)

}  // namespace
}  // namespace subdesk::cli
