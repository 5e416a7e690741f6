#include "report_export_window.h"

#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "async.h"
#include "core/reporting/report.h"
#include "gui_probe.h"
#include "reports/report_export.h"
#include "translate.h"

namespace subdesk::ui {
namespace {

std::chrono::year_month_day ymd(const wxDateTime& d) {
  return std::chrono::year_month_day(std::chrono::year(d.GetYear()),
                                     std::chrono::month(static_cast<unsigned>(d.GetMonth()) + 1),
                                     std::chrono::day(static_cast<unsigned>(d.GetDay())));
}

const reports::ExportFormat kFormats[] = {reports::ExportFormat::Xlsx, reports::ExportFormat::Csv,
                                          reports::ExportFormat::Pdf};

}  // namespace

ReportExportWindow::ReportExportWindow(wxWindow* parent, std::shared_ptr<db::SessionPool> readerPool)
    : DeskDialog(parent, _("Reports")), pool_(std::move(readerPool)), timer_(this) {
  const int gap = FromDIP(8);
  content()->Add(makeHeading(this, _("Export a report")), wxSizerFlags().Border(wxBOTTOM, gap));
  report_ = new wxChoice(this, wxID_ANY);
  for (const auto& r : reporting::allReports()) report_->Append(wxString::FromUTF8(r->title()));
  report_->SetSelection(0);
  from_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today().SetDay(1));
  to_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
  const wxString formats[] = {_("Excel workbook (XLSX)"), _("CSV"), _("PDF")};
  format_ = new wxRadioBox(this, wxID_ANY, _("Format"), wxDefaultPosition, wxDefaultSize, 3, formats, 1);
  bom_ = new wxCheckBox(this, wxID_ANY, _("CSV with a byte order mark (for spreadsheet programs)"));
  bom_->SetValue(true);
  gauge_ = new wxGauge(this, wxID_ANY, 1000, wxDefaultPosition, FromDIP(wxSize(360, -1)));
  status_ = new wxStaticText(this, wxID_ANY, wxString());
  auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
  grid->Add(new wxStaticText(this, wxID_ANY, _("Report")), wxSizerFlags().CentreVertical());
  grid->Add(report_, wxSizerFlags().Expand());
  grid->Add(new wxStaticText(this, wxID_ANY, _("From")), wxSizerFlags().CentreVertical());
  grid->Add(from_);
  grid->Add(new wxStaticText(this, wxID_ANY, _("To")), wxSizerFlags().CentreVertical());
  grid->Add(to_);
  content()->Add(grid, wxSizerFlags().Expand());
  content()->Add(format_, wxSizerFlags().Expand().Border(wxTOP, gap));
  content()->Add(bom_, wxSizerFlags().Border(wxTOP, gap / 2));
  content()->Add(gauge_, wxSizerFlags().Expand().Border(wxTOP, gap * 2));
  content()->Add(status_, wxSizerFlags().Expand().Border(wxTOP, gap / 2));
  format_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { bom_->Enable(format_->GetSelection() == 1); });
  bom_->Enable(false);
  Bind(wxEVT_TIMER, &ReportExportWindow::onTick, this);
  finishLayout(_("&Export…"), _("Close"));
}

void ReportExportWindow::onAccept() {
  if (cancel_) return;  // one export at a time
  auto all = reporting::allReports();
  const auto& report = all[static_cast<std::size_t>(std::max(0, report_->GetSelection()))];
  const reporting::Period period{ymd(from_->GetValue()), ymd(to_->GetValue())};
  if (std::chrono::sys_days(period.to) < std::chrono::sys_days(period.from)) {
    showError(_("The end of the period is before its start."));
    return;
  }
  reports::ExportOptions options;
  options.format = kFormats[format_->GetSelection()];
  options.csvBom = bom_->GetValue();
  options.language = wxTranslations::Get() && wxTranslations::Get()->GetBestTranslation("subdesk").StartsWith("uk")
                         ? Language::Uk
                         : Language::En;
  const std::string ext = reports::exportFormatExtension(options.format);
  const wxString name = wxString::FromUTF8(report->name() + "-" + reporting::isoDay(period.from) + "-" +
                                           reporting::isoDay(period.to) + ext);
  wxFileDialog file(this, _("Save the report"), wxString(), name, wxString::Format("*%s|*%s", ext, ext),
                    wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (file.ShowModal() != wxID_OK) return;
  options.path = file.GetPath().utf8_string();
  showError(wxString());
  progress_ = std::make_shared<Progress>();
  cancel_ = std::make_shared<CancellationToken>();
  gauge_->SetValue(0);
  status_->SetLabel(_("Counting the rows…"));
  okButton()->Disable();
  cancelButton()->SetLabel(_("Cancel the export"));
  timer_.Start(150);
  const std::string reportName = report->name();
  runAsync(
      this,
      [pool = pool_, reportName, period, options, progress = progress_, cancel = cancel_] {
        auto sql = pool->lease();
        reporting::RunOptions run;
        run.cancel = cancel;
        run.countFirst = true;
        run.progress = [progress](long long done, long long total) {
          progress->total = total;
          progress->done = done;
        };
        return reports::exportReport(*sql, *reporting::reportNamed(reportName), period, options, run);
      },
      [this, path = options.path](reporting::RunResult r) {
        guiProbe("export", wxString::Format("%lld %s", r.rows, r.cancelled ? "cancelled" : "done"));
        finished(r.cancelled ? _("Export cancelled; no file was left.")
                             : wxString::Format(wxPLURAL("%lld row written to %s", "%lld rows written to %s", r.rows),
                                                r.rows, wxString::FromUTF8(path)));
      },
      [this](const std::string& error) {
        finished(wxString());
        showError(wxString::FromUTF8(error));
      });
}

void ReportExportWindow::onTick(wxTimerEvent&) {
  if (!progress_) return;
  const long long done = progress_->done, total = progress_->total;
  if (total > 0) {
    gauge_->SetValue(static_cast<int>(std::min<long long>(1000, done * 1000 / total)));
    status_->SetLabel(wxString::Format(_("%lld of %lld rows"), done, total));
  } else if (total < 0) {
    gauge_->Pulse();
  }
}

void ReportExportWindow::finished(const wxString& message) {
  timer_.Stop();
  cancel_.reset();
  progress_.reset();
  gauge_->SetValue(message.empty() ? 0 : 1000);
  status_->SetLabel(message);
  okButton()->Enable();
  cancelButton()->SetLabel(_("Close"));
  Layout();
}

void ReportExportWindow::onCancel() {
  if (cancel_) {
    cancel_->cancel();
    status_->SetLabel(_("Cancelling…"));
    return;
  }
  DeskDialog::onCancel();
}

}  // namespace subdesk::ui
