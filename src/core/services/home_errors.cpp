#include "core/services/home_errors.h"

#include <soci/soci.h>

#include <string>

#include "core/util/i18n.h"

namespace subdesk::services {

namespace {
std::string details(const std::exception& e) {
  std::string text = e.what();
  if (auto* se = dynamic_cast<const soci::soci_error*>(&e)) text = se->get_error_message();
  if (auto pos = text.find("ERROR:  "); pos != std::string::npos) text.erase(0, pos + 8);
  std::string hint;
  if (auto pos = text.find("HINT:  "); pos != std::string::npos) {
    hint = text.substr(pos + 7);
    if (auto nl = hint.find('\n'); nl != std::string::npos) hint.resize(nl);
  }
  if (auto nl = text.find('\n'); nl != std::string::npos) text.resize(nl);
  return hint.empty() ? text : text + ". " + hint;
}

std::string sentence(const std::string& state) {
  if (state == "SD001")
    return tr("Verify the customer first: there is no verified interaction with them in the last 30 minutes.");
  if (state == "SD005") return tr("A required field is empty.");
  if (state == "SD007") return tr("This operation was already done with other details; start it again.");
  if (state == "SD030")
    return tr("A customer with this name and birth date, or with this ID document, already exists. "
              "Sign for that customer, or confirm that this is another person.");
  if (state == "SD031") return tr("This login is taken or not valid; choose another one.");
  if (state == "SD032") return tr("These suspension dates cannot be accepted.");
  if (state == "SD033") return tr("The suspension would exceed the days allowed per year.");
  if (state == "SD034") return tr("Home internet is not suspended: there is nothing to resume.");
  if (state == "SD035") return tr("Turbo is not available for this home internet now.");
  if (state == "SD036") return tr("There is not enough money or bonuses on the account.");
  if (state == "SD037") return tr("The transfer exceeds the bonus transfer limit.");
  if (state == "SD038")
    return tr("Bonuses can go only to an open mobile line of the same customer or of their family.");
  if (state == "SD039") return tr("The customer has no registered contact to send the password to.");
  return {};
}
}  // namespace

UserError homeError(const std::exception& e) {
  if (auto* ue = dynamic_cast<const UserError*>(&e)) return *ue;
  const std::string state = sqlState(e);
  const std::string text = sentence(state);
  if (text.empty()) return UserError(describeError(e), state);
  return UserError(text + " (" + details(e) + ")", state);
}

}  // namespace subdesk::services
