#include "report_csv.h"

#include <stdexcept>

namespace subdesk::reports {

void appendUah(std::string& out, std::string_view k) {
  const bool negative = !k.empty() && k.front() == '-';
  if (negative) k.remove_prefix(1);
  if (negative) out += '-';
  if (k.size() <= 2) {
    out += "0.";
    if (k.size() < 2) out += '0';
    out.append(k.empty() ? std::string_view("0") : k);
    return;
  }
  out.append(k.substr(0, k.size() - 2));
  out += '.';
  out.append(k.substr(k.size() - 2));
}

void CsvReportWriter::field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    buffer_.append(v);
    return;
  }
  buffer_ += '"';
  for (char c : v) {
    if (c == '"') buffer_ += '"';
    buffer_ += c;
  }
  buffer_ += '"';
}

void CsvReportWriter::flushIfFull() {
  if (buffer_.size() < 65536) return;
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  if (!out_) throw std::runtime_error("cannot write the CSV file");
}

void CsvReportWriter::begin(const reporting::Report& report, const reporting::Period&) {
  buffer_.reserve(70000);
  if (bom_) buffer_ += "\xEF\xBB\xBF";
  types_.clear();
  bool first = true;
  for (const auto& c : report.columns()) {
    if (!first) buffer_ += ',';
    first = false;
    field(c.key);
    types_.push_back(c.type);
  }
  buffer_ += "\r\n";
}

void CsvReportWriter::row(const reporting::ReportRow& row) {
  for (std::size_t i = 0; i < row.values.size(); ++i) {
    if (i) buffer_ += ',';
    if (row.nulls[i]) continue;
    if (i < types_.size() && types_[i] == reporting::CellType::Money) {
      appendUah(buffer_, row.values[i]);
    } else {
      field(row.values[i]);
    }
  }
  buffer_ += "\r\n";
  flushIfFull();
}

void CsvReportWriter::finish() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  out_.flush();
  if (!out_) throw std::runtime_error("cannot write the CSV file");
}

}  // namespace subdesk::reports
