#pragma once
// The family profile (issue 7; family_create(), family_add() and family_remove() of
// migration 0027): one owner, mobile and home-internet accounts of one or more customers.
// Creating needs a verified owner; adding needs the owner verified and, for another
// customer's account, that customer too; removing needs the owner or the account's own
// customer (SD001 otherwise). A closed account is not added (SD042); an account in
// another group, or not in this one, is SD049. The owner's card shows members() with
// balances and open lines; balance_transfer() already moves money within the group.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace subdesk::services {

struct FamilyMemberLine {
  std::int64_t lineId = 0;
  std::string msisdn, status;  // E.164; active | blocked | suspended ...
};

struct FamilyGroupMember {
  std::int64_t accountId = 0, customerId = 0;
  std::string accountNumber, kind, status;  // kind mobile | home; status active | suspended | closed
  std::string customerName;                 // "Коваленко Олена Петрівна"
  bool owner = false;                       // the account belongs to the group's owner
  std::int64_t balance = 0, bonusBalance = 0, disconnectThreshold = 0;  // kopecks
  std::vector<FamilyMemberLine> lines;                                  // open lines, by number
};

struct FamilyGroup {
  std::int64_t id = 0;
  std::string name;
  std::int64_t ownerCustomerId = 0;
  std::string ownerName;
  std::vector<FamilyGroupMember> members;  // the owner's accounts first, then by customer and number
};

class FamilyProfile {
 public:
  explicit FamilyProfile(soci::session& sql) : sql_(sql) {}

  // Returns the new group's id.
  std::int64_t create(std::int64_t ownerCustomerId, const std::string& name);
  void add(std::int64_t groupId, std::int64_t accountId);
  void remove(std::int64_t groupId, std::int64_t accountId);
  // The group one of the customer's accounts is in (preferring their own group), else a
  // group they own.
  std::optional<std::int64_t> groupOfCustomer(std::int64_t customerId);
  // The group with its members' accounts, balances and open lines; throws UserError when
  // there is no such group.
  FamilyGroup members(std::int64_t groupId);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
