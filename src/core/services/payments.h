#pragma once
// Taking a payment at the desk (issue 7): cash and card at the office's POS terminal
// (sales and up), bank transfers (anyone at the desk). No commission. The dialog makes
// an idempotency key when it opens (newIdempotencyKey()) and sends the same key on every
// retry, so a double click or a retry after a dropped connection never credits twice:
// payment_take() (migration 0024) returns the first payment's id again.
//
//   Payments pay(*sql);
//   auto id = pay.take({accountId, Money::fromKopecks(15000), PaymentMethod::Pos,
//                       "123456789012", "1234", "", key});
//   auto receipt = pay.receipt(id);   // reports::renderPaymentReceipt prints it
//
// Refusals throw: UserError with a translated sentence (a card number typed anywhere,
// SD040; a malformed amount) before anything is sent, or the database's error (SD041
// amount, SD042 closed account, SD043 RRN, SD007 key reused, 42501 role) for
// describeError().
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "core/domain/money.h"

namespace subdesk::services {

enum class PaymentMethod { Cash, Pos, Bank };

std::string methodCode(PaymentMethod m);   // cash | pos | bank
std::string methodTitle(PaymentMethod m);  // translated
PaymentMethod methodFromCode(const std::string& code);  // throws UserError for anything else

// A fresh random key (UUID) for one operation the person means to do once.
std::string newIdempotencyKey();

struct PaymentRequest {
  std::int64_t accountId = 0;
  Money amount;
  PaymentMethod method = PaymentMethod::Cash;
  std::string rrn;        // pos: the terminal's 12-digit retrieval reference number
  std::string cardLast4;  // pos: at most the last four digits of the card; may be empty
  std::string receiptNo;  // cash receipt or bank document number; may be empty
  std::string idempotencyKey;
};

struct PaymentReceipt {
  std::int64_t paymentId = 0;
  std::string accountNumber, customerName;
  std::int64_t amount = 0;
  std::string method;  // code
  std::string rrn, cardLast4, receiptNo;
  std::string officeNameUk, officeNameEn, officeAddress;
  std::string staffLogin, staffName;
  std::string at;  // "14.05.2024 14:02", Europe/Kyiv
  std::int64_t balanceNow = 0;  // the account's balance when the receipt is read
};

class Payments {
 public:
  explicit Payments(soci::session& sql) : sql_(sql) {}

  // Checks what can be checked without the database (card numbers, RRN, last four digits),
  // then takes the payment in one transaction. Returns the payment id.
  std::int64_t take(const PaymentRequest& request);

  PaymentReceipt receipt(std::int64_t paymentId);

  // The checks of take() that need no database: empty when fine, else a translated sentence.
  static std::string problem(const PaymentRequest& request);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
