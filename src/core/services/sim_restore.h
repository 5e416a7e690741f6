#pragma once
// Restoring a lost SIM at the office (sales and up): the wizard checks the new SIM as it
// is typed or scanned (check()), shows a summary, then restore() does it in one database
// transaction (migration 0017: old SIM lost for ever, new SIM active on the same line,
// sim_swap row, audit rows, SMS to the number) and returns what the receipt prints.
//
//   SimRestore sims(*sql);
//   auto c = sims.check(lineId, typedIccid);   // c.ok, or c.reason (translated)
//   auto r = sims.restore(lineId, typedIccid, SimRestoreReason::Lost, c.oldIccid);
//
// restore() names the SIM the summary showed (c.oldIccid): if a colleague restored the
// same line in between, it refuses (SD003) and nothing changes. Call it outside an open
// transaction of your own: on a refusal it asks the database why, to say it precisely.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include <soci/soci.h>

namespace subdesk::services {

enum class SimRestoreReason { Lost, Stolen, Damaged, FormatChange };

std::string reasonCode(SimRestoreReason r);   // "lost", "stolen", "damaged", "format_change"
std::string reasonTitle(SimRestoreReason r);  // translated: "Lost"

struct SimRestoreCheck {
  bool ok = false;
  std::string problem;   // the database's problem code ("sim_other_office", ...), empty when ok
  std::string reason;    // translated sentence for the person at the desk, empty when ok
  std::string msisdn;    // E.164; empty when the line is unknown
  std::string oldIccid;  // the active SIM that would become lost; empty when there is none
  std::string newIccid;  // the typed ICCID as digits, when it parsed
  std::string officeNameUk;
  std::string officeNameEn;
};

struct SimRestoreReceipt {
  std::int64_t swapId = 0;
  std::string msisdn;
  std::string oldIccid;
  std::string newIccid;
  std::string reason;   // code, see reasonCode()
  std::string docKind;  // the ID document checked: "passport", "id_card", ...
  std::string officeNameUk;
  std::string officeNameEn;
  std::string officeAddress;
  std::string staffLogin;
  std::string staffName;
  std::chrono::sys_seconds swappedAt{};
  std::string swappedAtLocal;  // "14.05.2024 14:02", Europe/Kyiv
};

class SimRestore {
 public:
  explicit SimRestore(soci::session& sql) : sql_(sql) {}

  // Whether the session user may restore this line's SIM with the typed ICCID now: Luhn
  // and format (Iccid), role, line open with an active SIM, ID document checked in a
  // verified interaction, the SIM in this office's stock. Changes nothing.
  SimRestoreCheck check(std::int64_t lineId, std::string_view iccidText);

  // Restores; throws UserError (translated reason, the SQLSTATE as code) when refused.
  SimRestoreReceipt restore(std::int64_t lineId, std::string_view iccidText, SimRestoreReason reason,
                            const std::string& expectedOldIccid);

  // The receipt of a past restore (reprint).
  SimRestoreReceipt receipt(std::int64_t swapId);

  // The translated sentence for a problem code of sim_restore_check().
  static std::string problemMessage(const std::string& problem);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
