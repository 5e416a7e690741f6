#pragma once
// Signing a home-internet contract at the office (sales and up): the wizard searches for
// the customer first (duplicates()), picks a tariff (tariffs()), then sign() does in one
// transaction the customer (when new), the home account, the contract, the login and
// its RADIUS rows (migration 0021). The password is made here and returned once, for the
// contract sheet: the database gets only its hash, and nobody can read it again.
//
//   HomeContractSigning signing(*sql);
//   auto dups = signing.duplicates(person);     // warn: the same name + birth date or document
//   auto r = signing.sign(request);             // r.password: print it now, then forget it
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

struct HomeTariff {
  std::string code, nameUk, nameEn;
  int speedMbps = 0;
  std::int64_t monthlyFee = 0;
  std::optional<std::int64_t> turbo1h, turbo3h, turbo24h;
};

struct NewCustomer {
  std::string lastName, firstName, patronymic;
  std::string birthDate;  // YYYY-MM-DD
  std::string docKind;    // passport | id_card | foreign_passport | residence_permit
  std::string docNumber;
  std::string contactPhone;  // E.164 or empty
  std::string email;
};

struct DuplicateCustomer {
  std::int64_t customerId = 0;
  std::string fullName, birthDate, address;
  std::string match;  // "document" | "name_birth_date"
};

struct ContractRequest {
  std::optional<std::int64_t> customerId;  // an existing customer, or
  NewCustomer person;                      // a new one
  bool duplicateConfirmed = false;         // the desk showed the duplicates and they are other people
  std::string address;
  std::string tariffCode;
  std::string login;         // empty: the personal account number
  std::string familyMsisdn;  // a mobile number whose family the account joins, or empty
};

struct ContractSheet {
  std::string contractNumber, signedAtLocal, customerName, address, accountNumber, login;
  std::string tariffUk, tariffEn;
  int speedMbps = 0;
  std::int64_t monthlyFee = 0;
  std::string officeNameUk, officeNameEn, officeAddress, staffName;
};

struct SignedContract {
  std::int64_t contractId = 0, accountId = 0, homeInternetId = 0;
  ContractSheet sheet;
  std::string password;  // in clear, only here: print it on the sheet and drop it
};

class HomeContractSigning {
 public:
  explicit HomeContractSigning(soci::session& sql) : sql_(sql) {}

  std::vector<HomeTariff> tariffs();
  std::vector<DuplicateCustomer> duplicates(const NewCustomer& person);
  // Checks the input as typed (names, dates, document, login format, phone, e-mail);
  // empty when it may be sent, else the translated reason.
  static std::string validate(const ContractRequest& request);
  // Signs; throws UserError (translated reason, SQLSTATE as code) when refused.
  SignedContract sign(const ContractRequest& request);
  ContractSheet sheet(std::int64_t homeInternetId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
