// Home internet (contracts, logins, suspensions, turbo) and what lines subscribe to
// (add-on services, promotions).
#include <string>

#include "core/demo/calendar.h"
#include "core/demo/catalogue.h"
#include "core/demo/copy_writer.h"
#include "core/demo/generation.h"
#include "core/demo/person.h"
#include "core/util/i18n.h"

namespace subdesk::demo {

void writeHomeInternet(Context& ctx) {
  const Model& m = ctx.model;
  const auto total = static_cast<long>(m.homes.size());
  {
    CopyWriter copy(ctx.conn, "contract", "id, number, customer_id, account_id, office_id, signed_at");
    for (long h = 0; h < total; ++h) {
      const HomeM& home = m.homes[static_cast<std::size_t>(h)];
      const AccountM& acc = m.accounts[static_cast<std::size_t>(home.account)];
      std::string number = "HI-" + std::to_string(civilFromDays(acc.opened).year) + "-";
      const std::string serial = std::to_string(home.contractSerial);
      number += std::string(6 - std::min<std::size_t>(6, serial.size()), '0') + serial;
      copy.integer(ctx.base.contract + h + 1)
          .raw(number)
          .integer(ctx.base.customer + acc.customer + 1)
          .integer(ctx.base.account + home.account + 1)
          .integer(ctx.base.office + acc.office + 1)
          .timestamp(openingTime(acc.opened, home.account) - 1800);
      copy.endRow();
    }
    ctx.count("contract", copy.finish());
  }
  CopyWriter copy(ctx.conn, "home_internet",
                  "id, account_id, contract_id, login, address, tariff_id, status, suspended_from, "
                  "suspended_to, turbo_until");
  for (long h = 0; h < total; ++h) {
    const HomeM& home = m.homes[static_cast<std::size_t>(h)];
    const AccountM& acc = m.accounts[static_cast<std::size_t>(home.account)];
    const CustomerM& customer = m.customers[static_cast<std::size_t>(acc.customer)];
    const std::int64_t root =
        customer.family >= 0 ? m.families[static_cast<std::size_t>(customer.family)].owner : acc.customer;
    Rng rng(ctx.options.seed, Stream::Home, static_cast<std::uint64_t>(h) * 2 + 1);
    // The login issued with the contract is the personal account number.
    copy.integer(ctx.base.home + h + 1)
        .integer(ctx.base.account + home.account + 1)
        .integer(ctx.base.contract + h + 1)
        .raw(toString(ctx.numbers.accountNumber(static_cast<std::uint64_t>(home.account))))
        .text(addressOf(householdOf(ctx, root)))
        .integer(homeTariffId(ctx, home.tariff))
        .raw(acc.closed >= 0 ? "closed" : "active");
    // A vacation: suspended around now, a few planned ahead.
    if (acc.closed < 0 && rng.chance(0.03)) {
      const std::int64_t from =
          rng.chance(0.3) ? ctx.today + rng.between(1, 10) : ctx.today - rng.between(0, 14);
      copy.date(from).date(from + rng.between(7, 30));
    } else {
      copy.null().null();
    }
    const ActiveTurbo turbo = activeTurbo(ctx, h);
    copy.timestampOrNull(turbo.active ? turbo.boughtAt + turbo.hours * 3600 : -1);
    copy.endRow();
    if ((h & 0x3FFF) == 0) ctx.report(tr("home internet"), h, total);
  }
  ctx.count("home_internet", copy.finish());
  ctx.report(tr("home internet"), total, total);
}

void writeLineServices(Context& ctx) {
  const auto total = static_cast<long>(ctx.model.lines.size());
  {
    CopyWriter copy(ctx.conn, "line_service", "id, line_id, service_id, starts_on, ends_on");
    std::int64_t id = ctx.base.lineService;
    for (long l = 0; l < total; ++l) {
      const LineExtras x = lineExtras(ctx, l);
      for (int k = 0; k < x.subCount; ++k) {
        const ServiceSub& sub = x.subs[static_cast<std::size_t>(k)];
        copy.integer(++id)
            .integer(ctx.base.line + l + 1)
            .integer(ctx.base.service + sub.service + 1)
            .date(sub.starts)
            .dateOrNull(sub.ends);
        copy.endRow();
      }
      if ((l & 0x3FFF) == 0) ctx.report(tr("services"), l, total);
    }
    ctx.count("line_service", copy.finish());
  }
  CopyWriter copy(ctx.conn, "promotion_enrollment", "id, promotion_id, line_id, joined_at, left_at");
  std::int64_t id = ctx.base.enrollment;
  for (long l = 0; l < total; ++l) {
    const LineExtras x = lineExtras(ctx, l);
    if (x.promotion < 0) continue;
    copy.integer(++id)
        .integer(ctx.base.promotion + x.promotion + 1)
        .integer(ctx.base.line + l + 1)
        .timestamp(x.promoJoined)
        .timestampOrNull(x.promoLeft);
    copy.endRow();
  }
  ctx.count("promotion_enrollment", copy.finish());
  ctx.report(tr("services"), total, total);
}

}  // namespace subdesk::demo
