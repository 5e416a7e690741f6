#include "core/services/card_json.h"

#include <Poco/JSON/Array.h>

namespace subdesk::services {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

template <class T, class F>
Array::Ptr arrayOf(const std::vector<T>& items, F&& toObject) {
  Array::Ptr a = new Array;
  for (const auto& item : items) a->add(toObject(item));
  return a;
}

// Empty text is null in JSON: "no value", not an empty string.
Poco::Dynamic::Var text(const std::string& s) { return s.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s); }

Object::Ptr allowance(const Allowance& a) {
  Object::Ptr o = new Object;
  o->set("used", a.used);
  o->set("included", a.included ? Poco::Dynamic::Var(*a.included) : Poco::Dynamic::Var());
  o->set("unlimited", a.unlimited());
  return o;
}

Object::Ptr overview(const OverviewTab& v) {
  Object::Ptr o = new Object;
  o->set("name", v.customerName);
  o->set("account", v.accountNumber);
  o->set("account_kind", v.accountKind);
  o->set("account_status", v.accountStatus);
  o->set("lines", arrayOf(v.lines, [](const LineSummary& l) {
           Object::Ptr x = new Object;
           x->set("line_id", l.lineId);
           x->set("msisdn", l.msisdn);
           x->set("status", l.status);
           x->set("device_model", text(l.deviceModel));
           x->set("iccid", text(l.iccid));
           x->set("tariff", l.tariffCode);
           x->set("tariff_uk", l.tariffUk);
           x->set("tariff_en", l.tariffEn);
           x->set("monthly_fee", l.monthlyFee);
           return x;
         }));
  o->set("services", arrayOf(v.services, [](const ServiceItem& s) {
           Object::Ptr x = new Object;
           x->set("code", s.code);
           x->set("name_uk", s.nameUk);
           x->set("name_en", s.nameEn);
           x->set("monthly_fee", s.monthlyFee);
           x->set("since", s.since);
           x->set("until", text(s.until));
           return x;
         }));
  o->set("family_name", text(v.familyName));
  o->set("family", arrayOf(v.family, [](const FamilyMember& m) {
           Object::Ptr x = new Object;
           x->set("customer_id", m.customerId);
           x->set("account_id", m.accountId);
           x->set("name", m.name);
           x->set("account", m.accountNumber);
           x->set("kind", m.accountKind);
           x->set("msisdns", m.msisdns);
           return x;
         }));
  o->set("promotions", arrayOf(v.promotions, [](const CardPromotion& p) {
           Object::Ptr x = new Object;
           x->set("code", p.code);
           x->set("name_uk", p.nameUk);
           x->set("name_en", p.nameEn);
           x->set("joined_at", p.joinedAt);
           x->set("ends_on", text(p.endsOn));
           return x;
         }));
  o->set("open_tickets", arrayOf(v.openTickets, [](const CardTicket& t) {
           Object::Ptr x = new Object;
           x->set("id", t.id);
           x->set("subject", t.subject);
           x->set("created_at", t.createdAt);
           return x;
         }));
  o->set("warnings", arrayOf(v.warnings, [](const CardWarning& w) {
           Object::Ptr x = new Object;
           x->set("code", w.code);
           x->set("text", w.text);
           return x;
         }));
  return o;
}

Object::Ptr balance(const BalanceTab& b) {
  Object::Ptr o = new Object;
  o->set("balance", b.balance);
  o->set("bonus_balance", b.bonusBalance);
  o->set("disconnect_threshold", b.disconnectThreshold);
  o->set("home_bonuses", arrayOf(b.homeBonuses, [](const HomeBonus& h) {
           Object::Ptr x = new Object;
           x->set("account", h.accountNumber);
           x->set("bonus_balance", h.bonusBalance);
           return x;
         }));
  o->set("last_payments", arrayOf(b.lastPayments, [](const PaymentItem& p) {
           Object::Ptr x = new Object;
           x->set("at", p.at);
           x->set("amount", p.amount);
           x->set("method", p.method);
           x->set("receipt_no", text(p.receiptNo));
           x->set("card_last4", text(p.cardLast4));
           x->set("account", p.accountNumber);
           return x;
         }));
  return o;
}

Object::Ptr package(const PackageTab& p) {
  Object::Ptr o = new Object;
  o->set("has_line", p.hasLine);
  o->set("month", text(p.month));
  o->set("tariff_uk", text(p.tariffUk));
  o->set("tariff_en", text(p.tariffEn));
  o->set("minutes", allowance(p.minutes));
  o->set("sms", allowance(p.sms));
  o->set("megabytes", allowance(p.megabytes));
  return o;
}

Object::Ptr profile(const ProfileTab& p) {
  Object::Ptr o = new Object;
  o->set("last_name", p.lastName);
  o->set("first_name", p.firstName);
  o->set("patronymic", text(p.patronymic));
  o->set("birth_date", text(p.birthDate));
  o->set("doc_kind", text(p.docKind));
  o->set("doc_mask", text(p.docMask));
  o->set("address", text(p.address));
  o->set("email", text(p.email));
  o->set("contact_phone", text(p.contactPhone));
  o->set("language", p.language);
  o->set("notify_sms", p.notifySms);
  o->set("notify_email", p.notifyEmail);
  o->set("device_model", text(p.deviceModel));
  o->set("selfcare_registered_on", text(p.selfcareRegisteredOn));
  o->set("customer_since", p.customerSince);
  o->set("version", p.version);
  return o;
}

Object::Ptr home(const HomeInternetItem& h) {
  Object::Ptr x = new Object;
  x->set("account_id", h.accountId);
  x->set("account", h.accountNumber);
  x->set("login", h.login);
  x->set("address", h.address);
  x->set("contract", text(h.contractNumber));
  x->set("tariff_uk", h.tariffUk);
  x->set("tariff_en", h.tariffEn);
  x->set("monthly_fee", h.monthlyFee);
  x->set("speed_mbps", h.speedMbps);
  x->set("status", h.status);
  x->set("suspended_from", text(h.suspendedFrom));
  x->set("suspended_to", text(h.suspendedTo));
  x->set("suspended_now", h.suspendedNow);
  x->set("turbo_until", text(h.turboUntil));
  x->set("turbo_active", h.turboActive);
  x->set("balance", h.balance);
  x->set("bonus_balance", h.bonusBalance);
  return x;
}

Object::Ptr timelineEntry(const TimelineEntry& e) {
  Object::Ptr x = new Object;
  x->set("at", e.at);
  x->set("kind", e.kind);
  x->set("action", e.action);
  x->set("text", e.text);
  x->set("details", text(e.details));
  x->set("amount", e.amount ? Poco::Dynamic::Var(*e.amount) : Poco::Dynamic::Var());
  x->set("staff_login", text(e.staffLogin));
  x->set("staff_name", text(e.staffName));
  return x;
}

}  // namespace

Poco::JSON::Object::Ptr lookupToJson(const std::string& query, const LookupResult& result) {
  Object::Ptr root = new Object;
  root->set("query", query);
  root->set("kind", std::string(queryKindName(result.kind)));
  root->set("exact", result.exact);
  root->set("refused", result.refused);
  root->set("results", arrayOf(result.hits, [](const SubscriberHit& h) {
              Object::Ptr o = new Object;
              o->set("customer_id", h.customerId);
              o->set("account_id", h.accountId);
              o->set("line_id", h.lineId == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(h.lineId));
              o->set("name", h.customerName);
              o->set("account", h.accountNumber);
              o->set("kind", h.accountKind);
              o->set("msisdn", h.msisdn);
              o->set("status", h.status);
              o->set("login", text(h.login));
              o->set("score", h.score);
              return o;
            }));
  return root;
}

Poco::JSON::Object::Ptr cardToJson(const CardData& card) {
  Object::Ptr root = new Object;
  Object::Ptr key = new Object;
  key->set("customer_id", card.key.customerId);
  key->set("account_id", card.key.accountId);
  key->set("line_id", card.key.lineId == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(card.key.lineId));
  root->set("key", key);
  root->set("overview", overview(card.overview));
  root->set("balance", balance(card.balance));
  root->set("package", package(card.package));
  root->set("expenses", arrayOf(card.expenses, [](const MonthExpenses& m) {
              Object::Ptr x = new Object;
              x->set("month", m.month);
              x->set("calls", m.calls);
              x->set("sms", m.sms);
              x->set("data", m.data);
              x->set("fees", m.fees);
              x->set("total", m.total());
              return x;
            }));
  root->set("profile", profile(card.profile));
  root->set("home_internet", arrayOf(card.homeInternet, home));
  Object::Ptr timeline = new Object;
  timeline->set("includes_audit", card.timeline.includesAudit);
  timeline->set("entries", arrayOf(card.timeline.entries, timelineEntry));
  root->set("timeline", timeline);
  return root;
}

}  // namespace subdesk::services
