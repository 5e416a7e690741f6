#pragma once
// What each tab of the subscriber card shows (issue 4), as plain data filled by
// SubscriberCard (subscriber_card.h). Conventions:
//   - money: int64 kopecks (format with Money::fromKopecks(x).format(language));
//   - moments: ISO 8601 text in Europe/Kyiv with the offset, "2024-05-14T10:00:00+03:00"
//     (kyiv_iso() of 0014), so they sort as text and print without time-zone work;
//   - days: "YYYY-MM-DD"; months: "YYYY-MM" (Kyiv calendar);
//   - empty string: no value (NULL in the database);
//   - codes ("active", "payment", "sim_swap_recent") are stable, lower-case, untranslated;
//     "text" fields are sentences already translated with tr().
// Calls to emergency short numbers (101, 102, 103, 104, 112) never appear in any list or
// usage figure here.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace subdesk::services {

// Which subscriber a card shows: a customer, and the account and line in focus (0: let
// SubscriberCard::resolve() choose the customer's first mobile account with an open line).
struct CardKey {
  std::int64_t customerId = 0;
  std::int64_t accountId = 0;
  std::int64_t lineId = 0;
};

struct CardWarning {
  // sim_swap_recent (a SIM of the customer replaced within 72 hours), debt (an account
  // below zero), account_suspended, line_blocked, home_suspended (home internet on a
  // vacation pause today)
  std::string code;
  std::string text;  // translated sentence for the warning band
};

struct LineSummary {
  std::int64_t lineId = 0;
  std::string msisdn;  // E.164
  std::string status;  // active | blocked
  std::string deviceModel;
  std::string iccid;  // the active SIM
  std::string tariffCode, tariffUk, tariffEn;
  std::int64_t monthlyFee = 0;
};

struct ServiceItem {
  std::string code, nameUk, nameEn;
  std::int64_t monthlyFee = 0;
  std::string since;  // day
  std::string until;  // day, or empty (open-ended)
};

struct FamilyMember {
  std::int64_t customerId = 0;
  std::int64_t accountId = 0;
  std::string name, accountNumber, accountKind;
  std::string msisdns;  // the account's open numbers, ", "-separated
};

struct CardPromotion {  // an open enrolment of the focus line
  std::string code, nameUk, nameEn;
  std::string joinedAt;  // ISO moment, Kyiv
  std::string endsOn;    // the promotion's last day, empty: open-ended
};

struct CardTicket {  // an open feedback ticket of the customer
  std::int64_t id = 0;
  std::string subject;
  std::string createdAt;  // ISO moment, Kyiv
};

struct OverviewTab {
  std::string customerName;
  std::string accountNumber, accountKind, accountStatus;
  std::vector<LineSummary> lines;  // the focus account's open lines, the focus line first
  std::vector<ServiceItem> services;  // connected to the focus line today
  std::string familyName;             // empty: not in a family group
  std::vector<FamilyMember> family;   // every account of the group, this customer's too
  std::vector<CardPromotion> promotions;  // the focus line's open enrolments, oldest first
  std::vector<CardTicket> openTickets;    // the customer's open tickets, oldest first
  std::vector<CardWarning> warnings;
};

struct PaymentItem {
  std::string at;
  std::int64_t amount = 0;
  std::string method;  // cash | pos | bank
  std::string receiptNo, cardLast4, accountNumber;
};

struct HomeBonus {
  std::string accountNumber;
  std::int64_t bonusBalance = 0;
};

struct BalanceTab {
  std::int64_t balance = 0, bonusBalance = 0, disconnectThreshold = 0;  // the focus account
  std::vector<HomeBonus> homeBonuses;   // the customer's home-internet accounts
  std::vector<PaymentItem> lastPayments;  // the customer's ten latest, newest first
};

// Ledger rows of an account summed for a period (SubscriberCard::spending).
struct SpendingLine {
  std::string wallet;  // main | bonus
  std::string kind;    // ledger.kind: payment, usage, monthly_fee, ...
  std::int64_t total = 0;  // signed: charges negative, payments positive
  std::int64_t count = 0;
};

struct Allowance {
  std::int64_t used = 0;
  std::optional<std::int64_t> included;  // nullopt: unlimited
  bool unlimited() const { return !included; }
  std::int64_t left() const { return included ? std::max<std::int64_t>(*included - used, 0) : 0; }
};

struct PackageTab {
  bool hasLine = false;  // false for a home-internet focus: nothing below is filled
  std::string month;     // the current billing month
  std::string tariffUk, tariffEn;
  // Outgoing, at home (roaming is charged apart): minutes rounded up per call, SMS,
  // megabytes rounded up per session.
  Allowance minutes, sms, megabytes;
};

enum class ExpenseCategory { Calls, Sms, Data, Fees };

struct MonthExpenses {
  std::string month;
  // Spent, positive kopecks: call-record charges by kind; fees are the ledger's
  // monthly_fee, service_fee, detail_fee (less detail_fee_waiver) and turbo rows.
  std::int64_t calls = 0, sms = 0, data = 0, fees = 0;
  std::int64_t total() const { return calls + sms + data + fees; }
};

struct ExpenseEntry {
  std::string at;
  std::string kind;  // voice | sms | data, or the ledger kind for fees
  std::string text;  // translated: "Call to +380501234567, 3:05", "Monthly fee ..."
  std::int64_t amount = 0;  // spent, positive
  std::string msisdn;       // the line (call records)
  std::string otherNumber;
  std::int64_t durationS = 0, volumeKb = 0;
  bool roaming = false;
};

struct ProfileTab {
  std::string lastName, firstName, patronymic, birthDate;
  // The desk may not read the document number (0007): only its kind, and a mask that
  // holds none of its characters; revealDocument() shows it to office staff, audited.
  std::string docKind, docMask;
  std::string address, email, contactPhone, language;
  bool notifySms = false, notifyEmail = false;
  std::string deviceModel;            // the focus line's
  std::string selfcareRegisteredOn;   // the focus account's
  std::string customerSince;
  int version = 0;  // for optimistic locking of profile edits
};

struct RevealedDocument {
  std::string docKind, docNumber, taxNumber;
};

struct HomeInternetItem {
  std::int64_t accountId = 0;
  std::string accountNumber, login, address, contractNumber;
  std::string tariffUk, tariffEn;
  std::int64_t monthlyFee = 0;
  int speedMbps = 0;
  std::string status;  // active | closed
  std::string suspendedFrom, suspendedTo;  // days, or empty
  bool suspendedNow = false;
  std::string turboUntil;  // moment, or empty
  bool turboActive = false;
  std::int64_t balance = 0, bonusBalance = 0;
};

struct TimelineEntry {
  std::string at;
  // ledger | payment | interaction | sim_swap | tariff_change | audit
  std::string kind;
  std::string action;  // ledger kind, payment method, channel, swap reason, change status,
                       // audit action (INSERT, UPDATE, reveal_document, ...)
  std::string text;    // translated one-line summary
  std::string details;  // description, wrap-up note, changed columns, ...
  std::optional<std::int64_t> amount;
  std::string staffLogin, staffName;  // staffName empty when the login is not in staff
};

struct Timeline {
  std::vector<TimelineEntry> entries;  // newest first
  bool includesAudit = false;  // the session may read audit_log (supervisors, admins)
};

struct CardData {
  CardKey key;  // resolved
  OverviewTab overview;
  BalanceTab balance;
  PackageTab package;
  std::vector<MonthExpenses> expenses;  // the last six months, oldest first
  ProfileTab profile;
  std::vector<HomeInternetItem> homeInternet;  // empty: no home internet
  Timeline timeline;
};

}  // namespace subdesk::services
