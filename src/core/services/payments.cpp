#include "core/services/payments.h"

#include <Poco/UUIDGenerator.h>

#include "core/domain/card_number.h"
#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::string methodCode(PaymentMethod m) {
  switch (m) {
    case PaymentMethod::Cash: return "cash";
    case PaymentMethod::Pos: return "pos";
    case PaymentMethod::Bank: return "bank";
  }
  return {};
}

std::string methodTitle(PaymentMethod m) {
  switch (m) {
    case PaymentMethod::Cash: return tr("Cash");
    // TRANSLATORS: a payment by card at the office's POS terminal
    case PaymentMethod::Pos: return tr("Card (POS terminal)");
    case PaymentMethod::Bank: return tr("Bank transfer");
  }
  return {};
}

PaymentMethod methodFromCode(const std::string& code) {
  if (code == "cash") return PaymentMethod::Cash;
  if (code == "pos" || code == "card") return PaymentMethod::Pos;
  if (code == "bank") return PaymentMethod::Bank;
  throw UserError(format(tr("Unknown payment method \"{0}\": use cash, pos or bank."), {code}), "22023");
}

std::string newIdempotencyKey() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

namespace {
bool allDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}
std::string withoutSpaces(std::string s) {
  std::erase_if(s, [](char c) { return c == ' '; });
  return s;
}
}  // namespace

std::string Payments::problem(const PaymentRequest& r) {
  if (containsCardNumber(r.rrn) || containsCardNumber(r.cardLast4) || containsCardNumber(r.receiptNo))
    return cardNumberRefusal();
  if (r.amount.kopecks() <= 0) return tr("The amount of a payment must be more than zero.");
  if (r.method == PaymentMethod::Pos) {
    const std::string rrn = withoutSpaces(r.rrn);
    if (rrn.size() != 12 || !allDigits(rrn))
      return tr("Type the RRN printed on the terminal's slip: 12 digits.");
    if (!r.cardLast4.empty() && (r.cardLast4.size() != 4 || !allDigits(r.cardLast4)))
      return tr("Keep only the last four digits of the card.");
  } else if (!r.rrn.empty() || !r.cardLast4.empty()) {
    return tr("An RRN and card digits belong to card payments only.");
  }
  if (r.idempotencyKey.empty()) return tr("Internal error: the payment has no idempotency key.");
  return {};
}

std::int64_t Payments::take(const PaymentRequest& r) {
  if (auto p = problem(r); !p.empty())
    throw UserError(p, p == cardNumberRefusal() ? "SD040" : "22023");
  const long long account = r.accountId, amount = r.amount.kopecks();
  const std::string method = methodCode(r.method), rrn = withoutSpaces(r.rrn);
  long long id = 0;
  refusingClosedAccount(tr("This account is closed: no payment can be taken for it."), [&] {
    sql_ << "SELECT payment_take(:a, :m, :method, nullif(:rrn, ''), nullif(:l4, ''), nullif(:rn, ''), :k)",
        soci::use(account), soci::use(amount), soci::use(method), soci::use(rrn), soci::use(r.cardLast4),
        soci::use(r.receiptNo), soci::use(r.idempotencyKey), soci::into(id);
  });
  return id;
}

PaymentReceipt Payments::receipt(std::int64_t paymentId) {
  PaymentReceipt out;
  const long long id = paymentId;
  bool found = false;
  card_sql::eachRow(
      sql_,
      "SELECT p.id, a.number, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, ''), p.amount, "
      "p.method, p.rrn, p.card_last4, p.receipt_no, o.name_uk, o.name_en, o.address, p.created_by, s.full_name, "
      "to_char(p.created_at AT TIME ZONE 'Europe/Kyiv', 'DD.MM.YYYY HH24:MI'), a.balance "
      "FROM payment p JOIN account a ON a.id = p.account_id JOIN customer c ON c.id = a.customer_id "
      "LEFT JOIN office o ON o.id = p.office_id LEFT JOIN staff s ON s.login = p.created_by WHERE p.id = :id",
      [&](const soci::row& row) {
        using namespace card_sql;
        found = true;
        out.paymentId = i64(row, 0);
        out.accountNumber = str(row, 1);
        out.customerName = str(row, 2);
        out.amount = i64(row, 3);
        out.method = str(row, 4);
        out.rrn = str(row, 5);
        out.cardLast4 = str(row, 6);
        out.receiptNo = str(row, 7);
        out.officeNameUk = str(row, 8);
        out.officeNameEn = str(row, 9);
        out.officeAddress = str(row, 10);
        out.staffLogin = str(row, 11);
        out.staffName = str(row, 12);
        out.at = str(row, 13);
        out.balanceNow = i64(row, 14);
      },
      soci::use(id));
  if (!found) throw UserError(format(tr("Payment {0} does not exist."), {std::to_string(paymentId)}), "P0002");
  return out;
}

}  // namespace subdesk::services
