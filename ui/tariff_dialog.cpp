#include "tariff_dialog.h"

#include <wx/msgdlg.h>

#include "desk_format.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

using services::TariffChangeWhen;

namespace {
wxString signedMoney(std::int64_t kopecks) { return (kopecks > 0 ? wxString("+") : wxString()) + money(kopecks); }
}  // namespace

TariffDialog::TariffDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card)
    : AccountDialog(parent, _("Tariff change — subdesk"), std::move(pool), card),
      lineId_(card.overview.lines.empty() ? 0 : card.overview.lines.front().lineId) {
  addHeading(_("Change the tariff"));
  if (!card.overview.lines.empty()) {
    const auto& l = card.overview.lines.front();
    content()->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("Tariff now: %s, %s a month"),
                                                                     pick(l.tariffUk, l.tariffEn), money(l.monthlyFee))),
                   wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  }
  wxFlexGridSizer* grid = form();
  tariff_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(320, -1)));
  addField(grid, _("New &tariff:"), tariff_);
  const wxString whens[] = {_("now"), _("at the start of the next period"), _("on a chosen day")};
  when_ = new wxRadioBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 3, whens, 1,
                         static_cast<long>(wxRA_SPECIFY_COLS) | wxNO_BORDER);
  when_->SetSelection(1);
  addField(grid, _("When:"), when_);
  date_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today().Add(wxDateSpan::Week()));
  date_->SetRange(wxDateTime::Today(), wxDateTime());
  addField(grid, _("&Day:"), date_);

  preview_ = new wxStaticText(this, wxID_ANY, _("Loading the tariffs…"));
  preview_->SetFont(preview_->GetFont().Bold());
  content()->Add(preview_, wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, FromDIP(12)));

  auto* heading = new wxStaticText(this, wxID_ANY, _("Scheduled tariff changes"));
  heading->SetFont(heading->GetFont().Bold());
  content()->Add(heading, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
  list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 110)), wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, FromDIP(120));
  list_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, FromDIP(100));
  list_->AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, FromDIP(220));
  list_->AppendColumn(_("Requested by"), wxLIST_FORMAT_LEFT, FromDIP(110));
  content()->Add(list_, wxSizerFlags(1).Expand());
  cancelChange_ = new wxButton(this, wxID_ANY, _("&Cancel the selected change"));
  cancelChange_->Disable();
  content()->Add(cancelChange_, wxSizerFlags().Border(wxTOP, FromDIP(6)));

  tariff_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { updatePreview(); });
  when_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { updatePreview(); });
  date_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { updatePreview(); });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { cancelChange_->Enable(); });
  list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { cancelChange_->Disable(); });
  cancelChange_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancelSelected(); });

  finishLayout(_("C&hange the tariff"), _("Close"));
  okButton()->Disable();
  tariff_->SetFocus();
  guiProbe("dialog", "tariff");
  loadChoices();
  loadScheduled();
}

TariffChangeWhen TariffDialog::when() const {
  switch (when_->GetSelection()) {
    case 0: return TariffChangeWhen::Now;
    case 2: return TariffChangeWhen::OnDate;
    default: return TariffChangeWhen::NextPeriod;
  }
}

std::string TariffDialog::chosenDay() const {
  return when() == TariffChangeWhen::OnDate ? date_->GetValue().FormatISODate().utf8_string() : std::string();
}

void TariffDialog::loadChoices() {
  runAsync(
      this,
      [pool = pool_, line = lineId_] {
        auto sql = pool->lease();
        return services::TariffChange(*sql).options(line);
      },
      [this](std::vector<services::TariffOption> options) {
        options_ = std::move(options);
        tariff_->Clear();
        for (const auto& t : options_)
          tariff_->Append(wxString::Format(_("%s, %s a month"), pick(t.nameUk, t.nameEn), money(t.monthlyFee)));
        if (!options_.empty()) tariff_->SetSelection(0);
        updatePreview();
      },
      [this](const std::string& error) { preview_->SetLabel(wxString::FromUTF8(error)); });
}

void TariffDialog::updatePreview() {
  date_->Enable(when() == TariffChangeWhen::OnDate);
  previewOk_ = false;
  okButton()->Disable();
  const int index = tariff_->GetSelection();
  if (index < 0 || static_cast<std::size_t>(index) >= options_.size()) {
    preview_->SetLabel(options_.empty() ? _("There is no other tariff to change to.") : wxString());
    return;
  }
  const unsigned seq = ++previewSeq_;
  runAsync(
      this,
      [pool = pool_, line = lineId_, id = options_[static_cast<std::size_t>(index)].id, mode = when(),
       on = chosenDay()] {
        auto sql = pool->lease();
        return services::TariffChange(*sql).preview(line, id, mode, on);
      },
      [this, seq](services::TariffPreview p) {
        if (seq != previewSeq_) return;  // the choice changed meanwhile
        wxString text = wxString::Format(_("From %s: %s → %s"), day(p.effectiveOn),
                                         pick(p.current.nameUk, p.current.nameEn),
                                         pick(p.proposed.nameUk, p.proposed.nameEn));
        text += "\n" + wxString::Format(_("Monthly fee: %s (%s → %s)"), signedMoney(p.feeDifference),
                                        money(p.current.monthlyFee), money(p.proposed.monthlyFee));
        for (const auto& change : p.allowanceChanges) text += "\n" + wxString::FromUTF8(change);
        if (p.allowanceChanges.empty()) text += "\n" + _("The allowances stay the same.");
        preview_->SetLabel(text);
        previewOk_ = true;
        okButton()->Enable();
        GetSizer()->Fit(this);
        Layout();
        guiProbe("tariff-preview", text);
      },
      [this, seq](const std::string& error) {
        if (seq != previewSeq_) return;
        preview_->SetLabel(wxString::FromUTF8(error));
      });
}

void TariffDialog::loadScheduled() {
  runAsync(
      this,
      [pool = pool_, customer = card_.key.customerId] {
        auto sql = pool->lease();
        return services::TariffChange(*sql).scheduled(customer);
      },
      [this](std::vector<services::ScheduledTariffChange> list) {
        scheduled_ = std::move(list);
        list_->DeleteAllItems();
        for (const auto& c : scheduled_) {
          const long row = list_->InsertItem(list_->GetItemCount(), phone(c.msisdn));
          list_->SetItem(row, 1, day(c.effectiveOn));
          list_->SetItem(row, 2, pick(c.fromUk, c.fromEn) + wxString::FromUTF8(" → ") + pick(c.toUk, c.toEn));
          list_->SetItem(row, 3, wxString::FromUTF8(c.createdBy));
        }
        if (scheduled_.empty()) list_->InsertItem(0, _("none"));
        cancelChange_->Disable();
        guiProbe("tariff-scheduled", wxString::Format("%zu", scheduled_.size()));
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void TariffDialog::cancelSelected() {
  const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || static_cast<std::size_t>(row) >= scheduled_.size() || busy()) return;
  const auto change = scheduled_[static_cast<std::size_t>(row)];
  const wxString question = wxString::Format(_("Cancel the change of %s to %s from %s?"), phone(change.msisdn),
                                             pick(change.toUk, change.toEn), day(change.effectiveOn));
  wxMessageDialog confirm(this, question, _("Cancel a tariff change"), wxYES_NO | wxNO_DEFAULT);
  confirm.SetYesNoLabels(_("Cancel the change"), _("Keep it"));
  if (confirm.ShowModal() != wxID_YES) return;
  submit(
      [id = change.id](soci::session& sql) { services::TariffChange(sql).cancel(id); },
      [this] {
        changed_ = true;
        loadScheduled();
        updatePreview();
      });
}

void TariffDialog::onAccept() {
  const int index = tariff_->GetSelection();
  if (busy() || !previewOk_ || index < 0 || static_cast<std::size_t>(index) >= options_.size()) return;
  submit(
      [line = lineId_, id = options_[static_cast<std::size_t>(index)].id, mode = when(),
       on = chosenDay()](soci::session& sql) { return services::TariffChange(sql).request(line, id, mode, on); },
      [this](std::int64_t id) {
        changed_ = true;
        guiProbe("tariff-change", wxString::Format("%lld", static_cast<long long>(id)));
        EndModal(wxID_OK);
      });
}

}  // namespace subdesk::ui
