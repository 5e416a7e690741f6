#pragma once
// Staff administration (admins; supervisors may unlock): creates login roles as members
// of exactly one group role, locks, unlocks, sets passwords and moves staff between
// offices. The database functions of migration 0008 do the work and refuse anyone who
// may not; this class checks the password policy and turns the password into a SCRAM
// verifier on the client, so the cleartext never leaves the desk.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

enum class StaffGroup { Agent, Sales, Supervisor, Admin };

std::string groupRoleName(StaffGroup g);                        // "subdesk_agent"
std::optional<StaffGroup> parseStaffGroup(const std::string&);  // "agent" or "subdesk_agent"
std::string groupTitle(StaffGroup g);                           // translated: "Agent"

struct StaffMember {
  std::string login;
  std::string fullName;
  StaffGroup group = StaffGroup::Agent;
  std::string officeCode;
  std::string officeName;
  std::string validUntil;  // ISO date, empty when unlimited
  bool locked = false;
};

struct NewStaff {
  std::string login;
  std::string fullName;
  StaffGroup group = StaffGroup::Agent;
  std::string officeCode;
  std::string validUntil;  // YYYY-MM-DD; empty: no expiry
  std::string password;
};

class StaffAdministration {
 public:
  explicit StaffAdministration(soci::session& sql) : sql_(sql) {}

  void add(const NewStaff& staff);
  std::vector<StaffMember> list();
  void lock(const std::string& login);
  void unlock(const std::string& login);
  void setPassword(const std::string& login, const std::string& password);
  void move(const std::string& login, const std::string& officeCode);

  // The signed-in member of staff (from session_user), or nullopt for a non-staff role.
  std::optional<StaffMember> whoAmI();

 private:
  int officeId(const std::string& code);
  std::string verifier(const std::string& login, const std::string& password);
  soci::session& sql_;
};

}  // namespace subdesk::services
