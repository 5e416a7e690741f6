// The in-memory model: per customer, which accounts and lines exist, since when, and their
// state. It is built sequentially (a family takes consecutive customers), and everything it
// decides comes from Stream::Model of the customer, so it is the same for a given seed
// whatever else changes.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "core/demo/calendar.h"
#include "core/demo/catalogue.h"
#include "core/demo/generation.h"
#include "core/demo/names.h"
#include "core/demo/person.h"
#include "core/util/i18n.h"

namespace subdesk::demo {

namespace {

constexpr std::int32_t day(int y, unsigned m, unsigned d) {
  return static_cast<std::int32_t>(daysFromCivil(y, m, d));
}

constexpr std::array kLinesPerAccount = {80, 15, 5};   // 1, 2 or 3 lines
constexpr std::array kSwapReasons = {50, 15, 25, 10};  // lost, stolen, damaged, format_change

int tariffIndex(const char* code) {
  const auto tariffs = mobileTariffs();
  for (std::size_t i = 0; i < tariffs.size(); ++i)
    if (std::strcmp(tariffs[i].code, code) == 0) return static_cast<int>(i);
  return -1;
}

}  // namespace

void buildModel(Context& ctx) {
  Model& m = ctx.model;
  const long n = ctx.options.subscribers;
  const std::int32_t windowDay = static_cast<std::int32_t>(dayOf(ctx.windowStart));
  const std::int32_t today = ctx.today;
  const std::int32_t earliest = day(2008, 1, 1);
  const std::int32_t homeEarliest = day(2015, 1, 1);
  const std::int32_t classicUntil = day(2016, 1, 1);
  const int smart = tariffIndex("SMART");
  std::array<std::int32_t, 200> contractsPerYear{};  // by year - 1970

  m.customers.assign(static_cast<std::size_t>(n), CustomerM{});
  m.accounts.reserve(static_cast<std::size_t>(n) * 23 / 20);
  m.lines.reserve(static_cast<std::size_t>(n) * 5 / 4);
  for (long i = 0; i < n; ++i) {
    Rng rng(ctx.options.seed, Stream::Model, static_cast<std::uint64_t>(i));
    CustomerM& c = m.customers[static_cast<std::size_t>(i)];
    c.special = i < 2;
    // About 5% of customers share a family group of 2-4 with their neighbours in the list.
    if (c.family < 0 && !c.special && i + 1 < n && rng.chance(0.017)) {
      const long size = std::min<long>(rng.between(2, 4), n - i);
      const auto g = static_cast<std::int32_t>(m.families.size());
      m.families.push_back({static_cast<std::int32_t>(i), 0});
      for (long k = 0; k < size; ++k) m.customers[static_cast<std::size_t>(i + k)].family = g;
    }
    const std::int64_t root = c.family >= 0 ? m.families[static_cast<std::size_t>(c.family)].owner : i;
    const Household house = householdOf(ctx, root);
    const City& city = cities()[static_cast<std::size_t>(house.city)];
    c.office = static_cast<std::uint8_t>(city.office == 0 && rng.chance(0.5) ? 1 : city.office);

    const bool fresh = !c.special && rng.chance(0.03);  // joined within the three months
    if (fresh) {
      c.since = static_cast<std::int32_t>(rng.between(windowDay, today - 1));
    } else {  // the later of two draws: more customers joined recently than long ago
      c.since = static_cast<std::int32_t>(
          std::max(rng.between(earliest, windowDay - 1), rng.between(earliest, windowDay - 1)));
    }
    if (c.family >= 0 && m.families[static_cast<std::size_t>(c.family)].owner == i)
      m.families[static_cast<std::size_t>(c.family)].created =
          static_cast<std::int32_t>(rng.between(c.since, today - 1));

    const bool home = !c.special && rng.chance(0.15);
    const bool mobile = !home || c.family >= 0 || rng.chance(0.8);
    if (mobile) {
      AccountM a;
      a.customer = static_cast<std::int32_t>(i);
      a.opened = c.since;
      a.office = c.office;
      a.family = c.family;
      a.firstLine = static_cast<std::int32_t>(m.lines.size());
      int lineCount = c.special ? 1 : static_cast<int>(rng.weighted(kLinesPerAccount)) + 1;
      if (!c.special && a.opened + 60 < today && rng.chance(0.01)) {
        a.closed = static_cast<std::int32_t>(rng.between(a.opened + 60, today - 1));
        lineCount = 1;
      }
      a.debtor = !c.special && a.closed < 0 && rng.chance(0.05);
      a.threshold = rng.chance(0.1) ? -5000 : 0;
      a.selfcare = rng.chance(0.55) ? static_cast<std::int32_t>(rng.between(a.opened, today - 1)) : -1;
      const auto accountIndex = static_cast<std::int32_t>(m.accounts.size());
      for (int k = 0; k < lineCount; ++k) {
        LineM l;
        l.account = accountIndex;
        l.activated = k == 0 ? a.opened : static_cast<std::int32_t>(rng.between(a.opened, today - 1));
        if (l.activated < classicUntil && rng.chance(0.4)) {
          l.tariff = kClassicTariff;  // long-time customers kept the archived tariff
        } else {
          l.tariff = static_cast<std::uint8_t>(rng.weighted(mobileTariffWeights()));
          if (l.tariff == kClassicTariff && l.activated >= classicUntil)
            l.tariff = static_cast<std::uint8_t>(smart);
        }
        if (a.closed >= 0) {
          l.closed = a.closed;
        } else if (!c.special && l.activated + 30 < today && rng.chance(0.025)) {
          l.closed = static_cast<std::int32_t>(rng.between(l.activated + 30, today - 1));
        }
        if (l.closed < 0 && !c.special && l.activated + 60 < today && rng.chance(0.006)) {
          l.swapped = static_cast<std::int32_t>(rng.between(l.activated + 30, today - 1));
          l.swapReason = static_cast<std::uint8_t>(rng.weighted(kSwapReasons));
          ++m.swaps;
        }
        m.lines.push_back(l);
      }
      a.lineCount = static_cast<std::uint16_t>(lineCount);
      m.accounts.push_back(a);
    }
    if (home) {
      AccountM a;
      a.customer = static_cast<std::int32_t>(i);
      a.homeKind = true;
      a.opened = fresh ? c.since
                       : static_cast<std::int32_t>(rng.between(std::max(c.since, homeEarliest), today - 1));
      a.office = c.office;
      a.firstLine = static_cast<std::int32_t>(m.lines.size());
      if (a.opened + 60 < today && rng.chance(0.02))
        a.closed = static_cast<std::int32_t>(rng.between(a.opened + 60, today - 1));
      a.debtor = a.closed < 0 && rng.chance(0.04);
      a.selfcare = rng.chance(0.6) ? static_cast<std::int32_t>(rng.between(a.opened, today - 1)) : -1;
      HomeM h;
      h.account = static_cast<std::int32_t>(m.accounts.size());
      h.tariff = static_cast<std::uint8_t>(rng.weighted(homeTariffWeights()));
      if (!homeTariffs()[h.tariff].active && a.opened >= day(2020, 1, 1)) h.tariff = 1;
      const int year = civilFromDays(a.opened).year;
      h.contractSerial = ++contractsPerYear[static_cast<std::size_t>(std::clamp(year - 1970, 0, 199))];
      a.home = static_cast<std::int32_t>(m.homes.size());
      m.homes.push_back(h);
      m.accounts.push_back(a);
    }
    if ((i & 0xFFFF) == 0) ctx.report(tr("planning"), i, n);
  }
  // Stock grows slowly with the customer base: 58 per office for 300 subscribers, 200 for
  // 100,000, 525 for a million.
  m.stockPerOffice = 50 + std::llround(0.475 * std::sqrt(static_cast<double>(n)));
  m.usage.assign(m.accounts.size() * static_cast<std::size_t>(ctx.months()), 0);
  ctx.report(tr("planning"), n, n);
}

LineExtras lineExtras(const Context& ctx, std::int64_t lineIndex) {
  const LineM& line = ctx.model.lines[static_cast<std::size_t>(lineIndex)];
  const AccountM& account = ctx.model.accounts[static_cast<std::size_t>(line.account)];
  Rng rng(ctx.options.seed, Stream::Service, static_cast<std::uint64_t>(lineIndex));
  LineExtras x;
  const std::int32_t windowDay = static_cast<std::int32_t>(dayOf(ctx.windowStart));
  const std::int32_t end = line.closed >= 0 ? line.closed : ctx.today;

  // A trip abroad with a roaming package: the package's dates are the trip's.
  if (rng.chance(0.02)) {
    const std::int64_t start = rng.between(std::max(windowDay + 1, line.activated + 1), ctx.today - 8);
    const std::int64_t length = rng.between(4, 10);
    if (start + length < end && start >= windowDay + 1) {
      x.tripStart = static_cast<std::int32_t>(start);
      x.tripEnd = static_cast<std::int32_t>(start + length);
      const int package = rng.chance(0.8) ? kServiceRoamingEurope : kServiceRoamingEurope + 1;
      x.subs[static_cast<std::size_t>(x.subCount++)] = {package, x.tripStart, x.tripEnd};
    }
  }
  if (rng.chance(0.22)) {
    const int wanted = rng.chance(0.7) ? 1 : 2;
    for (int k = 0; k < wanted; ++k) {
      const int s = static_cast<int>(rng.between(kFirstOptionalService, kMobileServiceCount - 1));
      const char* group = services()[static_cast<std::size_t>(s)].exclusiveGroup;
      bool clash = false;
      for (int j = 0; j < x.subCount; ++j) {
        const char* other =
            services()[static_cast<std::size_t>(x.subs[static_cast<std::size_t>(j)].service)].exclusiveGroup;
        clash |= x.subs[static_cast<std::size_t>(j)].service == s ||
                 (group && other && std::strcmp(group, other) == 0);
      }
      if (clash) continue;
      ServiceSub sub{s, static_cast<std::int32_t>(rng.between(line.activated, end)), -1};
      if (rng.chance(0.2))
        sub.ends = static_cast<std::int32_t>(rng.between(sub.starts, end));
      else if (line.closed >= 0)
        sub.ends = line.closed;
      x.subs[static_cast<std::size_t>(x.subCount++)] = sub;
    }
  }
  if (rng.chance(0.06)) {
    const auto promos = promotions();
    const auto& tariff = mobileTariffs()[line.tariff];
    const int p = account.family >= 0 ? 1 : 0;  // FAMILY for family groups, else DOUBLE-DATA
    const Promotion& promo = promos[static_cast<std::size_t>(p)];
    bool eligible = promo.tariffs[0] == nullptr;
    for (const char* code : promo.tariffs) eligible |= code && std::strcmp(code, tariff.code) == 0;
    const std::int64_t from = std::max<std::int64_t>(ctx.today - promo.startsDaysAgo, line.activated);
    const std::int64_t promoEnd =
        promo.lastsDays < 0 ? ctx.today : ctx.today - promo.startsDaysAgo + promo.lastsDays;
    const std::int64_t to = std::min<std::int64_t>({promoEnd, end, ctx.today});
    if (eligible && from <= to) {
      x.promotion = p;
      x.promoJoined = openingTime(static_cast<std::int32_t>(rng.between(from, to)), lineIndex);
      if (x.promoJoined >= ctx.now) x.promoJoined = ctx.now - 3600;
      if (line.closed >= 0 || rng.chance(0.25))
        x.promoLeft =
            std::min<std::int64_t>(ctx.now - 60, x.promoJoined + rng.between(1, 60) * kSecondsPerDay);
    }
  }
  return x;
}

ActiveTurbo activeTurbo(const Context& ctx, std::int64_t home) {
  const AccountM& account =
      ctx.model.accounts[static_cast<std::size_t>(ctx.model.homes[static_cast<std::size_t>(home)].account)];
  Rng rng(ctx.options.seed, Stream::Home, static_cast<std::uint64_t>(home) * 2);
  ActiveTurbo t;
  if (account.closed < 0 && account.opened < ctx.today && rng.chance(0.02)) {
    constexpr std::array kHours = {1, 3, 24};
    t.active = true;
    t.hours = kHours[rng.below(kHours.size())];
    t.boughtAt = ctx.now - rng.between(60, t.hours * 3600 - 60);
  }
  return t;
}

}  // namespace subdesk::demo
