#include "core/util/error.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "core/util/i18n.h"
#include "core/util/project_errors.h"

namespace subdesk {

std::string sqlState(const std::exception& e) {
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    return pg->sqlstate();
  }
  if (auto* ue = dynamic_cast<const UserError*>(&e)) {
    if (ue->code().size() == 5) return ue->code();
  }
  return {};
}

namespace {
// The first line of a server message, without SOCI's "while executing ..." tail.
std::string serverMessage(const std::exception& e) {
  std::string text = e.what();
  if (auto* se = dynamic_cast<const soci::soci_error*>(&e)) text = se->get_error_message();
  if (auto pos = text.find("ERROR:  "); pos != std::string::npos) text.erase(0, pos + 8);
  if (auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  return text;
}
bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

std::string refusalSentence(const std::string& state, const std::string& text) {
  if (state == "SD047") {
    if (has(text, "does not exist")) return tr("This promotion no longer exists.");
    if (has(text, " runs from ")) return tr("This promotion is not running today.");
    if (has(text, "is not for the tariff")) return tr("This promotion is not meant for the line's tariff.");
    if (has(text, "is already in promotion")) return tr("The line already takes part in this promotion.");
    return {};
  }
  if (state == "SD049") {
    if (has(text, "already owns a family group")) return tr("This subscriber already owns a family group.");
    if (has(text, "is already in this family group")) return tr("This account is already in the family group.");
    if (has(text, "is in another family group"))
      return tr("This account is in another family group: it has to leave that group first.");
    if (has(text, "is not in this family group")) return tr("This account is not in the family group.");
    if (has(text, "does not exist")) return tr("The family group no longer exists.");
    return {};
  }
  if (has(text, "no registered e-mail"))
    return tr("The subscriber has no registered e-mail for the answer: add one to their personal data first.");
  if (has(text, "is already")) return tr("This ticket has already been answered.");
  return {};
}
}  // namespace

std::string describeError(const std::exception& e) {
  if (auto* ue = dynamic_cast<const UserError*>(&e)) return ue->what();
  const std::string state = sqlState(e);
  if (state == "42501")
    return format(tr("You are not allowed to do this ({0}). Ask a supervisor if it is needed."),
                  {serverMessage(e)});
  if (state == "23505") return tr("This record already exists (a duplicate was refused).");
  if (state == "23503") return tr("This refers to something that does not exist or is still in use.");
  if (state == "23514" || state == "22023" || state == "22P02")
    return format(tr("The database refused the data: {0}"), {serverMessage(e)});
  if (state == "40001" || state == "40P01")
    return tr("Someone else changed the same data at the same time. Nothing was saved; please try again.");
  if (state == "57014") return tr("The operation took too long and was cancelled. Nothing was saved.");
  if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03")
    return tr("The connection to the database was lost. Nothing was saved; check the network and try again.");
  // Money and account operations (issue 7, migrations 0024-0027).
  if (state == "SD040")
    return tr("This looks like a full card number. Never type a card number: keep only its last four digits.");
  if (state == "SD041") return format(tr("The amount is not accepted: {0}"), {serverMessage(e)});
  if (state == "SD042") {  // the money operations say which operation (services); elsewhere:
    const std::string m = serverMessage(e);
    if (m.starts_with("line ") || has(m, " of line ")) return tr("This line is closed, or its account is.");
    return tr("This account is closed.");
  }
  // Promotions, family groups and tickets (0027): one code each, the reason told apart by
  // the server's message (tests/db/test_refusal_sentences.cpp pins every one).
  if (state == "SD047" || state == "SD049" || state == "SD054") {
    if (std::string sentence = refusalSentence(state, serverMessage(e)); !sentence.empty()) return sentence;
    if (state == "SD047") return format(tr("The subscriber cannot join this promotion: {0}"), {serverMessage(e)});
    if (state == "SD049") return format(tr("The family group cannot be changed: {0}"), {serverMessage(e)});
    return format(tr("The ticket cannot be answered: {0}"), {serverMessage(e)});
  }
  if (state == "SD043") return tr("A card payment needs the RRN from the terminal's slip (12 digits) and at most the last four digits of the card.");
  if (state == "SD044") return format(tr("Not enough money on the account: {0}"), {serverMessage(e)});
  if (state == "SD045") return tr("Money moves only between accounts of one customer or one family group.");
  if (state == "SD046") return format(tr("The service cannot be connected: {0}"), {serverMessage(e)});
  if (state == "SD048") return format(tr("The tariff cannot be changed: {0}"), {serverMessage(e)});
  if (state == "SD053") return tr("The line is not in this promotion (it never joined or has already left).");
  // Detailed bills by e-mail (migration 0031).
  if (state == "SD060")
    return tr("The customer has no registered e-mail address: add it to the profile (with their consent) first.");
  if (state == "SD061")
    return format(tr("The customer's e-mail address has just changed ({0}). Nothing was sent; check the address "
                     "and send again."),
                  {serverMessage(e)});
  if (state == "SD004") return format(tr("{0} Ask a supervisor to make this adjustment."), {serverMessage(e)});
  if (state == "SD007")
    return tr("This operation was already done with different details. Close the dialog and start again.");
  if (state.rfind("SD", 0) == 0) {
    if (std::string sentence = projectErrorSentence(state, serverMessage(e)); !sentence.empty()) return sentence;
  }
  if (state.rfind("P0", 0) == 0 || state.rfind("SD", 0) == 0) return serverMessage(e);
  if (dynamic_cast<const soci::soci_error*>(&e)) {
    const std::string msg = serverMessage(e);
    if (msg.find("Connection refused") != std::string::npos ||
        msg.find("could not connect") != std::string::npos ||
        msg.find("no connection to the server") != std::string::npos ||
        msg.find("server closed the connection") != std::string::npos) {
      return tr("The database server cannot be reached. Check the network and try again.");
    }
    return format(tr("Database error: {0}"), {msg});
  }
  return format(tr("Unexpected error: {0}"), {e.what()});
}

}  // namespace subdesk
