// subdesk-cli ticket open|answer|list: feedback tickets. `open` records the complaint or
// request in an interaction it opens with the account's customer and closes; `answer`
// sends the answer to the registered e-mail (through the outbox) and marks the ticket
// answered; `list` shows the customer's open tickets.
#include "cli/command.h"
#include "core/services/account_ref.h"
#include "core/services/feedback_tickets.h"
#include "core/services/interactions.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

class TicketOpen : public Command {
 public:
  std::string name() const override { return "ticket open"; }
  std::string usage() const override { return "ACCOUNT|PHONE --subject TEXT --text TEXT"; }
  std::string summary() const override { return tr("record a subscriber's written complaint or request"); }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "subject", tr("what it is about"), "TEXT", true);
    addOption(o, "text", tr("the complaint or request as the subscriber wrote it"), "TEXT", true);
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the account or phone number."), "usage");
    auto sql = ctx.connect();
    const std::int64_t customer =
        services::customerOfAccount(*sql, services::resolveAccount(*sql, ctx.args[0]));
    services::Interactions in(*sql);
    const auto interaction = in.open(services::Channel::Visit, "", customer);
    std::int64_t id = 0;
    try {
      id = services::FeedbackTickets(*sql).open(interaction, ctx.config.getString("cmd.subject"),
                                                ctx.config.getString("cmd.text"));
    } catch (...) {
      in.close(interaction, "feedback not recorded (subdesk-cli ticket)");
      throw;
    }
    in.close(interaction, "feedback ticket " + std::to_string(id) + " recorded (subdesk-cli ticket)");
    ctx.out << format(tr("Ticket {0} recorded."), {std::to_string(id)}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(TicketOpen)

class TicketAnswer : public Command {
 public:
  std::string name() const override { return "ticket answer"; }
  std::string usage() const override { return "TICKET_ID --text TEXT"; }
  std::string summary() const override { return tr("answer a ticket by e-mail to the registered address"); }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "text", tr("the answer"), "TEXT", true);
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the ticket number."), "usage");
    long long ticket = 0;
    try {
      ticket = std::stoll(ctx.args[0]);
    } catch (const std::exception&) {
      throw UserError(tr("Give the ticket number."), "usage");
    }
    auto sql = ctx.connect();
    const auto mail = services::FeedbackTickets(*sql).answer(ticket, ctx.config.getString("cmd.text"));
    ctx.out << format(tr("Ticket {0} answered; the e-mail is queued (outbox {1})."),
                      {std::to_string(ticket), std::to_string(mail)})
            << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(TicketAnswer)

class TicketList : public Command {
 public:
  std::string name() const override { return "ticket list"; }
  std::string usage() const override { return "ACCOUNT|PHONE"; }
  std::string summary() const override { return tr("a customer's open tickets"); }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the account or phone number."), "usage");
    auto sql = ctx.connect();
    const std::int64_t customer =
        services::customerOfAccount(*sql, services::resolveAccount(*sql, ctx.args[0]));
    for (const auto& t : services::FeedbackTickets(*sql).openOf(customer))
      ctx.out << t.id << "  " << t.createdAt << "  " << t.subject << "  " << t.body << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(TicketList)

}  // namespace
}  // namespace subdesk::cli
