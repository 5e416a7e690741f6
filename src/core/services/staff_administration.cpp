#include "core/services/staff_administration.h"

#include <libpq-fe.h>

#include "core/db/connection.h"
#include "core/security/password_policy.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::string groupRoleName(StaffGroup g) {
  switch (g) {
    case StaffGroup::Agent: return "subdesk_agent";
    case StaffGroup::Sales: return "subdesk_sales";
    case StaffGroup::Supervisor: return "subdesk_supervisor";
    case StaffGroup::Admin: return "subdesk_admin";
  }
  return {};
}

std::optional<StaffGroup> parseStaffGroup(const std::string& text) {
  const std::string name = text.rfind("subdesk_", 0) == 0 ? text.substr(8) : text;
  if (name == "agent") return StaffGroup::Agent;
  if (name == "sales") return StaffGroup::Sales;
  if (name == "supervisor") return StaffGroup::Supervisor;
  if (name == "admin") return StaffGroup::Admin;
  return std::nullopt;
}

std::string groupTitle(StaffGroup g) {
  switch (g) {
    case StaffGroup::Agent: return tr("Call-centre agent");
    case StaffGroup::Sales: return tr("Office sales");
    case StaffGroup::Supervisor: return tr("Supervisor");
    case StaffGroup::Admin: return tr("Administrator");
  }
  return {};
}

int StaffAdministration::officeId(const std::string& code) {
  soci::indicator ind = soci::i_null;
  int id = 0;
  sql_ << "SELECT id FROM office WHERE code = :code", soci::use(code), soci::into(id, ind);
  if (ind != soci::i_ok) throw UserError(format(tr("There is no office with the code {0}."), {code}));
  return id;
}

std::string StaffAdministration::verifier(const std::string& login, const std::string& password) {
  if (auto reason = security::PasswordPolicy::check(password, login)) throw UserError(*reason, "password_policy");
  char* encrypted = PQencryptPasswordConn(db::nativeConnection(sql_), password.c_str(), login.c_str(),
                                          "scram-sha-256");
  if (encrypted == nullptr) throw UserError(tr("The password could not be encrypted."));
  std::string out(encrypted);
  PQfreemem(encrypted);
  return out;
}

void StaffAdministration::add(const NewStaff& s) {
  const std::string v = verifier(s.login, s.password);
  const int office = officeId(s.officeCode);
  const std::string group = groupRoleName(s.group);
  soci::indicator validInd = s.validUntil.empty() ? soci::i_null : soci::i_ok;
  sql_ << "SELECT staff_add(:login, :name, :grp, :office, CAST(:until AS date), :verifier)", soci::use(s.login),
      soci::use(s.fullName), soci::use(group), soci::use(office), soci::use(s.validUntil, validInd), soci::use(v);
}

namespace {
constexpr const char* kDirectory =
    "SELECT login, full_name, group_role, office_code, office_name_uk, "
    "coalesce(to_char(valid_until, 'YYYY-MM-DD'), ''), locked FROM staff_directory ";

StaffMember toMember(const soci::row& r) {
  StaffMember m;
  m.login = r.get<std::string>(0);
  m.fullName = r.get<std::string>(1);
  m.group = parseStaffGroup(r.get<std::string>(2)).value_or(StaffGroup::Agent);
  m.officeCode = r.get<std::string>(3);
  m.officeName = r.get<std::string>(4);
  m.validUntil = r.get<std::string>(5);
  m.locked = r.get<int>(6) != 0;
  return m;
}
}  // namespace

std::vector<StaffMember> StaffAdministration::list() {
  std::vector<StaffMember> out;
  soci::rowset<soci::row> rows = (sql_.prepare << std::string(kDirectory) + "ORDER BY login");
  for (const auto& r : rows) out.push_back(toMember(r));
  return out;
}

void StaffAdministration::lock(const std::string& login) {
  sql_ << "SELECT staff_set_locked(:login, true)", soci::use(login);
}

void StaffAdministration::unlock(const std::string& login) {
  sql_ << "SELECT staff_set_locked(:login, false)", soci::use(login);
}

void StaffAdministration::setPassword(const std::string& login, const std::string& password) {
  const std::string v = verifier(login, password);
  sql_ << "SELECT staff_set_password(:login, :verifier)", soci::use(login), soci::use(v);
}

void StaffAdministration::move(const std::string& login, const std::string& officeCode) {
  const int office = officeId(officeCode);
  sql_ << "SELECT staff_move(:login, :office)", soci::use(login), soci::use(office);
}

std::optional<StaffMember> StaffAdministration::whoAmI() {
  soci::rowset<soci::row> rows = (sql_.prepare << std::string(kDirectory) + "WHERE login = session_user");
  for (const auto& r : rows) return toMember(r);
  return std::nullopt;
}

}  // namespace subdesk::services
