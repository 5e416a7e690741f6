#pragma once
// The content of a detailed bill (issue 8): who, which account and numbers, the period,
// every call record of the period from cdr_visible (so never an emergency call) grouped
// by kind with subtotals, the fee rows of the ledger, and what the ledger debited for the
// period, so the printed totals can be checked against it to the kopeck. Read in one
// REPEATABLE READ snapshot; may run on a read replica. Rendering is reports/bill_pdf.h.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/domain/language.h"

namespace subdesk::services {

struct BillRecord {
  std::string at;      // "03.11 14:05" Kyiv (the bill's period names the year)
  std::string msisdn;  // the subscriber's line (E.164)
  std::string kind;    // voice | sms | data
  std::string direction, otherNumber;
  std::int64_t durationS = 0, volumeKb = 0, charge = 0;
  bool roaming = false;
};

struct BillFee {
  std::string at;  // "01.11 00:00" Kyiv
  std::string kind, description;
  std::int64_t amount = 0;  // kopecks charged (positive); a waived fee credited back is negative
};

struct BillData {
  std::string customerName, customerAddress, customerEmail;
  std::string accountNumber;
  std::vector<std::string> msisdns;  // the lines billed (one, or all of the account)
  std::chrono::year_month_day from, to;
  std::vector<BillRecord> records;  // oldest first
  std::vector<BillFee> fees;        // ledger fee rows, oldest first
  std::int64_t usageTotal = 0;      // sum of the records' charges
  std::int64_t feesTotal = 0;       // sum of the fee rows
  std::int64_t ledgerUsage = 0;     // 'usage' rows the ledger debited in the period
  std::int64_t subtotal(const std::string& kind) const;
  std::int64_t total() const { return usageTotal + feesTotal; }
  std::int64_t ledgerTotal() const { return ledgerUsage + feesTotal; }
};

class DetailedBill {
 public:
  explicit DetailedBill(soci::session& reader) : sql_(reader) {}
  // lineId 0: every line of the account. Throws UserError("not_found") for an unknown account.
  BillData load(std::int64_t accountId, std::int64_t lineId, std::chrono::year_month_day from,
                std::chrono::year_month_day to);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
