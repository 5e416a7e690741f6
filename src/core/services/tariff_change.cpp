#include "core/services/tariff_change.h"

#include "core/services/card_sql.h"
#include "core/util/error.h"
#include "core/util/i18n.h"

namespace subdesk::services {
namespace {

constexpr const char* kTariffColumns = "t.id, t.code, t.name_uk, t.name_en, t.monthly_fee, t.minutes, t.sms, t.data_mb";

std::optional<std::int64_t> optional(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return card_sql::i64(r, i);
}

TariffOption tariffFrom(const soci::row& r) {
  TariffOption t;
  t.id = static_cast<int>(card_sql::i64(r, 0));
  t.code = card_sql::str(r, 1);
  t.nameUk = card_sql::str(r, 2);
  t.nameEn = card_sql::str(r, 3);
  t.monthlyFee = card_sql::i64(r, 4);
  t.minutes = optional(r, 5);
  t.sms = optional(r, 6);
  t.dataMb = optional(r, 7);
  return t;
}

std::string amount(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : tr("unlimited"); }

std::string whenCode(TariffChangeWhen w) {
  switch (w) {
    case TariffChangeWhen::Now: return "now";
    case TariffChangeWhen::NextPeriod: return "next_period";
    case TariffChangeWhen::OnDate: return "date";
  }
  return {};
}

}  // namespace

std::vector<TariffOption> TariffChange::options(std::int64_t lineId) {
  std::vector<TariffOption> out;
  const long long line = lineId;
  card_sql::eachRow(sql_,
                    std::string("SELECT ") + kTariffColumns +
                        " FROM tariff_plan t WHERE t.active AND t.kind = 'mobile' "
                        "AND t.id <> (SELECT tariff_id FROM line WHERE id = :l) ORDER BY t.monthly_fee, t.code",
                    [&](const soci::row& r) { out.push_back(tariffFrom(r)); }, soci::use(line));
  return out;
}

TariffPreview TariffChange::preview(std::int64_t lineId, int newTariffId, TariffChangeWhen when,
                                    const std::string& date) {
  TariffPreview p;
  const long long line = lineId;
  int found = 0;
  card_sql::eachRow(sql_,
                    std::string("SELECT ") + kTariffColumns +
                        ", (t.id = l.tariff_id)::int FROM tariff_plan t, line l WHERE l.id = :l "
                        "AND (t.id = l.tariff_id OR t.id = :t)",
                    [&](const soci::row& r) {
                      (card_sql::i64(r, 8) ? p.current : p.proposed) = tariffFrom(r);
                      ++found;
                    },
                    soci::use(line), soci::use(newTariffId));
  if (found != 2) throw UserError(tr("Choose a tariff other than the line's own."), "SD048");
  p.feeDifference = p.proposed.monthlyFee - p.current.monthlyFee;
  const std::string mode = whenCode(when);
  soci::indicator ind = soci::i_null;
  const std::string chosen = date.empty() ? "1970-01-01" : date;
  sql_ << "SELECT CAST(CASE :m WHEN 'now' THEN kyiv_today() "
          "WHEN 'next_period' THEN CAST(date_trunc('month', kyiv_today()) + interval '1 month' AS date) "
          "ELSE CAST(:d AS date) END AS text)",
      soci::use(mode), soci::use(chosen), soci::into(p.effectiveOn, ind);
  const auto change = [&](const char* what, const auto& a, const auto& b) {
    if (a != b) p.allowanceChanges.push_back(format(tr("{0}: {1} -> {2}"), {tr(what), amount(a), amount(b)}));
  };
  change("Minutes", p.current.minutes, p.proposed.minutes);
  change("SMS", p.current.sms, p.proposed.sms);
  change("Megabytes", p.current.dataMb, p.proposed.dataMb);
  return p;
}

std::int64_t TariffChange::request(std::int64_t lineId, int newTariffId, TariffChangeWhen when,
                                   const std::string& date) {
  const long long line = lineId;
  const std::string mode = whenCode(when);
  soci::indicator dateInd = when == TariffChangeWhen::OnDate ? soci::i_ok : soci::i_null;
  if (when == TariffChangeWhen::OnDate && date.empty()) throw UserError(tr("Choose the day of the change."), "22023");
  long long id = 0;
  refusingClosedAccount(tr("This line or its account is closed: the tariff cannot be changed."), [&] {
    sql_ << "SELECT tariff_change_request(:l, :t, :m, CAST(:d AS date))", soci::use(line), soci::use(newTariffId),
        soci::use(mode), soci::use(date, dateInd), soci::into(id);
  });
  return id;
}

void TariffChange::cancel(std::int64_t changeId) {
  const long long id = changeId;
  sql_ << "SELECT tariff_change_cancel(:id)", soci::use(id);
}

std::vector<ScheduledTariffChange> TariffChange::scheduled(std::int64_t customerId) {
  std::vector<ScheduledTariffChange> out;
  const long long customer = customerId;
  card_sql::eachRow(
      sql_,
      "SELECT c.id, l.id, l.msisdn, CAST(c.effective_on AS text), f.name_uk, f.name_en, t.name_uk, t.name_en, "
      "c.created_by FROM tariff_change c JOIN line l ON l.id = c.line_id JOIN account a ON a.id = l.account_id "
      "JOIN tariff_plan f ON f.id = c.old_tariff_id JOIN tariff_plan t ON t.id = c.new_tariff_id "
      "WHERE a.customer_id = :c AND c.status = 'scheduled' ORDER BY c.effective_on, c.id",
      [&](const soci::row& r) {
        using namespace card_sql;
        out.push_back({i64(r, 0), i64(r, 1), str(r, 2), str(r, 3), str(r, 4), str(r, 5), str(r, 6), str(r, 7),
                       str(r, 8)});
      },
      soci::use(customer));
  return out;
}

}  // namespace subdesk::services
