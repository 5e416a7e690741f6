// subdesk-cli pay|adjust|transfer: money operations with the desk's checks. Each run
// uses one idempotency key (--key, or a fresh one printed first) for every attempt: when
// the connection drops, the command reconnects and retries with the same key, so the
// money moves once.
#include <clocale>
#include <cstring>
#include <functional>
#include <memory>

#include "cli/command.h"
#include "cli/verified_call.h"
#include "core/domain/money.h"
#include "core/services/account_ref.h"
#include "core/services/account_transfer.h"
#include "core/services/balance_adjustment.h"
#include "core/services/payments.h"
#include "core/util/error.h"
#include "core/util/i18n.h"
#include "reports/payment_receipt.h"

namespace subdesk::cli {
namespace {

Language messageLanguage() {
  const char* l = std::setlocale(LC_MESSAGES, nullptr);
  return l && std::strncmp(l, "uk", 2) == 0 ? Language::Uk : Language::En;
}

Money amountArgument(const std::string& text, bool allowNegative) {
  auto m = Money::parse(text, messageLanguage());
  if (!m) throw UserError(m.error(), "usage");
  if (!allowNegative && m->kopecks() <= 0) throw UserError(tr("The amount must be more than zero."), "usage");
  return *m;
}

std::string keyOption(Context& ctx) {
  std::string key = ctx.config.getString("cmd.key", "");
  if (key.empty()) {
    key = services::newIdempotencyKey();
    ctx.err << format(tr("idempotency key: {0}"), {key}) << '\n';
  }
  return key;
}

bool connectionLost(const std::exception& e) {
  const std::string s = sqlState(e);
  return s.rfind("08", 0) == 0 || s == "57P01" || s == "57P02" || s == "57P03" ||
         std::string(e.what()).find("server closed the connection") != std::string::npos ||
         std::string(e.what()).find("no connection to the server") != std::string::npos;
}

// Runs op on a fresh session; on a lost connection, reconnects and runs it again (same key).
template <class T>
T withRetries(Context& ctx, const std::function<T(soci::session&)>& op) {
  for (int attempt = 1;; ++attempt) {
    try {
      auto sql = ctx.connect();
      return op(*sql);
    } catch (const std::exception& e) {
      if (attempt >= 3 || !connectionLost(e)) throw;
      ctx.err << tr("connection lost, retrying with the same key") << '\n';
    }
  }
}

class Pay : public Command {
 public:
  std::string name() const override { return "pay"; }
  std::string usage() const override {
    return "ACCOUNT|PHONE AMOUNT --method cash|pos|bank [--rrn RRN] [--last4 DDDD] [--receipt-no N] [--key KEY] "
           "[--pdf FILE]";
  }
  std::string summary() const override { return tr("take a payment (no commission) and optionally print the receipt"); }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "method", tr("cash, pos (card at the terminal) or bank"), "METHOD", true);
    addOption(o, "rrn", tr("the terminal's 12-digit RRN (pos)"), "RRN");
    addOption(o, "last4", tr("the last four digits of the card (pos), never more"), "DDDD");
    addOption(o, "receipt-no", tr("cash receipt or bank document number"), "N");
    addOption(o, "key", tr("idempotency key (repeat it to retry the same payment)"), "KEY");
    addOption(o, "pdf", tr("write the receipt to this PDF file"), "FILE");
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 2) throw UserError(tr("Give the account (or phone number) and the amount."), "usage");
    services::PaymentRequest r;
    r.amount = amountArgument(ctx.args[1], false);
    r.method = services::methodFromCode(ctx.config.getString("cmd.method"));
    r.rrn = ctx.config.getString("cmd.rrn", "");
    r.cardLast4 = ctx.config.getString("cmd.last4", "");
    r.receiptNo = ctx.config.getString("cmd.receipt-no", "");
    r.idempotencyKey = keyOption(ctx);
    if (auto p = services::Payments::problem(r); !p.empty()) throw UserError(p, "usage");
    const auto receipt = withRetries<services::PaymentReceipt>(ctx, [&](soci::session& sql) {
      r.accountId = services::resolveAccount(sql, ctx.args[0]);
      services::Payments pay(sql);
      return pay.receipt(pay.take(r));
    });
    const Language lang = messageLanguage();
    ctx.out << format(tr("Payment {0}: {1} to account {2}; balance now {3}."),
                      {std::to_string(receipt.paymentId), Money::fromKopecks(receipt.amount).format(lang),
                       receipt.accountNumber, Money::fromKopecks(receipt.balanceNow).format(lang)})
            << '\n';
    if (const std::string pdf = ctx.config.getString("cmd.pdf", ""); !pdf.empty()) {
      reports::renderPaymentReceipt(receipt, lang, pdf);
      ctx.out << format(tr("Receipt written to {0}."), {pdf}) << '\n';
    }
    return 0;
  }
};
SUBDESK_CLI_COMMAND(Pay)

class Adjust : public Command {
 public:
  std::string name() const override { return "adjust"; }
  std::string usage() const override { return "ACCOUNT|PHONE AMOUNT --reason TEXT [--key KEY]"; }
  std::string summary() const override {
    return tr("credit (positive) or debit (negative) a balance by hand, within your role's limit");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "reason", tr("why (required)"), "TEXT", true);
    addOption(o, "key", tr("idempotency key (repeat it to retry the same adjustment)"), "KEY");
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 2) throw UserError(tr("Give the account (or phone number) and the amount."), "usage");
    const Money amount = amountArgument(ctx.args[1], true);
    const std::string reason = ctx.config.getString("cmd.reason"), key = keyOption(ctx);
    const auto id = withRetries<std::int64_t>(ctx, [&](soci::session& sql) {
      return services::BalanceAdjustment(sql).adjust(services::resolveAccount(sql, ctx.args[0]), amount, reason, key);
    });
    ctx.out << format(tr("Adjusted by {0} (ledger entry {1})."),
                      {amount.format(messageLanguage()), std::to_string(id)})
            << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(Adjust)

class Transfer : public Command {
 public:
  std::string name() const override { return "transfer"; }
  std::string usage() const override {
    return "FROM TO AMOUNT [--code-word WORD] [--reason TEXT] [--key KEY]";
  }
  std::string summary() const override {
    return tr("move money between accounts of one customer or one family (verified caller)");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "code-word", tr("the code word the caller (the source account's customer) says"), "WORD");
    addOption(o, "reason", tr("why"), "TEXT");
    addOption(o, "key", tr("idempotency key (repeat it to retry the same transfer)"), "KEY");
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 3) throw UserError(tr("Give the source account, the target account and the amount."), "usage");
    const Money amount = amountArgument(ctx.args[2], false);
    const std::string reason = ctx.config.getString("cmd.reason", ""), key = keyOption(ctx);
    const auto id = withRetries<std::int64_t>(ctx, [&](soci::session& sql) {
      const std::int64_t from = services::resolveAccount(sql, ctx.args[0]);
      const std::int64_t to = services::resolveAccount(sql, ctx.args[1]);
      // Without --code-word the staff member's own verified call (at the desk) must be open.
      std::unique_ptr<VerifiedCall> call;
      if (ctx.config.has("cmd.code-word"))
        call = std::make_unique<VerifiedCall>(sql, services::customerOfAccount(sql, from),
                                              ctx.config.getString("cmd.code-word"), "subdesk-cli transfer",
                                              "balance transfer");
      return services::AccountTransfer(sql).transfer(from, to, amount, reason, key);
    });
    ctx.out << format(tr("Transferred {0} (ledger entry {1})."), {amount.format(messageLanguage()), std::to_string(id)})
            << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(Transfer)

}  // namespace
}  // namespace subdesk::cli
