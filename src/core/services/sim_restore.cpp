#include "core/services/sim_restore.h"

#include <optional>

#include <soci/postgresql/soci-postgresql.h>

#include "core/domain/iccid.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::string reasonCode(SimRestoreReason r) {
  switch (r) {
    case SimRestoreReason::Lost:
      return "lost";
    case SimRestoreReason::Stolen:
      return "stolen";
    case SimRestoreReason::Damaged:
      return "damaged";
    case SimRestoreReason::FormatChange:
      return "format_change";
  }
  return {};
}

std::string reasonTitle(SimRestoreReason r) {
  switch (r) {
    case SimRestoreReason::Lost:
      return tr("Lost");
    case SimRestoreReason::Stolen:
      return tr("Stolen");
    case SimRestoreReason::Damaged:
      return tr("Damaged");
    // TRANSLATORS: a SIM replaced by one of another size (mini, micro, nano, eSIM)
    case SimRestoreReason::FormatChange:
      return tr("Different card size");
  }
  return {};
}

std::string SimRestore::problemMessage(const std::string& problem) {
  if (problem.empty()) return {};
  if (problem == "not_office_staff") return tr("Only office sales staff and supervisors may restore a SIM.");
  if (problem == "line_unknown") return tr("This line does not exist.");
  if (problem == "line_closed") return tr("This line is closed: a closed number cannot get a new SIM.");
  if (problem == "no_active_sim") return tr("This line has no active SIM to replace.");
  if (problem == "not_verified")
    return tr(
        "Check the customer's ID document first: there is no verified visit with this customer "
        "in the last 30 minutes.");
  if (problem == "not_document")
    return tr(
        "A SIM is restored only after the customer's ID document is checked in this visit; "
        "a code word or an SMS code is not enough.");
  if (problem == "iccid_invalid") return tr("The ICCID is not valid: check the number printed on the card.");
  if (problem == "sim_unknown") return tr("No SIM card with this ICCID is known.");
  if (problem == "sim_active")
    return tr("This SIM card is already active on a line; take another one from the stock.");
  if (problem == "sim_lost") return tr("This SIM card was reported lost and can never be used again.");
  if (problem == "sim_replaced") return tr("This SIM card was replaced and can never be used again.");
  if (problem == "sim_other_office")
    return tr("This SIM card belongs to another office's stock; take one from your office's stock.");
  return format(tr("The SIM cannot be restored ({0})."), {problem});
}

SimRestoreCheck SimRestore::check(std::int64_t lineId, std::string_view iccidText) {
  SimRestoreCheck c;
  const auto parsed = Iccid::parse(iccidText);
  if (parsed) c.newIccid = parsed->digits();
  const long long line = lineId;
  std::string problem;
  soci::indicator problemInd = soci::i_null, msisdnInd = soci::i_null, oldInd = soci::i_null,
                  ukInd = soci::i_null, enInd = soci::i_null;
  soci::indicator iccidInd = parsed ? soci::i_ok : soci::i_null;
  const std::string iccid = c.newIccid;
  sql_ << "SELECT problem, msisdn, old_iccid, office_name_uk, office_name_en FROM sim_restore_check(:line, "
          ":iccid)",
      soci::use(line), soci::use(iccid, iccidInd), soci::into(problem, problemInd),
      soci::into(c.msisdn, msisdnInd), soci::into(c.oldIccid, oldInd), soci::into(c.officeNameUk, ukInd),
      soci::into(c.officeNameEn, enInd);
  if (problemInd == soci::i_ok) c.problem = problem;
  if (!parsed && (c.problem.empty() || c.problem == "iccid_invalid")) {
    c.problem = "iccid_invalid";
    c.reason = parsed.error();  // the specific reason: digits, length, prefix, check digit
  } else {
    c.reason = problemMessage(c.problem);
  }
  c.ok = c.problem.empty();
  return c;
}

SimRestoreReceipt SimRestore::receipt(std::int64_t swapId) {
  SimRestoreReceipt r;
  const long long id = swapId;
  long long at = 0;
  soci::indicator nameInd = soci::i_null;
  sql_ << "SELECT msisdn, old_iccid, new_iccid, reason, doc_kind, office_name_uk, office_name_en, "
          "office_address, "
          "staff_login, staff_name, extract(epoch FROM swapped_at)::bigint, swapped_at_local "
          "FROM sim_swap_receipt(:id)",
      soci::use(id), soci::into(r.msisdn), soci::into(r.oldIccid), soci::into(r.newIccid),
      soci::into(r.reason), soci::into(r.docKind), soci::into(r.officeNameUk), soci::into(r.officeNameEn),
      soci::into(r.officeAddress), soci::into(r.staffLogin), soci::into(r.staffName, nameInd), soci::into(at),
      soci::into(r.swappedAtLocal);
  if (!sql_.got_data()) throw UserError(tr("This SIM restore does not exist."), "P0002");
  r.swapId = swapId;
  r.swappedAt = std::chrono::sys_seconds{std::chrono::seconds{at}};
  return r;
}

SimRestoreReceipt SimRestore::restore(std::int64_t lineId, std::string_view iccidText,
                                      SimRestoreReason reason, const std::string& expectedOldIccid) {
  const auto parsed = Iccid::parse(iccidText);
  if (!parsed) throw UserError(parsed.error(), "22023");
  const long long line = lineId;
  const std::string iccid = parsed->digits();
  const std::string why = reasonCode(reason);
  long long swapId = 0;
  try {
    sql_ << "SELECT sim_restore(:line, :iccid, :reason, :old)", soci::use(line), soci::use(iccid),
        soci::use(why), soci::use(expectedOldIccid), soci::into(swapId);
  } catch (const soci::soci_error& e) {
    const std::string state = sqlState(e);
    if (state == "SD003") {
      throw UserError(tr("A colleague changed this line's SIM a moment ago. Nothing was changed; "
                         "check the line again."),
                      state);
    }
    if (state.rfind("SD", 0) == 0 || state == "42501" || state == "22023" || state == "P0002") {
      // The function refused before changing anything; ask it why, in words.
      std::optional<SimRestoreCheck> c;
      try {
        c = check(lineId, iccidText);
      } catch (const soci::soci_error&) {
        throw UserError(describeError(e), state);
      }
      if (!c->ok) throw UserError(c->reason, state);
      throw UserError(describeError(e), state);
    }
    throw;
  }
  return receipt(swapId);
}

}  // namespace subdesk::services
