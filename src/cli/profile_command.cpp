// subdesk-cli profile ACCOUNT|PHONE --code-word WORD [--email E] [--phone P] ...: a
// personal-data edit on a caller's behalf. The caller is verified by the code word they
// say, in an interaction this command opens and closes, as the desk would; the database
// refuses without it (SD001) and refuses a stale save (SD003).
#include "cli/command.h"
#include "cli/verified_call.h"
#include "core/services/account_ref.h"
#include "core/services/profile_edit.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::cli {
namespace {

class Profile : public Command {
 public:
  std::string name() const override { return "profile"; }
  std::string usage() const override {
    return "ACCOUNT|PHONE --code-word WORD [--last-name X] [--first-name X] [--patronymic X] [--email X] "
           "[--phone X] [--address X] [--notify-sms yes|no] [--notify-email yes|no] [--new-code-word X] "
           "[--if-version N]";
  }
  std::string summary() const override { return tr("edit a caller's personal data (verified by their code word)"); }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "code-word", tr("the code word the caller says"), "WORD", true);
    for (const char* f : {"last-name", "first-name", "patronymic", "email", "phone", "address", "notify-sms",
                          "notify-email", "new-code-word"})
      addOption(o, f, tr("new value (empty clears it)"), "VALUE");
    addOption(o, "if-version",
              tr("save only over this version (printed by the last save): refused when someone saved since"), "N");
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the account or phone number."), "usage");
    auto sql = ctx.connect();
    const std::int64_t account = services::resolveAccount(*sql, ctx.args[0]);
    const std::int64_t customer = services::customerOfAccount(*sql, account);
    // Closed when the command ends, whether the save went through or was refused.
    VerifiedCall call(*sql, customer, ctx.config.getString("cmd.code-word"), "subdesk-cli profile", "personal data");
    services::ProfileEdit edit(*sql);
    int version = 0;
    auto c = edit.current(customer, version);
    if (ctx.config.has("cmd.if-version")) {
      // The version this person read earlier: a colleague's save since then is not overwritten (SD003).
      try {
        version = std::stoi(ctx.config.getString("cmd.if-version"));
      } catch (const std::exception&) {
        throw UserError(tr("The version is a number: the one the last save printed."), "usage");
      }
    }
    const auto set = [&](const char* key, std::string& field) {
      if (ctx.config.has(std::string("cmd.") + key)) field = ctx.config.getString(std::string("cmd.") + key);
    };
    set("last-name", c.lastName);
    set("first-name", c.firstName);
    set("patronymic", c.patronymic);
    set("email", c.email);
    set("phone", c.contactPhone);
    set("address", c.address);
    if (ctx.config.has("cmd.notify-sms")) c.notifySms = ctx.config.getString("cmd.notify-sms") == "yes";
    if (ctx.config.has("cmd.notify-email")) c.notifyEmail = ctx.config.getString("cmd.notify-email") == "yes";
    version = edit.save(customer, version, c);
    if (ctx.config.has("cmd.new-code-word")) edit.setCodeWord(customer, ctx.config.getString("cmd.new-code-word"));
    ctx.out << format(tr("Profile saved (version {0})."), {std::to_string(version)}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(Profile)

}  // namespace
}  // namespace subdesk::cli
