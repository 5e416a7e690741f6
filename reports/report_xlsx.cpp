#include "report_xlsx.h"

#include <xlsxwriter.h>

#include <charconv>
#include <stdexcept>

#include "core/util/i18n.h"

namespace subdesk::reports {
namespace {

constexpr std::uint32_t kMaxRows = 1048576;

int number(std::string_view s, std::size_t from, std::size_t len) {
  int v = 0;
  if (from + len <= s.size()) std::from_chars(s.data() + from, s.data() + from + len, v);
  return v;
}

// "2026-11-27" or "2026-11-27 14:05:09"
lxw_datetime parseMoment(std::string_view s) {
  lxw_datetime d{};
  d.year = number(s, 0, 4);
  d.month = number(s, 5, 2);
  d.day = number(s, 8, 2);
  if (s.size() >= 19) {
    d.hour = number(s, 11, 2);
    d.min = number(s, 14, 2);
    d.sec = number(s, 17, 2);
  }
  return d;
}

void check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX: ") + lxw_strerror(e));
}

}  // namespace

XlsxReportWriter::~XlsxReportWriter() {
  if (book_) workbook_close(book_);  // an abandoned export still leaves a valid file
}

void XlsxReportWriter::newSheet() {
  ++sheets_;
  const std::string name = sheets_ == 1 ? tr("Report") : tr("Report") + " " + std::to_string(sheets_);
  sheet_ = workbook_add_worksheet(book_, name.c_str());
  if (!sheet_) throw std::runtime_error("XLSX: cannot add a worksheet");
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const auto c = static_cast<lxw_col_t>(i);
    check(worksheet_set_column(sheet_, c, c, columns_[i].widthMm / 2.2, nullptr));
    check(worksheet_write_string(sheet_, 0, c, columns_[i].title.c_str(), bold_));
  }
  worksheet_freeze_panes(sheet_, 1, 0);
  nextRow_ = 1;
}

void XlsxReportWriter::begin(const reporting::Report& report, const reporting::Period&) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  book_ = workbook_new_opt(path_.c_str(), &options);
  if (!book_) throw std::runtime_error("cannot write " + path_);
  bold_ = workbook_add_format(book_);
  format_set_bold(bold_);
  money_ = workbook_add_format(book_);
  format_set_num_format(money_, "#,##0.00");
  boldMoney_ = workbook_add_format(book_);
  format_set_num_format(boldMoney_, "#,##0.00");
  format_set_bold(boldMoney_);
  date_ = workbook_add_format(book_);
  format_set_num_format(date_, "yyyy-mm-dd");
  moment_ = workbook_add_format(book_);
  format_set_num_format(moment_, "yyyy-mm-dd hh:mm:ss");
  columns_ = report.columns();
  totals_.assign(columns_.size(), 0);
  lxw_doc_properties props{};
  const std::string title = report.title();
  props.title = const_cast<char*>(title.c_str());
  workbook_set_properties(book_, &props);
  newSheet();
}

void XlsxReportWriter::row(const reporting::ReportRow& row) {
  if (nextRow_ + 1 >= kMaxRows) newSheet();  // keep one row for the totals
  const lxw_row_t r = nextRow_++;
  for (std::size_t i = 0; i < row.values.size() && i < columns_.size(); ++i) {
    if (row.nulls[i]) continue;
    const auto c = static_cast<lxw_col_t>(i);
    const std::string_view v = row.values[i];
    switch (columns_[i].type) {
      case reporting::CellType::Money: {
        long long k = 0;
        std::from_chars(v.data(), v.data() + v.size(), k);
        totals_[i] += k;
        check(worksheet_write_number(sheet_, r, c, static_cast<double>(k) / 100.0, money_));
        break;
      }
      case reporting::CellType::Integer: {
        long long n = 0;
        std::from_chars(v.data(), v.data() + v.size(), n);
        check(worksheet_write_number(sheet_, r, c, static_cast<double>(n), nullptr));
        break;
      }
      case reporting::CellType::Date:
      case reporting::CellType::DateTime: {
        lxw_datetime d = parseMoment(v);
        check(worksheet_write_datetime(sheet_, r, c, &d,
                                       columns_[i].type == reporting::CellType::Date ? date_ : moment_));
        break;
      }
      case reporting::CellType::Text:
        check(worksheet_write_string(sheet_, r, c, std::string(v).c_str(), nullptr));
        break;
    }
  }
}

void XlsxReportWriter::finish() {
  bool anyMoney = false;
  for (const auto& c : columns_) anyMoney = anyMoney || c.type == reporting::CellType::Money;
  if (anyMoney) {
    const lxw_row_t r = nextRow_++;
    check(worksheet_write_string(sheet_, r, 0, tr("Total").c_str(), bold_));
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].type != reporting::CellType::Money) continue;
      check(worksheet_write_number(sheet_, r, static_cast<lxw_col_t>(i), static_cast<double>(totals_[i]) / 100.0,
                                   boldMoney_));
    }
  }
  lxw_workbook* book = book_;
  book_ = nullptr;
  check(workbook_close(book));
}

}  // namespace subdesk::reports
