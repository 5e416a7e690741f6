#include "core/services/bill_email.h"

#include <stdexcept>

#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::string toHex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.resize(bytes.size() * 2);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kDigits[b >> 4];
    out[2 * i + 1] = kDigits[b & 0x0f];
  }
  return out;
}

std::string fromHex(const std::string& hex) {
  auto value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("not a hexadecimal digit");
  };
  std::size_t start = hex.rfind("\\x", 0) == 0 ? 2 : 0;  // bytea's own text form
  if ((hex.size() - start) % 2 != 0) throw std::invalid_argument("odd number of hexadecimal digits");
  std::string out;
  out.reserve((hex.size() - start) / 2);
  for (std::size_t i = start; i < hex.size(); i += 2) {
    out.push_back(static_cast<char>(value(hex[i]) * 16 + value(hex[i + 1])));
  }
  return out;
}

std::optional<std::string> BillEmail::recipient(std::int64_t requestId) {
  long long r = requestId;
  int found = 0;
  std::string email;
  soci::indicator emailInd = soci::i_ok;
  sql_ << "SELECT 1, nullif(btrim(cu.email), '') FROM detail_request d JOIN account a ON a.id = d.account_id "
          "JOIN customer cu ON cu.id = a.customer_id WHERE d.id = :r",
      soci::use(r, "r"), soci::into(found), soci::into(email, emailInd);
  if (!found) throw UserError(tr("The detailed bill request no longer exists."), "not_found");
  if (emailInd != soci::i_ok) return std::nullopt;
  return email;
}

BillEmailResult BillEmail::enqueue(std::int64_t requestId, const std::string& fileName, const std::string& pdf,
                                   const std::string& recipientShown) {
  long long r = requestId, outboxId = 0;
  const std::string hex = toHex(pdf);
  std::string name = fileName, shown = recipientShown, to;
  try {
    sql_ << "SELECT outbox_id, recipient FROM detail_request_email(:r, :name, decode(:pdf, 'hex'), :shown)",
        soci::use(r, "r"), soci::use(name, "name"), soci::use(hex, "pdf"), soci::use(shown, "shown"),
        soci::into(outboxId), soci::into(to);
  } catch (const soci::soci_error& e) {
    if (sqlState(e) == "SD060") {
      throw UserError(tr("The customer has no registered e-mail address: add it to the profile (with their consent) "
                         "and send the bill again."),
                      "no_email");
    }
    throw;
  }
  return {outboxId, to};
}

}  // namespace subdesk::services
