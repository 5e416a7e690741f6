// subdesk-cli report NAME --from DATE --to DATE --format csv|xlsx|pdf --out FILE: a
// supervisors' report for scheduled exports (cron). Reads from the read replica when one
// is configured (--replica, $SUBDESK_REPLICA, the profile's `replica`). Without NAME:
// the list of reports.
#include <clocale>
#include <cstring>

#include "cli/command.h"
#include "core/reporting/report.h"
#include "core/util/i18n.h"
#include "reports/report_export.h"

namespace subdesk::cli {
namespace {

class ReportCommand : public Command {
 public:
  std::string name() const override { return "report"; }
  std::string usage() const override {
    return "NAME --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx|pdf --out FILE [--bom] [--lang uk|en]";
  }
  std::string summary() const override {
    return tr("Export a supervisors' report (without NAME: list the reports). Supervisors only.");
  }
  void defineOptions(Poco::Util::OptionSet& o) override {
    addOption(o, "from", tr("first day of the period"), "DATE");
    addOption(o, "to", tr("last day of the period (inclusive)"), "DATE");
    addOption(o, "format", tr("csv, xlsx or pdf (default: from the file name)"), "FORMAT");
    addOption(o, "out", tr("the file to write"), "FILE");
    addOption(o, "bom", tr("CSV: begin with a UTF-8 byte order mark, for spreadsheet programs"));
    addOption(o, "lang", tr("language of PDF money amounts: uk (default) or en"), "LANG");
  }
  int run(Context& ctx) override {
    if (ctx.args.empty()) {
      for (const auto& r : reporting::allReports()) ctx.out << r->name() << "\t" << r->title() << '\n';
      return 0;
    }
    const auto report = reporting::reportNamed(ctx.args.front());
    if (!report) {
      ctx.err << format(tr("There is no report named {0}; 'subdesk-cli report' lists them."), {ctx.args.front()})
              << '\n';
      return 2;
    }
    const auto from = reporting::parseIsoDay(ctx.config.getString("cmd.from", ""));
    const auto to = reporting::parseIsoDay(ctx.config.getString("cmd.to", ""));
    const std::string out = ctx.config.getString("cmd.out", "");
    if (!from || !to || out.empty()) {
      ctx.err << tr("--from and --to (YYYY-MM-DD) and --out are required.") << '\n';
      return 2;
    }
    std::string fmt = ctx.config.getString("cmd.format", "");
    if (fmt.empty() && out.rfind('.') != std::string::npos) fmt = out.substr(out.rfind('.') + 1);
    const auto format_ = reports::exportFormatNamed(fmt);
    if (!format_) {
      ctx.err << tr("--format is csv, xlsx or pdf.") << '\n';
      return 2;
    }
    reports::ExportOptions options;
    options.format = *format_;
    options.path = out;
    options.csvBom = ctx.config.hasProperty("cmd.bom");
    options.language = ctx.config.getString("cmd.lang", "uk") == "en" ? Language::En : Language::Uk;
    auto sql = ctx.connectReader();
    const auto result = reports::exportReport(*sql, *report, {*from, *to}, options);
    ctx.err << format(tr("{0}: {1} rows written to {2}"), {report->name(), std::to_string(result.rows), out}) << '\n';
    return 0;
  }
};

}  // namespace
SUBDESK_CLI_COMMAND(ReportCommand)
}  // namespace subdesk::cli
