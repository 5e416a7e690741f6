// Call detail records: three months back from now, line by line, rated against the line's
// tariff bundle (minutes, SMS, MB per calendar month) the way the switch's rating would, so
// that the 'usage' ledger rows are exactly the sums of the records' charges per account
// and month. Rows go out in (line, time) order: each monthly partition then receives its
// rows in the order of its (line_id, started_at) index, and the index only grows at its
// right edge.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "core/demo/calendar.h"
#include "core/demo/catalogue.h"
#include "core/demo/copy_writer.h"
#include "core/demo/generation.h"
#include "core/demo/names.h"
#include "core/util/i18n.h"

namespace subdesk::demo {

namespace {

// Share of calls per hour of the day, UTC (Kyiv is UTC+2/+3): quiet at night, busy in the
// afternoon and early evening.
constexpr std::array kHourWeights = {1,  1,  1,  1,  2,  4,  7, 9, 10, 10, 10, 10,
                                     10, 10, 10, 11, 11, 10, 8, 6, 4,  3,  2,  1};

struct Call {
  std::int64_t at;
  int forced;  // 0 an ordinary record, 1 a call to 112, 2 to 103
  bool operator<(const Call& o) const { return at < o.at; }
};

// Charge units beyond the monthly allowance (allowance < 0: unlimited).
std::int64_t beyond(std::int64_t& used, std::int64_t units, int allowance) {
  if (allowance < 0) return 0;
  const std::int64_t before = std::max<std::int64_t>(0, used - allowance);
  used += units;
  return std::max<std::int64_t>(0, used - allowance) - before;
}

// The other party of a voice call or SMS, in E.164.
void otherNumber(const Context& ctx, Rng& rng, std::string& out) {
  out.clear();
  const double r = rng.uniform();
  if (r < 0.35) {  // another subscriber of ours
    const auto n = ctx.numbers.msisdn(rng.below(ctx.model.lines.size()));
    out.assign(n.data(), n.size());
  } else if (r < 0.80) {  // a mobile number of another operator (or ours, unassigned)
    out = "+380";
    out += rng.pick(std::span<const char* const>(kMobileCodes));
    out += std::to_string(rng.between(1'000'000, 9'999'999));
  } else if (r < 0.92) {  // a landline
    const char* area = cities()[rng.weighted(cityWeights())].areaCode;
    std::int64_t limit = 1;
    for (std::size_t k = std::strlen(area); k < 9; ++k) limit *= 10;
    out = std::string("+380") + area + std::to_string(rng.between(limit / 10 * 2, limit - 1));
  } else {  // abroad: Poland, Germany, Czechia, the USA, Moldova
    constexpr std::array<std::pair<const char*, std::int64_t>, 5> kAbroad = {{{"+48", 500'000'000},
                                                                              {"+49", 1'510'000'000},
                                                                              {"+420", 600'000'000},
                                                                              {"+1", 2'125'550'000},
                                                                              {"+373", 60'000'000}}};
    const auto& [prefix, start] = kAbroad[rng.below(kAbroad.size())];
    out = std::string(prefix) + std::to_string(start + rng.between(0, 99'999'999));
  }
}

}  // namespace

void writeCallRecords(Context& ctx) {
  Model& m = ctx.model;
  const auto total = static_cast<long>(m.lines.size());
  const int months = ctx.months();
  const double perSecond = ctx.options.cdrPerLinePerMonth / (30.44 * kSecondsPerDay);
  CopyWriter copy(ctx.conn, "cdr",
                  "id, line_id, started_at, kind, direction, other_number, duration_s, volume_kb, "
                  "charge, roaming");
  std::vector<Call> calls;
  std::string number;
  std::int64_t id = ctx.base.cdr;
  for (long l = 0; l < total; ++l) {
    if ((l & 0x3FFF) == 0) ctx.report(tr("call records"), l, total);
    const LineM& line = m.lines[static_cast<std::size_t>(l)];
    Rng rng(ctx.options.seed, Stream::Cdr, static_cast<std::uint64_t>(l));
    const std::int64_t from = std::max(ctx.windowStart, openingTime(line.activated, l) + 600);
    const std::int64_t to = line.closed >= 0 ? std::min(ctx.now, line.closed * kSecondsPerDay) : ctx.now;
    if (to <= from) continue;

    // Most lines are average, a few are heavy users.
    const double activity = rng.chance(0.05) ? 3.0 : 0.2 + 1.6 * rng.uniform();
    const double expected = perSecond * static_cast<double>(to - from) * activity;
    const auto count = static_cast<long>(expected + rng.uniform());
    calls.clear();
    for (long k = 0; k < count; ++k) {
      const std::int64_t any =
          from + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(to - from)));
      const std::int64_t at = dayOf(any) * kSecondsPerDay +
                              static_cast<std::int64_t>(rng.weighted(kHourWeights)) * 3600 +
                              static_cast<std::int64_t>(rng.below(3600));
      calls.push_back({at >= from && at < to ? at : any, 0});
    }
    // The first two subscribers always have an emergency call, so that the data always show
    // how call history hides them.
    if (l < 2) calls.push_back({from + (to - from) / 2, static_cast<int>(l) + 1});
    std::sort(calls.begin(), calls.end());

    const LineExtras extras = lineExtras(ctx, l);
    const Tariff& tariff = mobileTariffs()[line.tariff];
    std::int64_t* usage = &m.usage[static_cast<std::size_t>(line.account) * static_cast<std::size_t>(months)];
    std::int64_t minutes = 0, sms = 0, mb = 0;
    int month = -1;
    for (const Call& call : calls) {
      const int mi = ctx.monthOf(call.at);
      if (mi != month) minutes = sms = mb = 0;  // bundles are per calendar month
      month = mi;
      const std::int64_t callDay = dayOf(call.at);
      const bool roaming = extras.tripStart >= 0 && callDay >= extras.tripStart && callDay <= extras.tripEnd;
      const double kindRoll = call.forced ? 0.0 : rng.uniform();
      std::int64_t charge = 0;
      copy.integer(++id).integer(ctx.base.line + l + 1).timestamp(call.at);
      if (kindRoll < 0.5) {
        const bool out = call.forced || rng.chance(0.55);
        const bool emergency = call.forced || (out && !roaming && rng.chance(0.0008));
        std::int64_t duration = 5 + static_cast<std::int64_t>(std::exp(rng.uniform() * 7.2));
        if (out && !emergency && rng.chance(0.06)) duration = 0;  // not answered
        if (out && !emergency) {
          const std::int64_t started = (duration + 59) / 60;
          charge = roaming ? started * kRoamingPerMinute
                           : beyond(minutes, started, tariff.minutes) * tariff.perMinute;
        }
        if (emergency) {
          number = call.forced == 2 || (!call.forced && rng.chance(0.3)) ? "103" : "112";
        } else {
          otherNumber(ctx, rng, number);
        }
        copy.raw("voice").raw(out ? "out" : "in").text(number).integer(duration).null();
      } else if (kindRoll < 0.65) {
        const bool out = rng.chance(0.6);
        if (out) charge = roaming ? kRoamingPerSms : beyond(sms, 1, tariff.sms) * tariff.perSms;
        otherNumber(ctx, rng, number);
        copy.raw("sms").raw(out ? "out" : "in").text(number).null().null();
      } else {  // a data session: volumes from a few kB to a few GB
        // Pay-as-you-go lines (no data in the bundle) belong to people who use little.
        const double scale = tariff.dataMb == 0 ? 30.0 : 1024.0;
        const auto kb = std::max<std::int64_t>(
            1, static_cast<std::int64_t>(scale * std::exp(rng.uniform() * 8.0) - scale + 1));
        if (!roaming) charge = beyond(mb, (kb + 1023) / 1024, tariff.dataMb) * tariff.perMb;
        copy.raw("data").raw("out").null().null().integer(kb);
      }
      copy.integer(charge).boolean(roaming);
      copy.endRow();
      usage[mi] += charge;
    }
  }
  ctx.count("cdr", copy.finish());
  ctx.report(tr("call records"), total, total);
}

}  // namespace subdesk::demo
