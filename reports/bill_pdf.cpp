#include "bill_pdf.h"

#include <unordered_map>

#include "core/domain/money.h"
#include "core/domain/msisdn.h"
#include "core/reporting/report.h"

namespace subdesk::reports {
namespace {

struct Words {
  const char *title, *customer, *address, *account, *numbers, *period, *hotline, *calls, *sms, *data, *fees, *when,
      *line, *party, *direction, *amount, *charge, *subtotal, *what, *totals, *billTotal, *ledger, *ledgerNote, *out,
      *in, *roaming, *noRecords, *page, *of, *mb, *emergencyNote;
};

constexpr Words kUk{"Детальний рахунок", "Абонент", "Адреса", "Особовий рахунок", "Номер", "Період",
                    "Служба підтримки", "Дзвінки", "SMS", "Мобільний інтернет", "Абонплата та послуги", "Коли",
                    "Номер абонента", "Інший номер", "Напрям", "Обсяг", "Сума", "Разом", "Що", "Підсумки",
                    "Разом за рахунком", "Списано з рахунку (за журналом операцій)",
                    "Плата за використання поточного місяця списується в кінці місяця.", "вих.", "вх.", "роумінг",
                    "Записів за період немає.", "Сторінка", "з", "МБ",
                    "Виклики екстрених служб (101, 102, 103, 104, 112) безкоштовні і в рахунку не показуються."};
constexpr Words kEn{"Detailed bill", "Subscriber", "Address", "Personal account", "Number", "Period",
                    "Customer service", "Calls", "SMS", "Mobile internet", "Subscription and services", "When",
                    "Subscriber's number", "Other number", "Direction", "Quantity", "Charge", "Subtotal", "What",
                    "Totals", "Total of this bill", "Debited from the account (ledger)",
                    "Usage of the current month is debited at the end of the month.", "out", "in", "roaming",
                    "No records in this period.", "Page", "of", "MB",
                    "Calls to emergency services (101, 102, 103, 104, 112) are free and not listed."};

// Numbers repeat through a bill: parse each once (libphonenumber is not free).
std::string national(const std::string& e164) {
  static thread_local std::unordered_map<std::string, std::string> cache;
  if (cache.size() > 10000) cache.clear();
  auto it = cache.find(e164);
  if (it != cache.end()) return it->second;
  const auto m = Msisdn::parse(e164);
  return cache.emplace(e164, m ? m->national() : e164).first->second;
}

std::string dayText(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                static_cast<int>(d.year()));
  return buf;
}

std::string quantity(const services::BillRecord& r, const Words& w) {
  char buf[32];
  if (r.kind == "voice") {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(r.durationS / 60),
                  static_cast<long long>(r.durationS % 60));
  } else if (r.kind == "data") {
    std::snprintf(buf, sizeof buf, "%.2f %s", static_cast<double>(r.volumeKb) / 1024.0, w.mb);
  } else {
    return "1";
  }
  return buf;
}

}  // namespace

std::unique_ptr<PdfDocument> composeBill(const services::BillData& bill, Language language,
                                         const OperatorHeader& header) {
  const Words& w = language == Language::En ? kEn : kUk;
  auto money = [language](std::int64_t k) { return Money::fromKopecks(k).format(language); };
  auto doc = std::make_unique<PdfDocument>(std::string(w.title) + " " + bill.accountNumber);
  doc->setPageLabel([&w](int p, int n) {
    return std::string(w.page) + " " + std::to_string(p) + " " + w.of + " " + std::to_string(n);
  });
  doc->setFooterText(header.name + " · " + w.title + " · " + bill.accountNumber);
  doc->paragraph(header.name + " · " + w.hotline + ": " + header.contact, true);
  doc->heading(w.title);
  std::string numbers;
  for (const auto& m : bill.msisdns) numbers += (numbers.empty() ? "" : ", ") + national(m);
  std::vector<std::pair<std::string, std::string>> facts{{w.customer, bill.customerName}};
  if (!bill.customerAddress.empty()) facts.emplace_back(w.address, bill.customerAddress);
  facts.emplace_back(w.account, bill.accountNumber);
  facts.emplace_back(w.numbers, numbers);
  facts.emplace_back(w.period, dayText(bill.from) + " – " + dayText(bill.to));
  doc->facts(facts);
  doc->spacer(3);

  const bool manyLines = bill.msisdns.size() > 1;
  struct Section {
    const char* kind;
    const char* title;
  };
  for (const Section s : {Section{"voice", w.calls}, Section{"sms", w.sms}, Section{"data", w.data}}) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : bill.records) {
      if (r.kind != s.kind) continue;
      std::string party = r.kind == "data" ? std::string() : national(r.otherNumber);
      if (r.roaming) party += (party.empty() ? "" : ", ") + std::string(w.roaming);
      std::vector<std::string> row{r.at};
      if (manyLines) row.push_back(national(r.msisdn));
      row.insert(row.end(), {party, r.kind == "data" ? "" : (r.direction == "out" ? w.out : w.in), quantity(r, w),
                             money(r.charge)});
      rows.push_back(std::move(row));
    }
    doc->subheading(s.title);
    if (rows.empty()) {
      doc->paragraph(w.noRecords);
      continue;
    }
    std::vector<std::string> subtotal{w.subtotal};
    if (manyLines) subtotal.emplace_back();
    subtotal.insert(subtotal.end(), {"", "", "", money(bill.subtotal(s.kind))});
    rows.push_back(std::move(subtotal));
    // Widths keep a row on one line ("2026-11-02 11:23", "+380 44 123 4567").
    std::vector<PdfColumn> cols{{w.when, 36}};
    if (manyLines) cols.push_back({w.line, 30});
    cols.insert(cols.end(), {{w.party, manyLines ? 36.0 : 50.0}, {w.direction, 18}, {w.amount, 26, true},
                             {w.charge, manyLines ? 28.0 : 44.0, true}});
    doc->table(cols, std::move(rows), true);
  }

  doc->subheading(w.fees);
  if (bill.fees.empty()) {
    doc->paragraph(w.noRecords);
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : bill.fees) rows.push_back({f.at, f.description.empty() ? f.kind : f.description, money(f.amount)});
    rows.push_back({w.subtotal, "", money(bill.feesTotal)});
    doc->table({{w.when, 36}, {w.what, 94}, {w.charge, 44, true}}, std::move(rows), true);
  }

  doc->subheading(w.totals);
  std::vector<std::vector<std::string>> totals{{w.calls, money(bill.subtotal("voice"))},
                                               {w.sms, money(bill.subtotal("sms"))},
                                               {w.data, money(bill.subtotal("data"))},
                                               {w.fees, money(bill.feesTotal)},
                                               {w.ledger, money(bill.ledgerTotal())},
                                               {w.billTotal, money(bill.total())}};
  doc->table({{"", 130}, {"", 44, true}}, std::move(totals), true);
  if (bill.ledgerTotal() != bill.total()) doc->paragraph(w.ledgerNote);
  doc->paragraph(w.emergencyNote);
  return doc;
}

int saveBillPdf(const services::BillData& bill, Language language, const std::string& path) {
  return composeBill(bill, language)->save(path);
}

std::string billFileName(const services::BillData& bill) {
  return "bill-" + bill.accountNumber + "-" + reporting::isoDay(bill.from) + "-" + reporting::isoDay(bill.to) + ".pdf";
}

}  // namespace subdesk::reports
