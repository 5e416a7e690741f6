// The seven supervisors' reports of issue 8, one small class each over its view (0030).
#include <sstream>

#include "core/reporting/report.h"
#include "core/util/i18n.h"

namespace subdesk::reporting {

std::string Report::query() const {
  std::string cols;
  for (const auto& c : columns()) cols += (cols.empty() ? "" : ", ") + c.key;
  return "SELECT " + cols + " FROM " + view() + " WHERE " + periodFilter() + " ORDER BY " + orderBy();
}

std::string isoDay(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<std::chrono::year_month_day> parseIsoDay(std::string_view t) {
  using namespace std::chrono;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  m = static_cast<unsigned>((t[5] - '0') * 10 + (t[6] - '0'));
  d = static_cast<unsigned>((t[8] - '0') * 10 + (t[9] - '0'));
  const year_month_day day{year(y), month(m), std::chrono::day(d)};
  if (!day.ok()) return std::nullopt;
  return day;
}

class OperationsReport : public Report {
 public:
  std::string name() const override { return "operations"; }
  std::string title() const override { return tr("Operations per staff member per day"); }
  std::vector<ReportColumn> columns() const override {
    return {{"day", tr("Day"), CellType::Date, 24},           {"staff", tr("Login"), CellType::Text, 34},
            {"staff_name", tr("Name"), CellType::Text, 50},    {"office", tr("Office"), CellType::Text, 22},
            {"changes", tr("Changes"), CellType::Integer, 22}, {"reads", tr("Audited reads"), CellType::Integer, 22}};
  }

 protected:
  std::string view() const override { return "report_operations"; }
  std::string orderBy() const override { return "day, staff"; }
  std::string periodFilter() const override { return "day BETWEEN CAST($1 AS date) AND CAST($2 AS date)"; }
};

class SimRestoresReport : public Report {
 public:
  std::string name() const override { return "sim-restores"; }
  std::string title() const override { return tr("SIM restores by office"); }
  std::vector<ReportColumn> columns() const override {
    return {{"office", tr("Office"), CellType::Text, 22},    {"day", tr("Day"), CellType::Date, 22},
            {"at", tr("When"), CellType::DateTime, 34},      {"staff", tr("Login"), CellType::Text, 34},
            {"msisdn", tr("Number"), CellType::Text, 30},    {"reason", tr("Reason"), CellType::Text, 28}};
  }

 protected:
  std::string view() const override { return "report_sim_restores"; }
  std::string orderBy() const override { return "office, t"; }
};

class ContractsReport : public Report {
 public:
  std::string name() const override { return "contracts"; }
  std::string title() const override { return tr("Contracts signed by office and staff member"); }
  std::vector<ReportColumn> columns() const override {
    return {{"office", tr("Office"), CellType::Text, 20},     {"staff", tr("Login"), CellType::Text, 30},
            {"staff_name", tr("Name"), CellType::Text, 36},   {"at", tr("When"), CellType::DateTime, 34},
            {"contract", tr("Contract"), CellType::Text, 28}, {"account", tr("Account"), CellType::Text, 26}};
  }

 protected:
  std::string view() const override { return "report_contracts"; }
  std::string orderBy() const override { return "office, staff, t"; }
};

class DetailFeesReport : public Report {
 public:
  std::string name() const override { return "detail-fees"; }
  std::string title() const override { return tr("Detailed-bill fees charged and waived"); }
  std::vector<ReportColumn> columns() const override {
    return {{"at", tr("When"), CellType::DateTime, 33},        {"account", tr("Account"), CellType::Text, 20},
            {"msisdn", tr("Number"), CellType::Text, 26},      {"period_from", tr("From"), CellType::Date, 18},
            {"period_to", tr("To"), CellType::Date, 18},       {"charged", tr("Charged"), CellType::Money, 20},
            {"waived", tr("Waived"), CellType::Money, 20},     {"reason", tr("Reason"), CellType::Text, 19}};
  }

 protected:
  std::string view() const override { return "report_detail_fees"; }
  std::string orderBy() const override { return "t, account"; }
};

class PaymentsReport : public Report {
 public:
  std::string name() const override { return "payments"; }
  std::string title() const override { return tr("Payments by method"); }
  std::vector<ReportColumn> columns() const override {
    return {{"method", tr("Method"), CellType::Text, 17},    {"day", tr("Day"), CellType::Date, 22},
            {"at", tr("When"), CellType::DateTime, 36},      {"account", tr("Account"), CellType::Text, 22},
            {"office", tr("Office"), CellType::Text, 20},    {"amount", tr("Amount"), CellType::Money, 27},
            {"receipt", tr("Receipt"), CellType::Text, 30}};
  }

 protected:
  std::string view() const override { return "report_payments"; }
  std::string orderBy() const override { return "method, t, account"; }
};

class PasswordResetsReport : public Report {
 public:
  std::string name() const override { return "password-resets"; }
  std::string title() const override { return tr("Self-care password resets"); }
  std::vector<ReportColumn> columns() const override {
    return {{"at", tr("When"), CellType::DateTime, 36}, {"staff", tr("Login"), CellType::Text, 40},
            {"office", tr("Office"), CellType::Text, 24}, {"msisdn", tr("Number"), CellType::Text, 34}};
  }

 protected:
  std::string view() const override { return "report_password_resets"; }
  std::string orderBy() const override { return "t, msisdn"; }
};

class SuspensionsReport : public Report {
 public:
  std::string name() const override { return "suspensions"; }
  std::string title() const override { return tr("Home-internet suspensions"); }
  std::vector<ReportColumn> columns() const override {
    return {{"at", tr("When"), CellType::DateTime, 34},         {"staff", tr("Login"), CellType::Text, 26},
            {"account", tr("Account"), CellType::Text, 20},     {"login", tr("Internet login"), CellType::Text, 26},
            {"suspended_from", tr("From"), CellType::Date, 20}, {"suspended_to", tr("To"), CellType::Date, 20},
            {"ended_on", tr("Resumed"), CellType::Date, 20}};
  }

 protected:
  std::string view() const override { return "report_suspensions"; }
  std::string orderBy() const override { return "t, account"; }
};

std::vector<std::unique_ptr<Report>> allReports() {
  std::vector<std::unique_ptr<Report>> out;
  out.push_back(std::make_unique<OperationsReport>());
  out.push_back(std::make_unique<SimRestoresReport>());
  out.push_back(std::make_unique<ContractsReport>());
  out.push_back(std::make_unique<DetailFeesReport>());
  out.push_back(std::make_unique<PaymentsReport>());
  out.push_back(std::make_unique<PasswordResetsReport>());
  out.push_back(std::make_unique<SuspensionsReport>());
  return out;
}

std::unique_ptr<Report> reportNamed(const std::string& name) {
  for (auto& r : allReports()) {
    if (r->name() == name) return std::move(r);
  }
  return nullptr;
}

}  // namespace subdesk::reporting
