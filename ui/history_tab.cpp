#include "history_tab.h"

#include <wx/notebook.h>
#include <wx/sizer.h>

#include "async.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {
namespace {

constexpr int kPageSize = 100;
const char* const kKinds[] = {"", "voice", "sms", "data"};

std::chrono::year_month_day ymd(const wxDateTime& d) {
  return std::chrono::year_month_day(std::chrono::year(d.GetYear()),
                                     std::chrono::month(static_cast<unsigned>(d.GetMonth()) + 1),
                                     std::chrono::day(static_cast<unsigned>(d.GetDay())));
}

wxString quantity(const services::HistoryRecord& r) {
  if (r.kind == "voice") return wxString::Format("%lld:%02lld", static_cast<long long>(r.durationS / 60),
                                                 static_cast<long long>(r.durationS % 60));
  if (r.kind == "data") return wxString::Format(_("%.2f MB"), static_cast<double>(r.volumeKb) / 1024.0);
  return "1";
}

wxString kindWord(const std::string& kind) {
  if (kind == "voice") return _("Call");
  if (kind == "sms") return _("SMS");
  return _("Data");
}

}  // namespace

HistoryTab::HistoryTab(wxWindow* parent, CardContext context) : CardTab(parent, std::move(context)) {
  from_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today().SetDay(1));
  to_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
  kind_ = new wxChoice(this, wxID_ANY);
  for (const wxString& k : {_("Everything"), _("Calls"), _("SMS"), _("Data")}) kind_->Append(k);
  kind_->SetSelection(0);
  number_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(140), -1),
                           wxTE_PROCESS_ENTER);
  number_->SetHint(_("number contains…"));
  showButton_ = new wxButton(this, wxID_ANY, _("&Show"));
  list_ = makeList({{_("When"), 160}, {_("Kind"), 80}, {_("Direction"), 90}, {_("Other number"), 150},
                    {_("Duration / volume"), 130}, {_("Charge"), 110}});
  more_ = new wxButton(this, wxID_ANY, _("Load &more"));
  more_->Disable();
  status_ = new wxStaticText(this, wxID_ANY, wxString());

  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  const auto mid = wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6));
  bar->Add(new wxStaticText(this, wxID_ANY, _("From")), mid);
  bar->Add(from_, mid);
  bar->Add(new wxStaticText(this, wxID_ANY, _("to")), mid);
  bar->Add(to_, mid);
  bar->Add(kind_, mid);
  bar->Add(number_, mid);
  bar->Add(showButton_, mid);
  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  bottom->Add(more_, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(8)));
  bottom->Add(status_, wxSizerFlags(1).CentreVertical());
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
  sizer->Add(bottom, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
  SetSizer(sizer);

  showButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    opened_ = false;  // a new period or filter is a new look at the history
    load(false);
  });
  number_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { load(false); });
  more_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { load(true); });
  // The history is read (and the read audited) when the agent opens the tab, not when
  // the card loads.
  parent->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    e.Skip();
    auto* book = dynamic_cast<wxNotebook*>(GetParent());
    if (book && e.GetSelection() >= 0 && book->GetPage(static_cast<size_t>(e.GetSelection())) == this && !opened_ &&
        lineId_ != 0) {
      load(false);
    }
  });
}

void HistoryTab::show(const services::CardData& card) {
  card_ = card;
  lineId_ = card.key.lineId;
}

services::HistoryFilter HistoryTab::filter() const {
  services::HistoryFilter f;
  f.lineId = lineId_;
  f.from = ymd(from_->GetValue());
  f.to = ymd(to_->GetValue());
  f.kind = kKinds[std::max(0, kind_->GetSelection())];
  f.number = number_->GetValue().utf8_string();
  return f;
}

void HistoryTab::load(bool more) {
  if (lineId_ == 0) {
    status_->SetLabel(_("This account has no mobile line."));
    return;
  }
  if (more && (!next_ || loading_)) return;
  const auto f = filter();
  const bool audit = !opened_;
  opened_ = true;
  const auto after = more ? next_ : std::nullopt;
  const int generation = ++generation_;
  loading_ = true;
  more_->Disable();
  status_->SetLabel(_("Loading…"));
  if (!more) list_->DeleteAllItems();
  auto pool = context_.pool;
  auto reader = context_.readerPool ? context_.readerPool : context_.pool;
  runAsync(
      this,
      [pool, reader, f, after, audit] {
        auto primary = pool->lease();
        if (audit) services::CallHistory(*primary, *primary).open(f.lineId, f.from, f.to);
        if (reader == pool) return services::CallHistory(*primary, *primary).page(f, after, kPageSize);
        auto replica = reader->lease();
        return services::CallHistory(*primary, *replica).page(f, after, kPageSize);
      },
      [this, generation](services::HistoryPage page) {
        if (generation != generation_) return;
        loading_ = false;
        append(page);
      },
      [this, generation](const std::string& error) {
        if (generation != generation_) return;
        loading_ = false;
        opened_ = false;
        status_->SetLabel(wxString::FromUTF8(error));
      });
}

void HistoryTab::append(const services::HistoryPage& page) {
  for (const auto& r : page.records) {
    const long row = list_->InsertItem(list_->GetItemCount(), moment(r.at));
    list_->SetItem(row, 1, kindWord(r.kind) + (r.roaming ? _(" (roaming)") : wxString()));
    list_->SetItem(row, 2, r.kind == "data" ? wxString() : r.direction == "out" ? _("outgoing") : _("incoming"));
    list_->SetItem(row, 3, r.otherNumber.empty() ? wxString() : phone(r.otherNumber));
    list_->SetItem(row, 4, quantity(r));
    list_->SetItem(row, 5, money(r.charge));
  }
  next_ = page.next;
  more_->Enable(next_.has_value());
  const int n = list_->GetItemCount();
  status_->SetLabel(next_ ? wxString::Format(wxPLURAL("%d record shown; there are more.", "%d records shown; there are more.", n), n)
                          : wxString::Format(wxPLURAL("%d record.", "%d records.", n), n));
  guiProbe("history", wxString::Format("%d", n));
}

}  // namespace subdesk::ui
