// subdesk-cli profile ACCOUNT|PHONE --code-word WORD [--email E] [--phone P] ...: a
// personal-data edit on a caller's behalf. The caller is verified by the code word they
// say, in an interaction this command opens and closes, as the desk would; the database
// refuses without it (SD001) and refuses a stale save (SD003).
#include "cli/command.h"
#include "core/services/account_ref.h"
#include "core/services/interactions.h"
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
           "[--phone X] [--address X] [--notify-sms yes|no] [--notify-email yes|no] [--new-code-word X]";
  }
  std::string summary() const override { return tr("edit a caller's personal data (verified by their code word)"); }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "code-word", tr("the code word the caller says"), "WORD", true);
    for (const char* f : {"last-name", "first-name", "patronymic", "email", "phone", "address", "notify-sms",
                          "notify-email", "new-code-word"})
      addOption(o, f, tr("new value (empty clears it)"), "VALUE");
  }
  int run(Context& ctx) override {
    if (ctx.args.size() != 1) throw UserError(tr("Give the account or phone number."), "usage");
    auto sql = ctx.connect();
    const std::int64_t account = services::resolveAccount(*sql, ctx.args[0]);
    const std::int64_t customer = services::customerOfAccount(*sql, account);
    services::Interactions in(*sql);
    const auto interaction = in.open(services::Channel::Call, "", customer);
    if (!in.verify(interaction, services::VerifyMethod::CodeWord, ctx.config.getString("cmd.code-word"))) {
      in.close(interaction, "caller not verified (subdesk-cli profile)");
      throw UserError(tr("The code word is wrong: nothing was changed."), "SD001");
    }
    services::ProfileEdit edit(*sql);
    int version = 0;
    auto c = edit.current(customer, version);
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
    in.close(interaction, "personal data edited (subdesk-cli profile)");
    ctx.out << format(tr("Profile saved (version {0})."), {std::to_string(version)}) << '\n';
    return 0;
  }
};
SUBDESK_CLI_COMMAND(Profile)

}  // namespace
}  // namespace subdesk::cli
