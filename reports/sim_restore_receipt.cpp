#include "reports/sim_restore_receipt.h"

#include "core/domain/msisdn.h"
#include "core/services/caller_verification.h"
#include "core/util/i18n.h"

namespace subdesk::reports {
namespace {
std::string reasonText(const std::string& code) {
  using services::SimRestoreReason;
  for (auto r : {SimRestoreReason::Lost, SimRestoreReason::Stolen, SimRestoreReason::Damaged,
                 SimRestoreReason::FormatChange}) {
    if (services::reasonCode(r) == code) return services::reasonTitle(r);
  }
  return code;
}
}  // namespace

std::unique_ptr<PdfDocument> simRestoreReceipt(const services::SimRestoreReceipt& r, Language language) {
  const std::string number = std::to_string(r.swapId);
  auto doc = std::make_unique<PdfDocument>(format(tr("SIM restore receipt No. {0}"), {number}));
  doc->setPageLabel([](int p, int n) { return format(tr("Page {0} of {1}"), {std::to_string(p), std::to_string(n)}); });
  doc->heading(format(tr("SIM restore receipt No. {0}"), {number}));
  const auto msisdn = Msisdn::parse(r.msisdn);
  const std::string office = language == Language::En && !r.officeNameEn.empty() ? r.officeNameEn : r.officeNameUk;
  std::vector<std::pair<std::string, std::string>> facts{
      {tr("Mobile number"), msisdn ? msisdn->national() : r.msisdn},
      {tr("Old SIM (blocked for good)"), r.oldIccid},
      {tr("New SIM (active)"), r.newIccid},
      {tr("Reason"), reasonText(r.reason)},
      {tr("ID document checked"), services::documentKindTitle(r.docKind)},
      {tr("Date and time"), r.swappedAtLocal},
      {tr("Office"), r.officeAddress.empty() ? office : office + ", " + r.officeAddress},
      {tr("Served by"), r.staffName.empty() ? r.staffLogin : r.staffName + " (" + r.staffLogin + ")"},
  };
  doc->facts(facts);
  doc->spacer(4);
  doc->paragraph(tr("The old SIM card no longer works and can never be activated again. The number, tariff, "
                    "services, balance and bonuses stay as they were."));
  // The hotline with no-break spaces: a number broken across two lines gets misdialled.
  doc->paragraph(format(tr("An SMS about the replacement was sent to the number. If you did not ask for it, call "
                           "{0} at once."),
                        {"0\u00A0800\u00A0300-466"}),
                 true);
  doc->spacer(12);
  doc->facts({{tr("Subscriber's signature"), "______________________"},
              {tr("Staff member's signature"), "______________________"}});
  return doc;
}

}  // namespace subdesk::reports
