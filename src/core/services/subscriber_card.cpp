// SubscriberCard: resolving the key, loading all tabs, the Overview tab and its warnings.
// Balance, package and expenses are in card_money.cpp; profile, home internet and the
// timeline in card_profile.cpp.
#include "core/services/subscriber_card.h"

#include "core/domain/money.h"
#include "core/domain/msisdn.h"
#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

using namespace card_sql;

namespace {

UserError notFound() { return UserError(tr("No such subscriber."), "not_found"); }

std::string displayNumber(const std::string& e164) {
  const auto m = Msisdn::parse(e164);
  return m ? m->national() : e164;
}

}  // namespace

std::string expenseCategoryName(ExpenseCategory category) {
  switch (category) {
    case ExpenseCategory::Calls: return "calls";
    case ExpenseCategory::Sms: return "sms";
    case ExpenseCategory::Data: return "data";
    case ExpenseCategory::Fees: return "fees";
  }
  return "fees";
}

std::optional<ExpenseCategory> expenseCategoryFromName(const std::string& name) {
  for (auto c : {ExpenseCategory::Calls, ExpenseCategory::Sms, ExpenseCategory::Data, ExpenseCategory::Fees}) {
    if (expenseCategoryName(c) == name) return c;
  }
  return std::nullopt;
}

CardKey SubscriberCard::resolve(const CardKey& key) {
  CardKey out = key;
  long long a = 0, c = 0, l = 0;
  if (key.lineId != 0) {
    l = key.lineId;
    sql_ << "SELECT a.id, a.customer_id FROM line l JOIN account a ON a.id = l.account_id WHERE l.id = :l",
        soci::use(l, "l"), soci::into(a), soci::into(c);
    if (!sql_.got_data()) throw notFound();
    return {c, a, l};
  }
  if (key.accountId != 0) {
    a = key.accountId;
    sql_ << "SELECT a.customer_id, coalesce((SELECT min(l.id) FROM line l WHERE l.account_id = a.id "
            "AND l.status <> 'closed'), 0) FROM account a WHERE a.id = :a",
        soci::use(a, "a"), soci::into(c), soci::into(l);
    if (!sql_.got_data()) throw notFound();
    return {c, a, l};
  }
  c = key.customerId;
  sql_ << "SELECT coalesce(a.id, 0), coalesce(l.id, 0) FROM customer cu "
          "LEFT JOIN LATERAL (SELECT a.id, (SELECT min(l.id) FROM line l WHERE l.account_id = a.id "
          "  AND l.status <> 'closed') AS line_id FROM account a WHERE a.customer_id = cu.id "
          "  ORDER BY (a.status = 'closed'), (a.kind <> 'mobile'), "
          "  (SELECT min(l.id) FROM line l WHERE l.account_id = a.id AND l.status <> 'closed') IS NULL, a.id "
          "  LIMIT 1) a ON true "
          "LEFT JOIN line l ON l.id = a.line_id WHERE cu.id = :c",
      soci::use(c, "c"), soci::into(a), soci::into(l);
  if (!sql_.got_data()) throw notFound();
  out.accountId = a;
  out.lineId = l;
  return out;
}

CardData SubscriberCard::load(const CardKey& key) {
  soci::transaction tx(sql_);
  sql_ << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  CardData card;
  card.key = resolve(key);
  card.overview = overview(card.key);
  card.balance = balance(card.key);
  card.package = package(card.key);
  card.expenses = expenses(card.key);
  card.profile = profile(card.key);
  card.homeInternet = homeInternet(card.key.customerId);
  card.timeline = timeline(card.key.customerId);
  tx.commit();
  return card;
}

OverviewTab SubscriberCard::overview(const CardKey& key) {
  OverviewTab o;
  long long c = key.customerId, a = key.accountId, l = key.lineId;
  eachRow(
      sql_,
      "SELECT c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, ''), a.number, a.kind, a.status "
      "FROM customer c LEFT JOIN account a ON a.customer_id = c.id AND a.id = :a WHERE c.id = :c",
      [&](const soci::row& r) {
        o.customerName = str(r, 0);
        o.accountNumber = str(r, 1);
        o.accountKind = str(r, 2);
        o.accountStatus = str(r, 3);
      },
      soci::use(a, "a"), soci::use(c, "c"));
  if (o.customerName.empty()) throw notFound();
  eachRow(
      sql_,
      "SELECT l.id, l.msisdn, l.status, l.device_model, "
      "  (SELECT s.iccid FROM sim s WHERE s.line_id = l.id AND s.status = 'active'), "
      "  t.code, t.name_uk, t.name_en, t.monthly_fee "
      "FROM line l JOIN tariff_plan t ON t.id = l.tariff_id "
      "WHERE l.account_id = :a AND l.status <> 'closed' ORDER BY (l.id <> :l), l.id",
      [&](const soci::row& r) {
        o.lines.push_back({i64(r, 0), str(r, 1), str(r, 2), str(r, 3), str(r, 4), str(r, 5), str(r, 6), str(r, 7),
                           i64(r, 8)});
      },
      soci::use(a, "a"), soci::use(l, "l"));
  eachRow(
      sql_,
      std::string("SELECT s.code, s.name_uk, s.name_en, s.monthly_fee, CAST(ls.starts_on AS text), "
                  "CAST(ls.ends_on AS text) FROM line_service ls JOIN service s ON s.id = ls.service_id "
                  "WHERE ls.line_id = :l AND ls.starts_on <= ") +
          kToday + " AND (ls.ends_on IS NULL OR ls.ends_on >= " + kToday + ") ORDER BY s.code",
      [&](const soci::row& r) {
        o.services.push_back({str(r, 0), str(r, 1), str(r, 2), i64(r, 3), str(r, 4), str(r, 5)});
      },
      soci::use(l, "l"));
  eachRow(
      sql_,
      "SELECT fg.name, c.id, a.id, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, ''), "
      "  a.number, a.kind, coalesce(string_agg(l.msisdn, ', ' ORDER BY l.msisdn), '') "
      "FROM family_group fg JOIN account a ON a.family_group_id = fg.id JOIN customer c ON c.id = a.customer_id "
      "LEFT JOIN line l ON l.account_id = a.id AND l.status <> 'closed' "
      "WHERE fg.id = (SELECT min(family_group_id) FROM account WHERE customer_id = :c) "
      "GROUP BY fg.id, c.id, a.id ORDER BY c.id = fg.owner_customer_id DESC, c.search_name, a.number",
      [&](const soci::row& r) {
        o.familyName = str(r, 0);
        o.family.push_back({i64(r, 1), i64(r, 2), str(r, 3), str(r, 4), str(r, 5), str(r, 6)});
      },
      soci::use(c, "c"));
  eachRow(
      sql_,
      "SELECT p.code, p.name_uk, p.name_en, kyiv_iso(e.joined_at), CAST(p.ends_on AS text) "
      "FROM promotion_enrollment e JOIN promotion p ON p.id = e.promotion_id "
      "WHERE e.line_id = :l AND e.left_at IS NULL ORDER BY e.joined_at, e.id",
      [&](const soci::row& r) { o.promotions.push_back({str(r, 0), str(r, 1), str(r, 2), str(r, 3), str(r, 4)}); },
      soci::use(l, "l"));
  eachRow(
      sql_,
      "SELECT t.id, t.subject, kyiv_iso(t.created_at) FROM ticket t "
      "WHERE t.customer_id = :c AND t.status = 'open' ORDER BY t.created_at, t.id",
      [&](const soci::row& r) { o.openTickets.push_back({i64(r, 0), str(r, 1), str(r, 2)}); }, soci::use(c, "c"));
  o.warnings = warnings(key);
  return o;
}

std::vector<CardWarning> SubscriberCard::warnings(const CardKey& key) {
  std::vector<CardWarning> out;
  long long c1 = key.customerId, c2 = c1, c3 = c1, c4 = c1, c5 = c1;
  // code, subject (number), amount, moment/day
  eachRow(
      sql_,
      std::string("SELECT 'sim_swap_recent', l.msisdn, 0, kyiv_iso(max(ss.swapped_at)) FROM sim_swap ss "
                  "JOIN line l ON l.id = ss.line_id JOIN account a ON a.id = l.account_id "
                  "WHERE a.customer_id = :c1 AND ss.swapped_at > now() - interval '72 hours' GROUP BY l.msisdn "
                  "UNION ALL SELECT 'debt', a.number, a.balance, '' FROM account a "
                  "WHERE a.customer_id = :c2 AND a.balance < 0 AND a.status <> 'closed' "
                  "UNION ALL SELECT 'account_suspended', a.number, 0, '' FROM account a "
                  "WHERE a.customer_id = :c3 AND a.status = 'suspended' "
                  "UNION ALL SELECT 'line_blocked', l.msisdn, 0, '' FROM line l JOIN account a ON a.id = l.account_id "
                  "WHERE a.customer_id = :c4 AND l.status = 'blocked' "
                  "UNION ALL SELECT 'home_suspended', h.login, 0, CAST(h.suspended_to AS text) FROM home_internet h "
                  "JOIN account a ON a.id = h.account_id WHERE a.customer_id = :c5 AND h.status = 'active' AND ") +
          kToday + " BETWEEN h.suspended_from AND h.suspended_to",
      [&](const soci::row& r) {
        const std::string code = str(r, 0), subject = str(r, 1), when = str(r, 3);
        std::string text;
        if (code == "sim_swap_recent") {
          text = format(tr("The SIM card of {0} was replaced on {1}, less than 72 hours ago: be wary of requests "
                           "to move money or send codes."),
                        {displayNumber(subject), shortMoment(when)});
        } else if (code == "debt") {
          text = format(tr("Account {0} is in debt: {1}."),
                        {subject, Money::fromKopecks(i64(r, 2)).format(language_)});
        } else if (code == "account_suspended") {
          text = format(tr("Account {0} is suspended."), {subject});
        } else if (code == "line_blocked") {
          text = format(tr("The number {0} is blocked."), {displayNumber(subject)});
        } else {
          text = format(tr("Home internet {0} is paused until {1}."), {subject, when});
        }
        out.push_back({code, text});
      },
      soci::use(c1, "c1"), soci::use(c2, "c2"), soci::use(c3, "c3"), soci::use(c4, "c4"),
      soci::use(c5, "c5"));
  return out;
}

}  // namespace subdesk::services
