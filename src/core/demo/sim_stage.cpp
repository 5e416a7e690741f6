// SIM cards: the active card of every line, the old cards of lines whose SIM was replaced
// (with the office visit and the sim_swap record that replaced them), and each sales
// office's stock. ICCIDs are consecutive in that order, like cards delivered in batches.
#include <array>
#include <string>

#include "core/demo/calendar.h"
#include "core/demo/copy_writer.h"
#include "core/demo/generation.h"
#include "core/demo/names.h"
#include "core/demo/person.h"
#include "core/util/i18n.h"

namespace subdesk::demo {

namespace {

constexpr std::array<const char*, 4> kReasons = {"lost", "stolen", "damaged", "format_change"};
constexpr std::array<const char*, 4> kReasonsUk = {"втрата", "крадіжка", "пошкодження", "зміна формату"};

// The document checked before a SIM is replaced: the one on file (a passport when none is).
const char* documentShown(const Context& ctx, std::int64_t customer) {
  const CustomerRecord person = customerOf(ctx, customer);
  return person.docKind ? person.docKind : "passport";
}

std::int64_t swapTime(const LineM& line, std::int64_t l) { return openingTime(line.swapped, l) + 7200; }

void simRow(Context& ctx, CopyWriter& copy, std::int64_t s, const char* status, std::int64_t office,
            std::int64_t lineId, std::int64_t changed) {
  Rng rng(ctx.options.seed, Stream::Sim, static_cast<std::uint64_t>(s) * 2);
  copy.integer(ctx.base.sim + s + 1)
      .raw(toString(ctx.numbers.iccid(static_cast<std::uint64_t>(s))))
      .raw(toString(ctx.numbers.imsi(static_cast<std::uint64_t>(s))))
      .digits(rng.digits(8), 8)
      .raw(status)
      .integer(ctx.base.office + office + 1);
  if (lineId > 0)
    copy.integer(lineId);
  else
    copy.null();
  copy.timestamp(changed);
  copy.endRow();
}

}  // namespace

void writeSims(Context& ctx) {
  const Model& m = ctx.model;
  const auto lineCount = static_cast<std::int64_t>(m.lines.size());
  const auto salesOffices = static_cast<std::int64_t>(offices().size()) - 1;  // the call centre has no stock
  const std::int64_t total = lineCount + m.swaps + salesOffices * m.stockPerOffice;
  {
    CopyWriter copy(ctx.conn, "sim", "id, iccid, imsi, puk, status, office_id, line_id, status_changed_at");
    std::int64_t s = 0;
    for (std::int64_t l = 0; l < lineCount; ++l, ++s) {
      const LineM& line = m.lines[static_cast<std::size_t>(l)];
      const std::int64_t changed = line.swapped >= 0 ? swapTime(line, l) : openingTime(line.activated, l);
      simRow(ctx, copy, s, "active", m.accounts[static_cast<std::size_t>(line.account)].office,
             ctx.base.line + l + 1, changed);
      if ((s & 0x3FFF) == 0) ctx.report(tr("SIM cards"), static_cast<long>(s), static_cast<long>(total));
    }
    for (std::int64_t l = 0; l < lineCount; ++l) {
      const LineM& line = m.lines[static_cast<std::size_t>(l)];
      if (line.swapped < 0) continue;
      const char* status = line.swapReason < 2 ? "lost" : "replaced";
      simRow(ctx, copy, s++, status, m.accounts[static_cast<std::size_t>(line.account)].office,
             ctx.base.line + l + 1, swapTime(line, l));
    }
    for (std::int64_t o = 0; o < salesOffices; ++o) {
      for (std::int64_t k = 0; k < m.stockPerOffice; ++k, ++s) {
        const std::int64_t delivered = ctx.now - (30 + o * 7) * kSecondsPerDay;  // one delivery per office
        simRow(ctx, copy, s, "in_stock", o, 0, delivered);
      }
    }
    ctx.count("sim", copy.finish());
  }
  // The office visits in which the SIMs were replaced, then the replacements.
  {
    CopyWriter copy(ctx.conn, "interaction",
                    "id, channel, customer_id, verified_by, verified_doc_kind, verified_at, opened_at, "
                    "closed_at, wrap_up");
    std::int64_t id = ctx.base.interaction;
    for (std::int64_t l = 0; l < lineCount; ++l) {
      const LineM& line = m.lines[static_cast<std::size_t>(l)];
      if (line.swapped < 0) continue;
      const std::int64_t at = swapTime(line, l);
      const AccountM& acc = m.accounts[static_cast<std::size_t>(line.account)];
      copy.integer(++id)
          .raw("visit")
          .integer(ctx.base.customer + acc.customer + 1)
          .raw("document")
          .raw(documentShown(ctx, acc.customer))
          .timestamp(at - 480)
          .timestamp(at - 600)
          .timestamp(at + 300)
          .text(std::string("Заміна SIM-картки (") + kReasonsUk[line.swapReason] + ")");
      copy.endRow();
    }
    ctx.count("interaction", copy.finish());
  }
  {
    CopyWriter copy(
        ctx.conn, "sim_swap",
        "id, line_id, old_sim_id, new_sim_id, reason, doc_kind, office_id, interaction_id, swapped_at");
    std::int64_t n = 0;
    for (std::int64_t l = 0; l < lineCount; ++l) {
      const LineM& line = m.lines[static_cast<std::size_t>(l)];
      if (line.swapped < 0) continue;
      const AccountM& acc = m.accounts[static_cast<std::size_t>(line.account)];
      ++n;
      copy.integer(ctx.base.simSwap + n)
          .integer(ctx.base.line + l + 1)
          .integer(ctx.base.sim + lineCount + n)
          .integer(ctx.base.sim + l + 1)
          .raw(kReasons[line.swapReason])
          .raw(documentShown(ctx, acc.customer))
          .integer(ctx.base.office + acc.office + 1)
          .integer(ctx.base.interaction + n)
          .timestamp(swapTime(line, l));
      copy.endRow();
    }
    ctx.count("sim_swap", copy.finish());
  }
  ctx.report(tr("SIM cards"), static_cast<long>(total), static_cast<long>(total));
}

}  // namespace subdesk::demo
