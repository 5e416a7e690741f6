#pragma once
// Loads what the subscriber card's tabs show (issue 4) for one customer, with an account
// and a line in focus: Overview, Balance, Current package, Expenses, Profile, Home
// internet, Timeline. The data types and their conventions (kopecks, Kyiv ISO times,
// stable codes) are in card_tabs.h.
//
// Works for every desk role with the grants of 0007: an agent reads everything except
// the audit log, so the timeline includes audit rows only for roles that may read
// audit_log (supervisors, admins) and is built from ledger, payment, interaction,
// sim_swap and tariff_change otherwise. Document numbers are never read: the profile has
// the kind and a mask, and revealDocument() goes through the audited reveal_document()
// (sales and up; an agent gets SQLSTATE 42501 as a soci_error).
//
// One instance per soci::session, used on a worker thread. Every value is a bound
// parameter. Usage:
//   SubscriberCard card(sql, Language::Uk);
//   CardData all = card.load({customerId, accountId, lineId});   // all tabs, one snapshot
//   BalanceTab b = card.balance(card.resolve(key));              // or one tab at a time
#include <chrono>
#include <cstdint>
#include <vector>

#include <soci/soci.h>

#include "core/domain/billing_month.h"
#include "core/domain/language.h"
#include "core/services/card_tabs.h"

namespace subdesk::services {

class SubscriberCard {
 public:
  // language picks the catalogue names (tariffs, services) inside translated sentences.
  explicit SubscriberCard(soci::session& sql, Language language = Language::Uk)
      : sql_(sql), language_(language) {}

  // Completes a key: the account and customer of a line; the first open line of an
  // account; for a customer alone, the first mobile account with an open line (else the
  // first account). Throws UserError("not_found") when the customer, account or line does
  // not exist.
  CardKey resolve(const CardKey& key);

  // Every tab, read in one REPEATABLE READ READ ONLY transaction (one consistent snapshot).
  // Call outside a transaction.
  CardData load(const CardKey& key);

  // One tab each, for a resolved key (the desk loads tabs lazily).
  OverviewTab overview(const CardKey& key);
  BalanceTab balance(const CardKey& key);
  PackageTab package(const CardKey& key);
  std::vector<MonthExpenses> expenses(const CardKey& key, int months = 6);
  ProfileTab profile(const CardKey& key);
  std::vector<HomeInternetItem> homeInternet(std::int64_t customerId);
  Timeline timeline(std::int64_t customerId, int limit = 200);

  // Ledger rows of an account from the first to the last day (Kyiv calendar days,
  // inclusive), summed by wallet and kind.
  std::vector<SpendingLine> spending(std::int64_t accountId, std::chrono::year_month_day from,
                                     std::chrono::year_month_day to);
  // The entries behind one bar of the Expenses chart: call records with a charge (never an
  // emergency call) or fee rows of the ledger, oldest first.
  std::vector<ExpenseEntry> expenseEntries(std::int64_t accountId, BillingMonth month, ExpenseCategory category);

  // The customer's ID document and tax number in full, audited ('reveal_document').
  // Sales and up; throws soci_error with SQLSTATE 42501 for agents.
  RevealedDocument revealDocument(std::int64_t customerId);

 private:
  std::vector<CardWarning> warnings(const CardKey& key);
  const std::string& pick(const std::string& uk, const std::string& en) const {
    return language_ == Language::En ? en : uk;
  }
  soci::session& sql_;
  Language language_;
};

// Stable names of the categories ("calls", "sms", "data", "fees") and their parser.
std::string expenseCategoryName(ExpenseCategory category);
std::optional<ExpenseCategory> expenseCategoryFromName(const std::string& name);

}  // namespace subdesk::services
