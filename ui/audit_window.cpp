#include "audit_window.h"

#include <wx/accel.h>
#include <wx/panel.h>
#include <wx/sizer.h>

#include "async.h"
#include "gui_probe.h"
#include "icon.h"
#include "translate.h"

namespace subdesk::ui {

using services::AuditEntry;
using services::AuditPage;
using services::AuditTrail;

namespace {
wxString idText(const std::optional<std::int64_t>& id) {
  return id ? wxString::Format("%lld", static_cast<long long>(*id)) : wxString();
}
}  // namespace

AuditWindow::AuditWindow(wxWindow* parent, std::shared_ptr<db::SessionPool> pool)
    : wxFrame(parent, wxID_ANY, _("Audit log — subdesk")), pool_(std::move(pool)) {
  SetIcons(appIcons());
  auto* panel = new wxPanel(this);
  const int margin = FromDIP(12);

  list_ = new wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  const std::pair<wxString, int> columns[] = {{_("When"), 150},   {_("Who"), 130}, {_("Action"), 120},
                                              {_("Table"), 110},  {_("Row"), 110}, {_("Customer"), 80},
                                              {_("Account"), 70}, {_("Line"), 60}, {_("Interaction"), 90},
                                              {_("Changes"), 400}};
  for (const auto& [title, width] : columns) list_->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { showSelected(); });

  details_ = new wxTextCtrl(panel, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 90)),
                            wxTE_MULTILINE | wxTE_READONLY);
  summary_ = new wxStaticText(panel, wxID_ANY, wxString());
  error_ = new wxStaticText(panel, wxID_ANY, wxString());
  error_->SetForegroundColour(wxColour(0xC0, 0x1C, 0x28));
  more_ = new wxButton(panel, wxID_ANY, wxString::Format(_("Load %d more"), AuditTrail::kPageSize));
  more_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { load(true); });
  more_->Disable();

  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  bottom->Add(summary_, wxSizerFlags(1).CentreVertical());
  bottom->Add(more_, wxSizerFlags().CentreVertical());

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(buildFilters(panel), wxSizerFlags().Expand().Border(wxALL, margin));
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, margin));
  sizer->Add(details_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
  sizer->Add(error_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
  sizer->Add(bottom, wxSizerFlags().Expand().Border(wxALL, margin));
  panel->SetSizer(sizer);

  // Escape closes the window, like the dialogs.
  wxAcceleratorEntry escape(wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE);
  SetAcceleratorTable(wxAcceleratorTable(1, &escape));
  Bind(
      wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
  if (parent) parent->Bind(wxEVT_SHOW, &AuditWindow::onParentShown, this);

  SetMinSize(FromDIP(wxSize(720, 420)));
  SetSize(FromDIP(wxSize(1180, 640)));
  CentreOnParent();
  load(false);
}

wxWindow* AuditWindow::buildFilters(wxWindow* parent) {
  auto* box = new wxPanel(parent);
  const wxDateTime today = wxDateTime::Today();
  from_ = new wxDatePickerCtrl(box, wxID_ANY, today - wxDateSpan::Days(7));
  to_ = new wxDatePickerCtrl(box, wxID_ANY, today);
  who_ = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(150, -1)),
                        wxTE_PROCESS_ENTER);
  who_->SetHint(_("any login"));
  customer_ = new wxTextCtrl(box, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(100, -1)),
                             wxTE_PROCESS_ENTER);
  customer_->SetHint(_("any"));
  wxArrayString actions;
  for (const auto& a : AuditTrail::commonActions()) actions.Add(wxString::FromUTF8(a));
  action_ = new wxComboBox(box, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(160, -1)), actions,
                           wxTE_PROCESS_ENTER);
  action_->SetHint(_("any action"));
  show_ = new wxButton(box, wxID_ANY, _("&Show"));
  show_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { load(false); });
  for (wxWindow* w : std::initializer_list<wxWindow*>{who_, customer_, action_})
    w->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { load(false); });

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  auto label = [&](const wxString& text) {
    row->Add(new wxStaticText(box, wxID_ANY, text),
             wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
  };
  auto control = [&](wxWindow* w) {
    row->Add(w, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(14)));
  };
  label(_("From:"));
  control(from_);
  label(_("To:"));
  control(to_);
  label(_("Staff login:"));
  control(who_);
  label(_("Customer id:"));
  control(customer_);
  label(_("Action:"));
  control(action_);
  row->Add(show_, wxSizerFlags().CentreVertical());
  box->SetSizer(row);
  return box;
}

void AuditWindow::load(bool more) {
  showError(wxString());
  if (!more) {
    services::AuditFilter filter;
    filter.fromDate = from_->GetValue().FormatISODate().utf8_string();
    filter.toDate = to_->GetValue().FormatISODate().utf8_string();
    filter.who = who_->GetValue().Strip(wxString::both).utf8_string();
    filter.action = action_->GetValue().Strip(wxString::both).utf8_string();
    const wxString customer = customer_->GetValue().Strip(wxString::both);
    if (!customer.empty()) {
      long long id = 0;
      if (!customer.ToLongLong(&id) || id <= 0) {
        showError(_("The customer id is a whole number, such as 17."));
        return;
      }
      filter.customerId = id;
    }
    filter_ = filter;
    next_.reset();
    entries_.clear();
    list_->DeleteAllItems();
    details_->Clear();
  }
  const int generation = ++generation_;
  setBusy(true);
  runAsync(
      this,
      [pool = pool_, filter = filter_, after = next_] {
        auto sql = pool->lease();
        return AuditTrail(*sql).query(filter, after);
      },
      [this, generation](AuditPage page) {
        if (generation != generation_) return;
        setBusy(false);
        append(page);
      },
      [this, generation](const std::string& error) {
        if (generation != generation_) return;
        setBusy(false);
        showError(wxString::FromUTF8(error));
      });
}

void AuditWindow::append(const AuditPage& page) {
  list_->Freeze();
  for (const AuditEntry& e : page.entries) {
    const long row = list_->InsertItem(list_->GetItemCount(), wxString::FromUTF8(e.at));
    const wxString cells[] = {wxString::FromUTF8(e.who),
                              wxString::FromUTF8(e.action),
                              wxString::FromUTF8(e.tableName),
                              wxString::FromUTF8(e.rowId),
                              idText(e.customerId),
                              idText(e.accountId),
                              idText(e.lineId),
                              idText(e.interactionId),
                              wxString::FromUTF8(e.changes)};
    for (int c = 0; c < static_cast<int>(std::size(cells)); ++c) list_->SetItem(row, c + 1, cells[c]);
    entries_.push_back(e);
  }
  list_->Thaw();
  if (page.next()) next_ = page.next();
  more_->Enable(page.more);
  const auto shown = static_cast<unsigned long>(entries_.size());
  wxString summary = entries_.empty()
                         ? _("No audit rows match the filter.")
                         : wxString::Format(wxPLURAL("%lu row shown", "%lu rows shown", shown), shown);
  if (page.more) summary += " " + _("(older rows follow)");
  summary_->SetLabel(summary);
  guiProbe("audit", wxString::Format("%lu rows%s", shown, page.more ? ", more" : ""));
}

void AuditWindow::showSelected() {
  const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || static_cast<std::size_t>(row) >= entries_.size()) return;
  const AuditEntry& e = entries_[static_cast<std::size_t>(row)];
  details_->ChangeValue(e.changes.empty() ? _("(no changes recorded)") : wxString::FromUTF8(e.changes));
}

void AuditWindow::setBusy(bool busy) {
  show_->Enable(!busy);
  if (busy) {
    more_->Disable();
    summary_->SetLabel(_("Loading…"));
  }
}

void AuditWindow::showError(const wxString& message) {
  error_->SetLabel(message);
  error_->Show(!message.empty());
  Layout();
  if (GetChildren().GetCount() > 0) GetChildren().front()->Layout();
}

void AuditWindow::onParentShown(wxShowEvent& event) {
  // The main window hides when the desk locks: the log must not stay on screen.
  Show(event.IsShown());
  event.Skip();
}

}  // namespace subdesk::ui
