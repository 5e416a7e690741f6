#pragma once
// Supervisors' reports from the desk (issue 8): pick a report, a period and a format
// (CSV, XLSX, PDF), choose the file, and watch it being written: a progress bar (the rows
// are counted first) and Cancel, which stops the worker at the next row and removes the
// partial file. The rows are read from the read replica when there is one.
#include <atomic>
#include <memory>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/gauge.h>
#include <wx/radiobox.h>
#include <wx/timer.h>

#include "core/db/session_pool.h"
#include "core/util/cancellation.h"
#include "desk_dialog.h"

namespace subdesk::ui {

class ReportExportWindow : public DeskDialog {
 public:
  ReportExportWindow(wxWindow* parent, std::shared_ptr<db::SessionPool> readerPool);

 private:
  struct Progress {
    std::atomic<long long> done{0}, total{-1};
  };
  void onAccept() override;
  void onCancel() override;
  void onTick(wxTimerEvent& event);
  void finished(const wxString& message);

  std::shared_ptr<db::SessionPool> pool_;
  wxChoice* report_;
  wxDatePickerCtrl* from_;
  wxDatePickerCtrl* to_;
  wxRadioBox* format_;
  wxCheckBox* bom_;
  wxGauge* gauge_;
  wxStaticText* status_;
  wxTimer timer_;
  std::shared_ptr<Progress> progress_;
  CancellationTokenPtr cancel_;
};

}  // namespace subdesk::ui
