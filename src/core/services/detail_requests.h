#pragma once
// Requests for a detailed bill (issue 8): the fee quoted by DetailFeePolicy before the
// agent confirms, then detail_request_create() (migration 0029) records the request,
// charges the fee through the ledger or, for a supervisor, waives it with a reason (the fee
// row and an equal 'detail_fee_waiver' credit row, migration 0031), and writes the audited
// read 'detailed_bill'. Runs on the primary server.
//
//   DetailRequests requests(sql);
//   auto quote = requests.quote(accountId);             // shown to the agent
//   auto done = requests.request({accountId, lineId, from, to, quote.fee, std::nullopt, key});
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "core/domain/detail_fee_policy.h"
#include "core/services/payments.h"  // newIdempotencyKey(): one per confirmation

namespace subdesk::services {

struct DetailQuote {
  DetailFeeQuote fee;
  std::chrono::year_month_day today;   // the Kyiv day of the server's clock
  int earlierThisMonth = 0;            // requests of the account already this month
  std::optional<std::chrono::year_month_day> registeredOn;
};

struct DetailRequestInput {
  std::int64_t accountId = 0;
  std::int64_t lineId = 0;  // 0: every line of the account
  std::chrono::year_month_day from, to;
  Money expectedFee;                       // the fee the agent saw
  std::optional<std::string> waiveReason;  // supervisors only
  std::string idempotencyKey;              // the same key again: the same request, no new charge
};

struct DetailRequestResult {
  std::int64_t requestId = 0;
  Money fee;
  bool waived = false;
  std::int64_t ledgerId = 0;  // the fee's ledger row; a waived fee also has its credit row (0031)
};

class DetailRequests {
 public:
  explicit DetailRequests(soci::session& sql) : sql_(sql) {}
  DetailQuote quote(std::int64_t accountId);
  // Throws soci_error: SQLSTATE SD051 when the fee changed since the quote, SD005 for a
  // waiver without a reason, 42501 for a waiver by anyone but a supervisor, SD050 for a
  // bad period, SD052 for a line of another account.
  DetailRequestResult request(const DetailRequestInput& input);

 private:
  soci::session& sql_;
};


}  // namespace subdesk::services
