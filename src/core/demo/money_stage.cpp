// The ledger and the payments. Each account's money history over the three months is
// planned by one function from Stream::Money of the account: an opening balance, top-ups
// before the monthly fees, monthly fees per line and per add-on service, turbo purchases
// and bonuses for home internet, bonus transfers to the customer's mobile account, and one
// 'usage' row per month with the sum of the month's call-record charges.
//
// The plan runs twice: the ledger stage writes every row and adds it to the account's
// balance in memory (the accounts are written afterwards with those balances, so a balance
// is exactly the sum of its ledger rows by construction); the payment stage replays the
// same plan and writes the payment row of each top-up with the ledger id the first pass
// gave it. Replaying costs a few seconds and saves holding millions of rows in memory.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/demo/calendar.h"
#include "core/demo/catalogue.h"
#include "core/demo/copy_writer.h"
#include "core/demo/generation.h"
#include "core/demo/names.h"
#include "core/util/i18n.h"

namespace subdesk::demo {

namespace {

enum class Method { Cash, Pos, Bank };

struct PaymentInfo {
  Method method = Method::Bank;
  std::uint64_t rrn = 0;
  int last4 = 0;
};

struct Entry {
  std::int32_t account;
  bool bonus;  // the bonus wallet
  std::int64_t amount;
  const char* kind;
  const std::string* description;
  std::int64_t at;
  const PaymentInfo* payment;  // a top-up: the payment row to write
};

struct Charge {
  std::int64_t at;
  std::int64_t amount;  // negative
  const char* kind;
  std::string description;
  bool bonus = false;  // a bonus accrual, on the bonus wallet
  bool operator<(const Charge& o) const { return at < o.at; }
};

std::string quoted(const char* name) { return std::string("«") + name + "»"; }

// Fees at the opening (when within the window) and on the first of each following month.
template <typename F>
void monthlyDates(const Context& ctx, std::int64_t start, std::int64_t end, F&& f) {
  if (start >= ctx.windowStart && start < end) f(start + 300);
  for (int mi = 1; mi < ctx.months(); ++mi) {
    const std::int64_t d = ctx.bound(mi) + 3600;
    if (d > start && d < end && d <= ctx.now) f(d);
  }
}

void collectLineCharges(const Context& ctx, std::int64_t li, std::vector<Charge>& out) {
  const LineM& line = ctx.model.lines[static_cast<std::size_t>(li)];
  const Tariff& tariff = mobileTariffs()[line.tariff];
  const std::int64_t open = openingTime(line.activated, li);
  const std::int64_t end = line.closed >= 0 ? std::min(ctx.now, line.closed * kSecondsPerDay) : ctx.now;
  const std::string number = toString(ctx.numbers.msisdn(static_cast<std::uint64_t>(li)));
  if (tariff.monthlyFee > 0) {
    monthlyDates(ctx, open, end, [&](std::int64_t at) {
      out.push_back(
          {at, -tariff.monthlyFee, "monthly_fee", "Абонплата " + quoted(tariff.nameUk) + ", " + number});
    });
  }
  const LineExtras x = lineExtras(ctx, li);
  for (int k = 0; k < x.subCount; ++k) {
    const ServiceSub& sub = x.subs[static_cast<std::size_t>(k)];
    const Service& service = services()[static_cast<std::size_t>(sub.service)];
    const std::string text = "Послуга " + quoted(service.nameUk) + ", " + number;
    const std::int64_t from = openingTime(sub.starts, li) + 900;
    const std::int64_t to = std::min(end, sub.ends >= 0 ? (sub.ends + 1) * kSecondsPerDay : ctx.now);
    if (service.exclusiveGroup && std::string_view(service.exclusiveGroup) == "roaming") {
      if (from >= ctx.windowStart && from < ctx.now)
        out.push_back({from, -service.monthlyFee, "service_fee", text});
    } else {
      monthlyDates(ctx, from, to, [&](std::int64_t at) {
        out.push_back({at, -service.monthlyFee, "service_fee", text});
      });
    }
  }
}

void collectHomeCharges(const Context& ctx, std::int32_t a, std::int64_t end, Rng& rng,
                        std::vector<Charge>& out) {
  const AccountM& acc = ctx.model.accounts[static_cast<std::size_t>(a)];
  const Tariff& tariff = homeTariffs()[ctx.model.homes[static_cast<std::size_t>(acc.home)].tariff];
  const std::int64_t open = openingTime(acc.opened, a);
  monthlyDates(ctx, open, end, [&](std::int64_t at) {
    out.push_back({at, -tariff.monthlyFee, "monthly_fee", "Абонплата " + quoted(tariff.nameUk)});
    // 2% of the fee comes back as bonuses, spendable on the operator's mobile numbers.
    out.push_back({at + 1, std::max<std::int64_t>(100, tariff.monthlyFee / 50), "bonus_accrual",
                   "Бонуси за оплату домашнього інтернету", true});
  });
  auto turbo = [&](std::int64_t at, int hours) {
    const std::int64_t price = hours == 1 ? tariff.turbo1h : hours == 3 ? tariff.turbo3h : tariff.turbo24h;
    out.push_back({at, -price, "turbo", "Турбо на " + std::to_string(hours) + " год"});
  };
  for (int mi = 0; mi < ctx.months(); ++mi) {
    const std::int64_t from = std::max({ctx.windowStart, open, ctx.bound(mi)});
    const std::int64_t to = std::min(end, ctx.bound(mi + 1));
    if (from + 7200 < to && rng.chance(0.06)) {
      constexpr std::array kHours = {1, 3, 24};
      turbo(rng.between(from, to - 7200), kHours[rng.below(kHours.size())]);
    }
  }
  if (const ActiveTurbo t = activeTurbo(ctx, acc.home); t.active) turbo(t.boughtAt, t.hours);
}

// Plans the money of account a and hands each ledger row to sink, in time order per month.
template <typename Sink>
void planAccount(const Context& ctx, std::int32_t a, std::vector<Charge>& charges, Sink&& sink) {
  const Model& m = ctx.model;
  const AccountM& acc = m.accounts[static_cast<std::size_t>(a)];
  Rng rng(ctx.options.seed, Stream::Money, static_cast<std::uint64_t>(a));
  const std::int64_t open = openingTime(acc.opened, a);
  const std::int64_t end =
      acc.closed >= 0 ? std::min(ctx.now, acc.closed * kSecondsPerDay + 43'200) : ctx.now;
  std::int64_t balance = 0, bonus = 0;
  std::string text;
  auto emit = [&](std::int32_t account, bool wallet, std::int64_t amount, const char* kind,
                  const std::string& description, std::int64_t at, const PaymentInfo* payment) {
    if (amount == 0) return;
    if (account == a) (wallet ? bonus : balance) += amount;
    sink(Entry{account, wallet, amount, kind, &description, at, payment});
  };

  if (open < ctx.windowStart) {
    text = "Залишок на початок періоду";
    emit(a, false, acc.debtor ? rng.between(-3000, 5000) : rng.between(1000, 60000), "adjustment", text,
         ctx.windowStart, nullptr);
    if (acc.homeKind) emit(a, true, rng.between(0, 3000), "adjustment", text, ctx.windowStart, nullptr);
  }
  if (end <= ctx.windowStart) return;

  charges.clear();
  if (acc.homeKind) {
    collectHomeCharges(ctx, a, end, rng, charges);
  } else {
    for (int k = 0; k < acc.lineCount; ++k) collectLineCharges(ctx, acc.firstLine + k, charges);
  }
  const int months = ctx.months();
  for (int mi = 0; mi < months; ++mi) {
    const std::int64_t u = m.usage[static_cast<std::size_t>(a * months + mi)];
    if (u == 0) continue;
    const std::int64_t at = mi + 1 < months ? ctx.bound(mi + 1) - 60 : ctx.now - 1;
    const CivilDate month = civilFromDays(dayOf(ctx.bound(mi) + 43'200));
    charges.push_back(
        {at, -u, "usage",
         std::string("Послуги понад пакет: ") + monthName(month.month) + " " + std::to_string(month.year)});
  }
  std::stable_sort(charges.begin(), charges.end());

  // The model puts a customer's mobile account right before the home one.
  const AccountM* sibling = a > 0 ? &m.accounts[static_cast<std::size_t>(a) - 1] : nullptr;
  const bool mobileSibling =
      acc.homeKind && sibling && sibling->customer == acc.customer && sibling->closed < 0;
  std::size_t next = 0;
  for (int mi = 0; mi < months; ++mi) {
    const std::int64_t segStart = mi == 0 ? ctx.windowStart : ctx.bound(mi);
    const std::int64_t segEnd = std::min(ctx.now, ctx.bound(mi + 1));
    std::size_t last = next;
    std::int64_t due = 0;
    while (last < charges.size() && charges[last].at < segEnd) {
      if (!charges[last].bonus) due -= charges[last].amount;
      ++last;
    }
    // A top-up before the month's fees, or at the opening; debtors stopped paying.
    const bool opensHere = open >= segStart && open < segEnd;
    const bool payable = (mi > 0 || opensHere) && open < segEnd && segStart < end;
    if (payable && !(acc.debtor && mi >= months - 2 && !opensHere)) {
      const std::int64_t need = due + rng.between(0, 20000) - balance;
      // Most people top up when the fee is near; some forget a month.
      if (need > 0 ? opensHere || rng.chance(0.98) : rng.chance(0.1)) {
        const std::int64_t amount = (std::max<std::int64_t>(need, 5000) + 4999) / 5000 * 5000;
        std::int64_t at = opensHere ? open + 60 : segStart - rng.between(3600, 4 * kSecondsPerDay);
        at = std::max(at, std::max(ctx.windowStart, open) + 60);
        PaymentInfo p;
        constexpr std::array kMobileMethods = {25, 35, 40};  // cash, pos, bank
        constexpr std::array kHomeMethods = {15, 30, 55};
        p.method = static_cast<Method>(rng.weighted(acc.homeKind ? kHomeMethods : kMobileMethods));
        p.rrn = rng.digits(12);
        p.last4 = static_cast<int>(rng.below(10'000));
        text = p.method == Method::Bank ? "Поповнення: банківський переказ"
               : p.method == Method::Pos ? "Поповнення: платіжна картка у відділенні"
                                         : "Поповнення: готівка у відділенні";
        emit(a, false, amount, "payment", text, at, &p);
      }
    }
    for (; next < last; ++next) {
      const Charge& c = charges[next];
      emit(a, c.bonus, c.amount, c.kind, c.description, c.at, nullptr);
    }
    // Home-internet bonuses moved to the customer's own mobile account now and then.
    if (mobileSibling && bonus >= 1000 && segEnd > open && rng.chance(0.15)) {
      const std::int64_t amount = bonus;
      text = "Переказ бонусів на мобільний рахунок " +
             toString(ctx.numbers.accountNumber(static_cast<std::uint64_t>(a) - 1));
      emit(a, true, -amount, "bonus_transfer", text, segEnd - 120, nullptr);
      text = "Бонуси з рахунку домашнього інтернету " +
             toString(ctx.numbers.accountNumber(static_cast<std::uint64_t>(a)));
      emit(a - 1, false, amount, "bonus_transfer", text, segEnd - 120, nullptr);
    }
  }
}

void appendPadded(std::string& out, std::int64_t id) {
  const std::string digits = std::to_string(id);
  if (digits.size() < 12) out.append(12 - digits.size(), '0');
  out += digits;
}

const char* methodName(Method m) { return m == Method::Cash ? "cash" : m == Method::Pos ? "pos" : "bank"; }

}  // namespace

void writeLedger(Context& ctx) {
  Model& m = ctx.model;
  const auto total = static_cast<long>(m.accounts.size());
  CopyWriter copy(ctx.conn, "ledger",
                  "id, account_id, wallet, amount, kind, idempotency_key, description, created_at");
  const std::string keyPrefix = "demo:" + std::to_string(ctx.options.seed) + ":";
  std::int64_t id = ctx.base.ledger;
  std::vector<Charge> charges;
  std::string key;
  for (std::int32_t a = 0; a < total; ++a) {
    if ((a & 0x3FFF) == 0) ctx.report(tr("ledger"), a, total);
    planAccount(ctx, a, charges, [&](const Entry& e) {
      AccountM& target = m.accounts[static_cast<std::size_t>(e.account)];
      (e.bonus ? target.bonus : target.balance) += e.amount;
      // Zero-padded, so that keys sort like ids: the unique index grows at its right edge
      // instead of splitting pages all over ("demo:1:10" < "demo:1:9" would not).
      key = keyPrefix;
      appendPadded(key, ++id);
      copy.integer(id)
          .integer(ctx.base.account + e.account + 1)
          .raw(e.bonus ? "bonus" : "main")
          .integer(e.amount)
          .raw(e.kind)
          .raw(key)
          .text(*e.description)
          .timestamp(e.at);
      copy.endRow();
    });
  }
  ctx.count("ledger", copy.finish());
  ctx.report(tr("ledger"), total, total);
}

void writePayments(Context& ctx) {
  const Model& m = ctx.model;
  const auto total = static_cast<long>(m.accounts.size());
  CopyWriter copy(ctx.conn, "payment",
                  "id, account_id, amount, method, receipt_no, rrn, card_last4, office_id, ledger_id, "
                  "idempotency_key, created_at");
  const std::string keyPrefix = "demo:" + std::to_string(ctx.options.seed) + ":payment:";
  std::int64_t ledgerId = ctx.base.ledger;
  std::int64_t id = ctx.base.payment;
  std::vector<Charge> charges;
  std::string key;
  for (std::int32_t a = 0; a < total; ++a) {
    if ((a & 0x3FFF) == 0) ctx.report(tr("payments"), a, total);
    const AccountM& acc = m.accounts[static_cast<std::size_t>(a)];
    planAccount(ctx, a, charges, [&](const Entry& e) {
      ++ledgerId;  // the same numbering as writeLedger's
      if (!e.payment) return;
      const PaymentInfo& p = *e.payment;
      const char* office = offices()[acc.office].code;
      copy.integer(++id)
          .integer(ctx.base.account + e.account + 1)
          .integer(e.amount)
          .raw(methodName(p.method));
      if (p.method == Method::Bank) {
        copy.null().null().null().null();
      } else {
        copy.text(std::string(office) + "-" + std::to_string(id));
        if (p.method == Method::Pos)
          copy.digits(p.rrn, 12).digits(static_cast<std::uint64_t>(p.last4), 4);
        else
          copy.null().null();
        copy.integer(ctx.base.office + acc.office + 1);
      }
      key = keyPrefix;
      appendPadded(key, id);
      copy.integer(ledgerId).raw(key).timestamp(e.at);
      copy.endRow();
    });
  }
  ctx.count("payment", copy.finish());
  ctx.report(tr("payments"), total, total);
}

}  // namespace subdesk::demo
