#include "core/services/home_contract_signing.h"

#include <regex>

#include "core/domain/msisdn.h"
#include "core/security/home_password.h"
#include "core/services/home_errors.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

namespace {
std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}
soci::indicator ind(const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; }
std::string e164OrEmpty(const std::string& typed) {
  if (trimmed(typed).empty()) return {};
  auto m = Msisdn::parse(typed);
  return m ? m->e164() : std::string{};
}
}  // namespace

std::vector<HomeTariff> HomeContractSigning::tariffs() {
  std::vector<HomeTariff> out;
  soci::rowset<soci::row> rows = (sql_.prepare << "SELECT code, name_uk, name_en, speed_mbps, monthly_fee, "
                                                  "turbo_price_1h, turbo_price_3h, turbo_price_24h "
                                                  "FROM tariff_plan WHERE kind = 'home' AND active "
                                                  "ORDER BY speed_mbps, code");
  for (const auto& r : rows) {
    HomeTariff t;
    t.code = r.get<std::string>(0);
    t.nameUk = r.get<std::string>(1);
    t.nameEn = r.get<std::string>(2);
    t.speedMbps = r.get<int>(3);
    t.monthlyFee = r.get<long long>(4);
    if (r.get_indicator(5) == soci::i_ok) t.turbo1h = r.get<long long>(5);
    if (r.get_indicator(6) == soci::i_ok) t.turbo3h = r.get<long long>(6);
    if (r.get_indicator(7) == soci::i_ok) t.turbo24h = r.get<long long>(7);
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<DuplicateCustomer> HomeContractSigning::duplicates(const NewCustomer& p) {
  std::vector<DuplicateCustomer> out;
  const std::string last = trimmed(p.lastName), first = trimmed(p.firstName), patr = trimmed(p.patronymic),
                    birth = trimmed(p.birthDate), doc = trimmed(p.docNumber);
  if (last.empty() || first.empty()) return out;
  soci::indicator iPatr = ind(patr), iBirth = ind(birth), iDoc = ind(doc);
  soci::rowset<soci::row> rows =
      (sql_.prepare << "SELECT customer_id, full_name, coalesce(CAST(born_on AS text), ''), coalesce(address, ''), "
                       "match FROM home_customer_duplicates(:l, :f, :p, CAST(:b AS date), :d)",
       soci::use(last), soci::use(first), soci::use(patr, iPatr), soci::use(birth, iBirth),
       soci::use(doc, iDoc));
  for (const auto& r : rows) {
    out.push_back({r.get<long long>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   r.get<std::string>(4)});
  }
  return out;
}

std::string HomeContractSigning::validate(const ContractRequest& q) {
  if (!q.customerId) {
    const auto& p = q.person;
    if (trimmed(p.lastName).empty() || trimmed(p.firstName).empty())
      return tr("Enter the customer's last and first name.");
    if (!std::regex_match(trimmed(p.birthDate), std::regex(R"(\d{4}-\d{2}-\d{2})")))
      return tr("Enter the birth date as YYYY-MM-DD.");
    if (p.docKind.empty() || trimmed(p.docNumber).empty())
      return tr("Enter the kind and number of the ID document the customer presented.");
    if (!trimmed(p.contactPhone).empty() && e164OrEmpty(p.contactPhone).empty())
      return tr("The contact phone is not a valid number.");
    if (!trimmed(p.email).empty() &&
        !std::regex_match(trimmed(p.email), std::regex(R"([^@\s]+@[^@\s]+\.[^@\s]+)")))
      return tr("The e-mail address is not valid.");
  }
  if (trimmed(q.address).empty()) return tr("Enter the connection address.");
  if (q.tariffCode.empty()) return tr("Choose a home-internet tariff.");
  const std::string login = trimmed(q.login);
  if (!login.empty() && !std::regex_match(login, std::regex(R"([a-z0-9][a-z0-9._-]{2,31})")))
    return tr("A login has 3 to 32 characters: small Latin letters, digits, dot, dash or underscore, "
              "starting with a letter or a digit.");
  if (!trimmed(q.familyMsisdn).empty() && e164OrEmpty(q.familyMsisdn).empty())
    return tr("The family member's mobile number is not valid.");
  return {};
}

SignedContract HomeContractSigning::sign(const ContractRequest& q) {
  if (auto why = validate(q); !why.empty()) throw UserError(why, "22023");
  SignedContract out;
  out.password = security::HomePassword::generate();
  const std::string hash = security::HomePassword::hash(out.password);
  const long long customer = q.customerId.value_or(0);
  soci::indicator customerInd = q.customerId ? soci::i_ok : soci::i_null;
  const auto& p = q.person;
  const std::string last = trimmed(p.lastName), first = trimmed(p.firstName), patr = trimmed(p.patronymic),
                    birth = trimmed(p.birthDate), docKind = p.docKind, doc = trimmed(p.docNumber),
                    phone = e164OrEmpty(p.contactPhone), email = trimmed(p.email), address = trimmed(q.address),
                    login = trimmed(q.login), family = e164OrEmpty(q.familyMsisdn);
  const int confirmed = q.duplicateConfirmed ? 1 : 0;
  soci::indicator iLast = ind(last), iFirst = ind(first), iPatr = ind(patr), iBirth = ind(birth),
                  iKind = ind(docKind), iDoc = ind(doc), iPhone = ind(phone), iEmail = ind(email), iLogin = ind(login),
                  iFamily = ind(family);
  long long contractId = 0, accountId = 0, homeId = 0;
  std::string contractNumber, accountNumber, issuedLogin;
  try {
    sql_ << "SELECT contract_id, contract_number, account_id, account_number, home_internet_id, issued_login "
            "FROM home_contract_sign(:c, :l, :f, :p, CAST(:b AS date), :dk, :dn, :ph, :em, :addr, :tariff, :login, "
            ":hash, :family, CAST(:confirmed AS int) = 1)",
        soci::use(customer, customerInd), soci::use(last, iLast), soci::use(first, iFirst),
        soci::use(patr, iPatr), soci::use(birth, iBirth), soci::use(docKind, iKind), soci::use(doc, iDoc),
        soci::use(phone, iPhone), soci::use(email, iEmail), soci::use(address), soci::use(q.tariffCode),
        soci::use(login, iLogin), soci::use(hash), soci::use(family, iFamily),
        soci::use(confirmed), soci::into(contractId), soci::into(contractNumber), soci::into(accountId),
        soci::into(accountNumber), soci::into(homeId), soci::into(issuedLogin);
  } catch (const soci::soci_error& e) {
    throw homeError(e);
  }
  out.contractId = contractId;
  out.accountId = accountId;
  out.homeInternetId = homeId;
  out.sheet = sheet(homeId);
  return out;
}

ContractSheet HomeContractSigning::sheet(std::int64_t homeInternetId) {
  ContractSheet s;
  const long long id = homeInternetId;
  soci::indicator a = soci::i_null, b = soci::i_null, c = soci::i_null, d = soci::i_null;
  sql_ << "SELECT coalesce(contract_number, ''), coalesce(signed_at_local, ''), customer_name, address, "
          "account_number, login, tariff_uk, tariff_en, speed_mbps, monthly_fee, office_name_uk, office_name_en, "
          "office_address, staff_name FROM home_contract_sheet(:id)",
      soci::use(id), soci::into(s.contractNumber), soci::into(s.signedAtLocal), soci::into(s.customerName),
      soci::into(s.address), soci::into(s.accountNumber), soci::into(s.login), soci::into(s.tariffUk),
      soci::into(s.tariffEn), soci::into(s.speedMbps), soci::into(s.monthlyFee), soci::into(s.officeNameUk, a),
      soci::into(s.officeNameEn, b), soci::into(s.officeAddress, c), soci::into(s.staffName, d);
  if (!sql_.got_data()) throw UserError(tr("This home-internet contract does not exist."), "P0002");
  return s;
}

}  // namespace subdesk::services
