#pragma once
// The printed sheets of home internet: the contract sheet handed over at signing and
// the sheet of a reissued password. Both carry the password in clear, once: they are
// rendered straight to the file the desk prints (or the CLI writes) and nowhere else.
#include <string>

#include "core/domain/language.h"
#include "core/services/home_contract_signing.h"

namespace subdesk::reports {

// Writes the contract sheet (contract number, customer, address, tariff, login, the
// password, the hotline 0 800 300-466 and how to change the password) to `path`.
void writeContractSheet(const services::ContractSheet& sheet, const std::string& password, Language language,
                        const std::string& path);

// Writes the sheet of a reissued password for `login` to `path`.
void writePasswordSheet(const services::ContractSheet& sheet, const std::string& password, Language language,
                        const std::string& path);

}  // namespace subdesk::reports
