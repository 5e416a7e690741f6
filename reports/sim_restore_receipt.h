#pragma once
// The receipt the office hands over after restoring a SIM: which number, which SIM was
// blocked for ever and which one now works, why, where, who and when, and what to do if
// it was not the subscriber. Saved as PDF and printed from the same PdfDocument.
#include <memory>

#include "core/domain/language.h"
#include "core/services/sim_restore.h"
#include "reports/pdf_document.h"

namespace subdesk::reports {

// Texts are translated with tr() (the desk's language); `language` picks the office name.
std::unique_ptr<PdfDocument> simRestoreReceipt(const services::SimRestoreReceipt& receipt, Language language);

}  // namespace subdesk::reports
