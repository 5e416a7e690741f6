#include "core/services/profile_edit.h"

#include <regex>

#include "core/domain/card_number.h"
#include "core/domain/msisdn.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {
namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
std::string trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}
}  // namespace

std::string ProfileEdit::problem(const ProfileChanges& c, const std::string& storedPhone) {
  for (const auto* field : {&c.lastName, &c.firstName, &c.patronymic, &c.email, &c.contactPhone, &c.address})
    if (containsCardNumber(*field)) return cardNumberRefusal();
  if (blank(c.lastName) || blank(c.firstName)) return tr("The last name and the first name are required.");
  static const std::regex email(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  if (!blank(c.email) && !std::regex_match(c.email, email))
    return tr("The e-mail address is not valid: it looks like name@example.com.");
  if (c.notifyEmail && blank(c.email)) return tr("E-mail notifications need an e-mail address.");
  if (!blank(c.contactPhone) && !(trimmed(c.contactPhone) == storedPhone && !storedPhone.empty())) {
    if (auto m = Msisdn::parse(c.contactPhone); !m) return m.error();
  }
  return {};
}

int ProfileEdit::save(std::int64_t customerId, int version, const ProfileChanges& c) {
  const long long id = customerId;
  std::string stored;
  soci::indicator storedInd = soci::i_null;
  sql_ << "SELECT contact_phone FROM customer WHERE id = :id", soci::use(id), soci::into(stored, storedInd);
  if (storedInd != soci::i_ok) stored.clear();
  if (auto p = problem(c, stored); !p.empty())
    throw UserError(p, containsCardNumber(c.address) ? "SD040" : "22023");
  std::string phone;
  if (!blank(c.contactPhone)) {
    const auto m = Msisdn::parse(c.contactPhone);
    phone = m ? m->e164() : stored;  // not a mobile number: the one on file, kept as it was
  }
  const int sms = c.notifySms ? 1 : 0, mail = c.notifyEmail ? 1 : 0;
  int next = 0;
  sql_ << "SELECT customer_update_profile(:id, :v, :ln, :fn, :pn, :em, :ph, :ad, CAST(:s AS int) = 1, "
          "CAST(:e AS int) = 1)",
      soci::use(id), soci::use(version), soci::use(c.lastName), soci::use(c.firstName), soci::use(c.patronymic),
      soci::use(c.email), soci::use(phone), soci::use(c.address), soci::use(sms), soci::use(mail), soci::into(next);
  return next;
}

ProfileChanges ProfileEdit::current(std::int64_t customerId, int& version) {
  ProfileChanges c;
  const long long id = customerId;
  soci::indicator i1, i2, i3, i4;
  int sms = 0, mail = 0;
  sql_ << "SELECT last_name, first_name, patronymic, email, contact_phone, address, notify_sms::int, "
          "notify_email::int, version FROM customer WHERE id = :id",
      soci::use(id), soci::into(c.lastName), soci::into(c.firstName), soci::into(c.patronymic, i1),
      soci::into(c.email, i2), soci::into(c.contactPhone, i3), soci::into(c.address, i4), soci::into(sms),
      soci::into(mail), soci::into(version);
  if (!sql_.got_data()) throw UserError(tr("This customer does not exist."), "P0002");
  for (auto [ind, field] : {std::pair{i1, &c.patronymic}, {i2, &c.email}, {i3, &c.contactPhone}, {i4, &c.address}})
    if (ind != soci::i_ok) field->clear();
  c.notifySms = sms != 0;
  c.notifyEmail = mail != 0;
  return c;
}

void ProfileEdit::setCodeWord(std::int64_t customerId, const std::string& codeWord) {
  if (containsCardNumber(codeWord)) throw UserError(cardNumberRefusal(), "SD040");
  const long long id = customerId;
  soci::indicator ind = blank(codeWord) ? soci::i_null : soci::i_ok;
  sql_ << "SELECT customer_set_code_word(:id, :w)", soci::use(id), soci::use(codeWord, ind);
}

}  // namespace subdesk::services
