#include "services_dialog.h"

#include <wx/stattext.h>

#include "desk_format.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

namespace {
std::string iso(const wxDatePickerCtrl* picker) { return picker->GetValue().FormatISODate().utf8_string(); }

wxString groupWord(const std::string& group) {
  return group.empty() ? wxString() : wxString::FromUTF8(group);
}

long selectedRow(wxListCtrl* list) { return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }
}  // namespace

ServicesDialog::ServicesDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                               const services::CardData& card)
    : AccountDialog(parent, _("Services — subdesk"), std::move(pool), card),
      lineId_(card.overview.lines.empty() ? 0 : card.overview.lines.front().lineId) {
  addHeading(_("Services of the line"));
  auto bold = [this](const wxString& text) {
    auto* label = new wxStaticText(this, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    return label;
  };

  content()->Add(bold(_("Connected")), wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
  connectedList_ = makeList({{_("Service"), 240}, {_("Monthly fee"), 110}, {_("Since"), 100}, {_("Until"), 100}});
  content()->Add(connectedList_, wxSizerFlags().Expand());
  auto* off = new wxBoxSizer(wxHORIZONTAL);
  off->Add(new wxStaticText(this, wxID_ANY, _("Last day:")), wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
  lastDay_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
  off->Add(lastDay_, wxSizerFlags().Border(wxRIGHT, FromDIP(12)));
  disconnect_ = new wxButton(this, wxID_ANY, _("&Disconnect the selected service"));
  disconnect_->Disable();
  off->Add(disconnect_);
  content()->Add(off, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(6)));

  content()->Add(bold(_("Catalogue")), wxSizerFlags().Border(wxTOP, FromDIP(8)));
  catalogueList_ = makeList({{_("Service"), 240}, {_("Monthly fee"), 110}, {_("Exclusive group"), 150}});
  content()->Add(catalogueList_, wxSizerFlags().Expand());
  auto* on = new wxBoxSizer(wxHORIZONTAL);
  on->Add(new wxStaticText(this, wxID_ANY, _("From:")), wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
  from_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
  from_->SetRange(wxDateTime::Today(), wxDateTime());
  on->Add(from_, wxSizerFlags().Border(wxRIGHT, FromDIP(12)));
  hasUntil_ = new wxCheckBox(this, wxID_ANY, _("&Until:"));
  on->Add(hasUntil_, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
  until_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today().Add(wxDateSpan::Month()));
  until_->Disable();
  on->Add(until_);
  content()->Add(on, wxSizerFlags().Border(wxTOP, FromDIP(6)));

  hasUntil_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { until_->Enable(hasUntil_->IsChecked()); });
  connectedList_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    disconnect_->Enable(static_cast<std::size_t>(e.GetIndex()) < connected_.size());
  });
  disconnect_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { disconnectSelected(); });

  finishLayout(_("&Connect the selected service"), _("Close"));
  catalogueList_->SetFocus();
  guiProbe("dialog", "services");
  reload();
}

wxListCtrl* ServicesDialog::makeList(std::initializer_list<std::pair<wxString, int>> columns) {
  auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(580, 120)),
                              wxLC_REPORT | wxLC_SINGLE_SEL);
  for (const auto& [title, width] : columns) list->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
  return list;
}

void ServicesDialog::reload() {
  struct Lists {
    std::vector<services::LineServiceItem> connected;
    std::vector<services::CatalogueService> catalogue;
  };
  runAsync(
      this,
      [pool = pool_, line = lineId_] {
        auto sql = pool->lease();
        services::LineServices s(*sql);
        return Lists{s.connected(line), s.catalogue()};
      },
      [this](Lists lists) {
        connected_ = std::move(lists.connected);
        catalogue_ = std::move(lists.catalogue);
        connectedList_->DeleteAllItems();
        for (const auto& s : connected_) {
          const long row = connectedList_->InsertItem(connectedList_->GetItemCount(), pick(s.nameUk, s.nameEn));
          connectedList_->SetItem(row, 1, money(s.monthlyFee));
          connectedList_->SetItem(row, 2, day(s.startsOn));
          connectedList_->SetItem(row, 3, s.endsOn.empty() ? _("open-ended") : day(s.endsOn));
        }
        if (connected_.empty()) connectedList_->InsertItem(0, _("none"));
        disconnect_->Disable();
        catalogueList_->DeleteAllItems();
        for (const auto& s : catalogue_) {
          const long row = catalogueList_->InsertItem(catalogueList_->GetItemCount(), pick(s.nameUk, s.nameEn));
          catalogueList_->SetItem(row, 1, money(s.monthlyFee));
          catalogueList_->SetItem(row, 2, groupWord(s.exclusiveGroup));
        }
        // The first service is chosen, so that the arrow keys move from there at once.
        if (!catalogue_.empty())
          catalogueList_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        guiProbe("services", wxString::Format("%zu connected, %zu in the catalogue", connected_.size(),
                                              catalogue_.size()));
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void ServicesDialog::onAccept() {
  const long row = selectedRow(catalogueList_);
  if (busy()) return;
  if (row < 0 || static_cast<std::size_t>(row) >= catalogue_.size()) {
    showError(_("Choose a service in the catalogue first."));
    catalogueList_->SetFocus();
    return;
  }
  if (hasUntil_->IsChecked() && until_->GetValue() < from_->GetValue()) {
    showError(_("The last day comes before the first."));
    return;
  }
  guiProbe("service-connect", wxString::FromUTF8(catalogue_[static_cast<std::size_t>(row)].code));
  submit(
      [line = lineId_, id = catalogue_[static_cast<std::size_t>(row)].id, from = iso(from_),
       until = hasUntil_->IsChecked() ? iso(until_) : std::string()](soci::session& sql) {
        return services::LineServices(sql).connect(line, id, from, until);
      },
      [this](std::int64_t) {
        changed_ = true;
        reload();
      });
}

void ServicesDialog::disconnectSelected() {
  const long row = selectedRow(connectedList_);
  if (busy() || row < 0 || static_cast<std::size_t>(row) >= connected_.size()) return;
  submit(
      [id = connected_[static_cast<std::size_t>(row)].id, last = iso(lastDay_)](soci::session& sql) {
        services::LineServices(sql).disconnect(id, last);
      },
      [this] {
        changed_ = true;
        reload();
      });
}

}  // namespace subdesk::ui
