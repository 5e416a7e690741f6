// SubscriberCard: the Profile, Home internet and Timeline tabs, and the audited document
// reveal.
#include "core/domain/money.h"
#include "core/domain/msisdn.h"
#include "core/services/card_sql.h"
#include "core/services/subscriber_card.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {

using namespace card_sql;

namespace {

// The timeline's sources. Payments come from payment (method, receipt), so their ledger
// rows are left out; every other money movement comes from the ledger. Columns: moment,
// kind, action, details, subject, amount (NULL: none), staff login.
constexpr const char* kTimelineSources =
    "SELECT l.created_at AS at, 'ledger' AS kind, l.kind AS action, coalesce(l.description, '') AS details, "
    "  a.number AS subject, l.amount AS amount, l.created_by AS who, l.id AS id "
    "FROM ledger l JOIN account a ON a.id = l.account_id "
    "WHERE a.customer_id = :c1 AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.ledger_id = l.id) "
    "UNION ALL SELECT p.created_at, 'payment', p.method, coalesce(p.receipt_no, ''), a.number, p.amount, "
    "  p.created_by, p.id FROM payment p JOIN account a ON a.id = p.account_id WHERE a.customer_id = :c2 "
    "UNION ALL SELECT i.opened_at, 'interaction', i.channel, coalesce(i.wrap_up, ''), "
    "  coalesce(i.verified_by, ''), NULL, i.staff_login, i.id FROM interaction i WHERE i.customer_id = :c3 "
    "UNION ALL SELECT ss.swapped_at, 'sim_swap', ss.reason, '', ln.msisdn, NULL, ss.staff_login, ss.id "
    "  FROM sim_swap ss JOIN line ln ON ln.id = ss.line_id JOIN account a ON a.id = ln.account_id "
    "  WHERE a.customer_id = :c4 "
    "UNION ALL SELECT tc.created_at, 'tariff_change', tc.status, "
    "  ot.name_uk || ' → ' || nt.name_uk || '|' || ot.name_en || ' → ' || nt.name_en, ln.msisdn, NULL, "
    "  tc.created_by, tc.id FROM tariff_change tc JOIN line ln ON ln.id = tc.line_id "
    "  JOIN account a ON a.id = ln.account_id JOIN tariff_plan ot ON ot.id = tc.old_tariff_id "
    "  JOIN tariff_plan nt ON nt.id = tc.new_tariff_id WHERE a.customer_id = :c5 ";
// Audit rows for what the other sources do not already show (profile edits, services,
// document reveals, ...): supervisors and admins only (0007).
constexpr const char* kTimelineAudit =
    "UNION ALL SELECT au.at, 'audit', au.action, coalesce(au.table_name, '') || coalesce(': ' || "
    "  (SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(CASE WHEN jsonb_typeof(au.changes) = "
    "  'object' THEN au.changes ELSE '{}' END) AS k), ''), coalesce(au.row_id, ''), NULL, au.who, au.id "
    "  FROM audit_log au WHERE au.customer_id = :c6 AND coalesce(au.table_name, '') NOT IN "
    "  ('ledger', 'payment', 'interaction', 'sim_swap', 'tariff_change') ";

std::string ledgerKindText(const std::string& kind) {
  if (kind == "usage") return tr("Calls, SMS and internet");
  if (kind == "monthly_fee") return tr("Monthly fee");
  if (kind == "service_fee") return tr("Service fee");
  if (kind == "adjustment") return tr("Balance adjustment");
  if (kind == "transfer") return tr("Transfer between accounts");
  if (kind == "detail_fee") return tr("Detailed bill fee");
  if (kind == "detail_fee_waiver") return tr("Detailed bill fee waived");
  if (kind == "turbo") return tr("Turbo");
  if (kind == "bonus_transfer") return tr("Bonus transfer");
  if (kind == "bonus_accrual") return tr("Bonus accrual");
  if (kind == "promotion") return tr("Promotion");
  return tr("Payment");
}

std::string methodText(const std::string& method) {
  if (method == "cash") return tr("Payment in cash");
  if (method == "pos") return tr("Payment by card");
  return tr("Payment by bank transfer");
}

std::string displayNumber(const std::string& number) {
  const auto m = Msisdn::parse(number);
  return m ? m->national() : number;
}

}  // namespace

ProfileTab SubscriberCard::profile(const CardKey& key) {
  ProfileTab p;
  long long c = key.customerId, a = key.accountId, l = key.lineId;
  bool found = false;
  // Never doc_number or tax_number: the desk may not read them (0007).
  eachRow(
      sql_,
      "SELECT cu.last_name, cu.first_name, cu.patronymic, CAST(cu.birth_date AS text), cu.doc_kind, cu.address, "
      "  cu.email, cu.contact_phone, cu.language, CAST(cu.notify_sms AS int), CAST(cu.notify_email AS int), "
      "  cu.version, kyiv_iso(cu.created_at), "
      "  (SELECT CAST(selfcare_registered_on AS text) FROM account WHERE id = :a), "
      "  (SELECT device_model FROM line WHERE id = :l) "
      "FROM customer cu WHERE cu.id = :c",
      [&](const soci::row& r) {
        found = true;
        p.lastName = str(r, 0);
        p.firstName = str(r, 1);
        p.patronymic = str(r, 2);
        p.birthDate = str(r, 3);
        p.docKind = str(r, 4);
        p.docMask = p.docKind.empty() ? "" : "******";
        p.address = str(r, 5);
        p.email = str(r, 6);
        p.contactPhone = str(r, 7);
        p.language = str(r, 8);
        p.notifySms = flag(r, 9);
        p.notifyEmail = flag(r, 10);
        p.version = static_cast<int>(i64(r, 11));
        p.customerSince = str(r, 12);
        p.selfcareRegisteredOn = str(r, 13);
        p.deviceModel = str(r, 14);
      },
      soci::use(a, "a"), soci::use(l, "l"), soci::use(c, "c"));
  if (!found) throw UserError(tr("No such subscriber."), "not_found");
  return p;
}

RevealedDocument SubscriberCard::revealDocument(std::int64_t customerId) {
  RevealedDocument d;
  long long c = customerId;
  soci::indicator i1 = soci::i_ok, i2 = soci::i_ok, i3 = soci::i_ok;
  sql_ << "SELECT doc_kind, doc_number, tax_number FROM reveal_document(:c)", soci::use(c, "c"),
      soci::into(d.docKind, i1), soci::into(d.docNumber, i2), soci::into(d.taxNumber, i3);
  if (i1 == soci::i_null) d.docKind.clear();
  if (i2 == soci::i_null) d.docNumber.clear();
  if (i3 == soci::i_null) d.taxNumber.clear();
  return d;
}

std::vector<HomeInternetItem> SubscriberCard::homeInternet(std::int64_t customerId) {
  std::vector<HomeInternetItem> out;
  long long c = customerId;
  eachRow(
      sql_,
      std::string("SELECT a.id, a.number, h.login, h.address, ct.number, t.name_uk, t.name_en, t.monthly_fee, "
                  "  t.speed_mbps, h.status, CAST(h.suspended_from AS text), CAST(h.suspended_to AS text), "
                  "  CAST(coalesce(") +
          kToday +
          " BETWEEN h.suspended_from AND h.suspended_to, false) AS int), kyiv_iso(h.turbo_until), "
          "  CAST(coalesce(h.turbo_until > now(), false) AS int), a.balance, a.bonus_balance "
          "FROM home_internet h JOIN account a ON a.id = h.account_id JOIN tariff_plan t ON t.id = h.tariff_id "
          "LEFT JOIN contract ct ON ct.id = h.contract_id WHERE a.customer_id = :c ORDER BY a.number",
      [&](const soci::row& r) {
        HomeInternetItem h;
        h.accountId = i64(r, 0);
        h.accountNumber = str(r, 1);
        h.login = str(r, 2);
        h.address = str(r, 3);
        h.contractNumber = str(r, 4);
        h.tariffUk = str(r, 5);
        h.tariffEn = str(r, 6);
        h.monthlyFee = i64(r, 7);
        h.speedMbps = static_cast<int>(i64(r, 8));
        h.status = str(r, 9);
        h.suspendedFrom = str(r, 10);
        h.suspendedTo = str(r, 11);
        h.suspendedNow = flag(r, 12);
        h.turboUntil = str(r, 13);
        h.turboActive = flag(r, 14);
        h.balance = i64(r, 15);
        h.bonusBalance = i64(r, 16);
        out.push_back(h);
      },
      soci::use(c, "c"));
  return out;
}

Timeline SubscriberCard::timeline(std::int64_t customerId, int limit) {
  Timeline t;
  int mayReadAudit = 0;
  sql_ << "SELECT CAST(has_table_privilege('audit_log', 'SELECT') AS int)", soci::into(mayReadAudit);
  t.includesAudit = mayReadAudit == 1;
  long long c1 = customerId, c2 = c1, c3 = c1, c4 = c1, c5 = c1, c6 = c1;
  const std::string query = std::string("SELECT kyiv_iso(e.at), e.kind, e.action, e.details, e.subject, e.amount, ") +
                            "CAST(e.who AS text), s.full_name FROM (" + kTimelineSources + (t.includesAudit ? kTimelineAudit : "") +
                            ") e LEFT JOIN staff s ON s.login = e.who ORDER BY e.at DESC, e.kind, e.id DESC LIMIT :lim";
  const auto add = [&](const soci::row& r) {
    TimelineEntry e;
    e.at = str(r, 0);
    e.kind = str(r, 1);
    e.action = str(r, 2);
    e.details = str(r, 3);
    const std::string subject = str(r, 4);
    if (r.get_indicator(5) != soci::i_null) e.amount = i64(r, 5);
    e.staffLogin = str(r, 6);
    e.staffName = str(r, 7);
    if (e.kind == "ledger") {
      e.text = format(tr("{0}, account {1}"), {ledgerKindText(e.action), subject});
    } else if (e.kind == "payment") {
      e.text = format(tr("{0}, account {1}"), {methodText(e.action), subject});
    } else if (e.kind == "interaction") {
      e.text = e.action == "visit" ? tr("Office visit") : tr("Call");
      if (!subject.empty()) e.text += format(tr(", identity verified ({0})"), {subject});
    } else if (e.kind == "sim_swap") {
      e.text = format(tr("SIM card replaced for {0}"), {displayNumber(subject)});
    } else if (e.kind == "tariff_change") {
      const auto bar = e.details.find('|');
      e.details = language_ == Language::En && bar != std::string::npos ? e.details.substr(bar + 1)
                                                                        : e.details.substr(0, bar);
      e.text = format(tr("Tariff change for {0}"), {displayNumber(subject)});
    } else {
      e.text = format(tr("Audit: {0}"), {e.action});
    }
    t.entries.push_back(std::move(e));
  };
  if (t.includesAudit) {
    eachRow(sql_, query, add, soci::use(c1, "c1"), soci::use(c2, "c2"), soci::use(c3, "c3"), soci::use(c4, "c4"),
            soci::use(c5, "c5"), soci::use(c6, "c6"), soci::use(limit, "lim"));
  } else {
    eachRow(sql_, query, add, soci::use(c1, "c1"), soci::use(c2, "c2"), soci::use(c3, "c3"), soci::use(c4, "c4"),
            soci::use(c5, "c5"), soci::use(limit, "lim"));
  }
  return t;
}

}  // namespace subdesk::services
