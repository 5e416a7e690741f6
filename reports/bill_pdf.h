#pragma once
// The detailed bill as a PdfDocument (issue 8): operator header, customer, personal
// account, number(s), period; one section per kind of record (calls, SMS, mobile internet)
// with its subtotal; the fee rows of the ledger; totals, and what the ledger debited for
// the period beside them. "Page X of Y" in the footer. The language is the customer's
// (uk or en), not the desk's, so the bill's own words are kept here in both languages
// rather than in the desk's catalogue.
//
//   auto doc = composeBill(data, Language::En);
//   doc->save("/tmp/bill.pdf");           // or doc->drawPage(cr, n, w, h) when printing
#include <memory>
#include <string>

#include "core/domain/language.h"
#include "core/services/detailed_bill.h"
#include "reports/pdf_document.h"

namespace subdesk::reports {

struct OperatorHeader {
  std::string name = "subdesk";
  std::string contact = "0 800 300-466";
};

std::unique_ptr<PdfDocument> composeBill(const services::BillData& bill, Language language,
                                         const OperatorHeader& header = {});

// composeBill + save; returns the number of pages.
int saveBillPdf(const services::BillData& bill, Language language, const std::string& path);

// The file name the desk proposes: "bill-123456782-2026-11-01-2026-11-27.pdf".
std::string billFileName(const services::BillData& bill);

}  // namespace subdesk::reports
