#pragma once
// The printed sheets of home internet: the contract sheet handed over at signing and
// the sheet of a reissued password. Both carry the password in clear, once: composed as
// a PdfDocument that the desk prints (PdfDocument::drawPage through the print framework)
// or saves, or that the CLI writes, and nowhere else. Whoever holds the document holds the
// password: drop it as soon as it is printed or saved.
#include <memory>
#include <string>

#include "core/domain/language.h"
#include "core/services/home_contract_signing.h"
#include "reports/pdf_document.h"

namespace subdesk::reports {

// The contract sheet (contract number, customer, address, tariff, login, the password,
// the hotline 0 800 300-466 and how to change the password).
std::unique_ptr<PdfDocument> contractSheet(const services::ContractSheet& sheet, const std::string& password,
                                           Language language);

// The sheet of a reissued password for the sheet's login.
std::unique_ptr<PdfDocument> passwordSheet(const services::ContractSheet& sheet, const std::string& password,
                                           Language language);

// Composes the contract sheet and writes it to `path`.
void writeContractSheet(const services::ContractSheet& sheet, const std::string& password, Language language,
                        const std::string& path);

// Composes the sheet of a reissued password and writes it to `path`.
void writePasswordSheet(const services::ContractSheet& sheet, const std::string& password, Language language,
                        const std::string& path);

}  // namespace subdesk::reports
