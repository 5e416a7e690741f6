// The catalogue, accounts and lines: rows whose content the model already decided.
#include <algorithm>
#include <string>

#include "core/demo/calendar.h"
#include "core/demo/catalogue.h"
#include "core/demo/copy_writer.h"
#include "core/demo/generation.h"
#include "core/demo/names.h"
#include "core/util/i18n.h"

namespace subdesk::demo {

namespace {

void writeTariffs(Context& ctx) {
  CopyWriter copy(ctx.conn, "tariff_plan",
                  "id, code, kind, name_uk, name_en, monthly_fee, minutes, sms, data_mb, speed_mbps, "
                  "turbo_price_1h, turbo_price_3h, turbo_price_24h, active");
  std::int64_t id = ctx.base.tariff;
  for (const auto& list : {mobileTariffs(), homeTariffs()}) {
    for (const Tariff& t : list) {
      copy.integer(++id)
          .text(t.code)
          .raw(t.home ? "home" : "mobile")
          .text(t.nameUk)
          .text(t.nameEn)
          .integer(t.monthlyFee)
          .integerOrNull(t.minutes)
          .integerOrNull(t.sms)
          .integerOrNull(t.dataMb);
      if (t.home)
        copy.integer(t.speedMbps).integer(t.turbo1h).integer(t.turbo3h).integer(t.turbo24h);
      else
        copy.null().null().null().null();
      copy.boolean(t.active);
      copy.endRow();
    }
  }
  ctx.count("tariff_plan", copy.finish());
}

}  // namespace

// Tariff ids: the mobile tariffs first, then the home ones, in catalogue order.
std::int64_t mobileTariffId(const Context& ctx, int index) { return ctx.base.tariff + index + 1; }
std::int64_t homeTariffId(const Context& ctx, int index) {
  return ctx.base.tariff + static_cast<std::int64_t>(mobileTariffs().size()) + index + 1;
}

void writeCatalogue(Context& ctx) {
  {
    CopyWriter copy(ctx.conn, "office", "id, code, name_uk, name_en, city, address, is_callcentre");
    std::int64_t id = ctx.base.office;
    for (const OfficeInfo& o : offices()) {
      copy.integer(++id).text(o.code).text(o.nameUk).text(o.nameEn).text(o.city).text(o.address).boolean(
          o.callCentre);
      copy.endRow();
    }
    ctx.count("office", copy.finish());
  }
  writeTariffs(ctx);
  {
    CopyWriter copy(ctx.conn, "service", "id, code, kind, name_uk, name_en, monthly_fee, exclusive_group");
    std::int64_t id = ctx.base.service;
    for (const Service& s : services()) {
      copy.integer(++id)
          .text(s.code)
          .raw(s.home ? "home" : "mobile")
          .text(s.nameUk)
          .text(s.nameEn)
          .integer(s.monthlyFee);
      if (s.exclusiveGroup)
        copy.text(s.exclusiveGroup);
      else
        copy.null();
      copy.endRow();
    }
    ctx.count("service", copy.finish());
  }
  {
    CopyWriter copy(
        ctx.conn, "promotion",
        "id, code, name_uk, name_en, starts_on, ends_on, tariff_ids, description_uk, description_en");
    std::int64_t id = ctx.base.promotion;
    for (const Promotion& p : promotions()) {
      const std::int64_t starts = ctx.today - p.startsDaysAgo;
      copy.integer(++id).text(p.code).text(p.nameUk).text(p.nameEn).date(starts).dateOrNull(
          p.lastsDays < 0 ? -1 : starts + p.lastsDays);
      std::string ids;
      for (const char* code : p.tariffs) {
        if (!code) continue;
        for (const auto& [list, idOf] :
             {std::pair{mobileTariffs(), &mobileTariffId}, std::pair{homeTariffs(), &homeTariffId}})
          for (std::size_t i = 0; i < list.size(); ++i)
            if (std::string_view(list[i].code) == code)
              ids += (ids.empty() ? "" : ",") + std::to_string(idOf(ctx, static_cast<int>(i)));
      }
      if (ids.empty())
        copy.null();
      else
        copy.raw("{" + ids + "}");
      copy.text(p.descriptionUk).text(p.descriptionEn);
      copy.endRow();
    }
    ctx.count("promotion", copy.finish());
  }
  ctx.report(tr("catalogue"), 1, 1);
}

void writeAccounts(Context& ctx) {
  const Model& m = ctx.model;
  const auto total = static_cast<long>(m.accounts.size());
  CopyWriter copy(ctx.conn, "account",
                  "id, number, customer_id, kind, balance, bonus_balance, disconnect_threshold, status, "
                  "selfcare_registered_on, family_group_id, office_id, opened_at, closed_at");
  for (long a = 0; a < total; ++a) {
    const AccountM& acc = m.accounts[static_cast<std::size_t>(a)];
    // In debt below the threshold: the account is suspended until a top-up.
    const char* status = acc.closed >= 0 ? "closed" : acc.balance < acc.threshold ? "suspended" : "active";
    copy.integer(ctx.base.account + a + 1)
        .raw(toString(ctx.numbers.accountNumber(static_cast<std::uint64_t>(a))))
        .integer(ctx.base.customer + acc.customer + 1)
        .raw(acc.homeKind ? "home" : "mobile")
        .integer(acc.balance)
        .integer(acc.bonus)
        .integer(acc.threshold)
        .raw(status)
        .dateOrNull(acc.selfcare);
    if (acc.family >= 0)
      copy.integer(ctx.base.family + acc.family + 1);
    else
      copy.null();
    copy.integer(ctx.base.office + acc.office + 1).timestamp(openingTime(acc.opened, a));
    copy.timestampOrNull(acc.closed >= 0 ? openingTime(acc.closed, a) : -1);
    copy.endRow();
    if ((a & 0x3FFF) == 0) ctx.report(tr("accounts"), a, total);
  }
  ctx.count("account", copy.finish());
  ctx.report(tr("accounts"), total, total);
}

void writeLines(Context& ctx) {
  const Model& m = ctx.model;
  const auto total = static_cast<long>(m.lines.size());
  CopyWriter copy(ctx.conn, "line",
                  "id, msisdn, account_id, tariff_id, device_model, status, activated_at, closed_at");
  const auto devices = deviceModels();
  for (long l = 0; l < total; ++l) {
    const LineM& line = m.lines[static_cast<std::size_t>(l)];
    const AccountM& acc = m.accounts[static_cast<std::size_t>(line.account)];
    // Device from the line's SIM stream: the model did not need it.
    Rng rng(ctx.options.seed, Stream::Sim, static_cast<std::uint64_t>(l) * 2 + 1);
    const char* status = line.closed >= 0                                   ? "closed"
                         : acc.balance < acc.threshold || rng.chance(0.004) ? "blocked"
                                                                            : "active";
    copy.integer(ctx.base.line + l + 1)
        .raw(toString(ctx.numbers.msisdn(static_cast<std::uint64_t>(l))))
        .integer(ctx.base.account + line.account + 1)
        .integer(mobileTariffId(ctx, line.tariff));
    if (rng.chance(0.85))
      copy.text(devices[rng.below(devices.size())]);
    else
      copy.null();
    copy.raw(status).timestamp(openingTime(line.activated, l));
    copy.timestampOrNull(line.closed >= 0 ? line.closed * kSecondsPerDay + 3600 : -1);
    copy.endRow();
    if ((l & 0x3FFF) == 0) ctx.report(tr("lines"), l, total);
  }
  ctx.count("line", copy.finish());
  ctx.report(tr("lines"), total, total);
}

}  // namespace subdesk::demo
