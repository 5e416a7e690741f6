#include "core/services/family_profile.h"

#include <map>

#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

std::int64_t FamilyProfile::create(std::int64_t ownerCustomerId, const std::string& name) {
  const long long owner = ownerCustomerId;
  long long id = 0;
  sql_ << "SELECT family_create(:o, :n)", soci::use(owner), soci::use(name), soci::into(id);
  return id;
}

void FamilyProfile::add(std::int64_t groupId, std::int64_t accountId) {
  const long long g = groupId, a = accountId;
  sql_ << "SELECT family_add(:g, :a)", soci::use(g), soci::use(a);
}

void FamilyProfile::remove(std::int64_t groupId, std::int64_t accountId) {
  const long long g = groupId, a = accountId;
  sql_ << "SELECT family_remove(:g, :a)", soci::use(g), soci::use(a);
}

std::optional<std::int64_t> FamilyProfile::groupOfCustomer(std::int64_t customerId) {
  // Several groups may name the customer: the one holding their own accounts comes first,
  // then one they own (an owner may have no account in it yet).
  const long long c = customerId;
  long long id = 0;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT g.id FROM family_group g WHERE g.owner_customer_id = :c "
          "OR g.id IN (SELECT a.family_group_id FROM account a WHERE a.customer_id = :c2) "
          "ORDER BY EXISTS (SELECT 1 FROM account a WHERE a.family_group_id = g.id AND a.customer_id = :c3) "
          "DESC, "
          "g.owner_customer_id = :c4 DESC, g.id LIMIT 1",
      soci::use(c), soci::use(c), soci::use(c), soci::use(c), soci::into(id, ind);
  if (!sql_.got_data() || ind == soci::i_null) return std::nullopt;
  return id;
}

FamilyGroup FamilyProfile::members(std::int64_t groupId) {
  FamilyGroup g;
  const long long id = groupId;
  card_sql::eachRow(
      sql_,
      "SELECT g.id, g.name, g.owner_customer_id, "
      "concat_ws(' ', c.last_name, c.first_name, c.patronymic) "
      "FROM family_group g JOIN customer c ON c.id = g.owner_customer_id WHERE g.id = :g",
      [&](const soci::row& r) {
        using namespace card_sql;
        g = {i64(r, 0), str(r, 1), i64(r, 2), str(r, 3), {}};
      },
      soci::use(id));
  if (g.id == 0)
    throw UserError(format(tr("There is no family group {0}."), {std::to_string(groupId)}), "usage");
  std::map<std::int64_t, std::size_t> byAccount;
  const long long owner = g.ownerCustomerId;
  card_sql::eachRow(
      sql_,
      "SELECT a.id, a.customer_id, a.number, a.kind, a.status, "
      "concat_ws(' ', c.last_name, c.first_name, c.patronymic), a.customer_id = :o, "
      "a.balance, a.bonus_balance, a.disconnect_threshold "
      "FROM account a JOIN customer c ON c.id = a.customer_id WHERE a.family_group_id = :g "
      "ORDER BY a.customer_id <> :o2, c.last_name, c.first_name, a.customer_id, a.number",
      [&](const soci::row& r) {
        using namespace card_sql;
        byAccount[i64(r, 0)] = g.members.size();
        g.members.push_back({i64(r, 0),
                             i64(r, 1),
                             str(r, 2),
                             str(r, 3),
                             str(r, 4),
                             str(r, 5),
                             flag(r, 6),
                             i64(r, 7),
                             i64(r, 8),
                             i64(r, 9),
                             {}});
      },
      soci::use(owner), soci::use(id), soci::use(owner));
  card_sql::eachRow(
      sql_,
      "SELECT l.account_id, l.id, l.msisdn, l.status FROM line l "
      "JOIN account a ON a.id = l.account_id "
      "WHERE a.family_group_id = :g AND l.status <> 'closed' ORDER BY l.msisdn",
      [&](const soci::row& r) {
        using namespace card_sql;
        const auto it = byAccount.find(i64(r, 0));
        if (it != byAccount.end()) g.members[it->second].lines.push_back({i64(r, 1), str(r, 2), str(r, 3)});
      },
      soci::use(id));
  return g;
}

}  // namespace subdesk::services
