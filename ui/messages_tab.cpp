#include "messages_tab.h"

#include <wx/sizer.h>

#include "async.h"
#include "core/util/kyiv_time.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
// In Europe/Kyiv, like every other moment the desk shows (not the computer's own zone).
wxString when(const notify::Delivery::Clock::time_point& t) {
  return wxString::FromUTF8(kyivDateTime(std::chrono::floor<std::chrono::seconds>(t)));
}
wxString when(const std::optional<notify::Delivery::Clock::time_point>& t) { return t ? when(*t) : wxString(); }
}  // namespace

MessagesTab::MessagesTab(wxWindow* parent, CardContext context) : CardTab(parent, std::move(context)), poll_(this) {
  note_ = new wxStaticText(this, wxID_ANY, _("Messages the desk sent to this customer, newest first."));
  list_ = makeList({{_("Queued"), 130},
                    {_("Channel"), 70},
                    {_("To"), 170},
                    {_("State"), 150},
                    {_("Attempts"), 70},
                    {_("Sent / next attempt"), 140},
                    {_("Last error"), 220},
                    {_("Staff"), 110}});
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(note_, wxSizerFlags().Border(wxALL, 8));
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  SetSizer(sizer);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { load(); });
}

void MessagesTab::show(const services::CardData& card) {
  card_ = card;
  load();
}

void MessagesTab::load() {
  if (card_.key.customerId == 0) return;
  runAsync(
      this,
      [pool = context_.pool, customer = card_.key.customerId] {
        auto sql = pool->lease();
        return notify::DeliveryStatus(*sql).forCustomer(customer);
      },
      [this](std::vector<notify::Delivery> messages) { fill(messages); },
      [this](const std::string& error) { note_->SetLabel(wxString::FromUTF8(error)); });
}

void MessagesTab::fill(const std::vector<notify::Delivery>& messages) {
  list_->Freeze();
  list_->DeleteAllItems();
  bool onTheirWay = false;
  for (const auto& m : messages) {
    const bool pending = m.state == notify::DeliveryState::Queued || m.state == notify::DeliveryState::Failing;
    onTheirWay = onTheirWay || pending;
    const long row = list_->InsertItem(list_->GetItemCount(), when(m.createdAt));
    list_->SetItem(row, 1, m.channel == "sms" ? _("SMS") : _("e-mail"));
    list_->SetItem(row, 2, m.channel == "sms" ? phone(m.recipient) : wxString::FromUTF8(m.recipient));
    list_->SetItem(row, 3, wxString::FromUTF8(notify::describe(m.state)));
    list_->SetItem(row, 4, wxString::Format("%d", m.attempts));
    list_->SetItem(row, 5, pending ? when(m.nextAttemptAt) : when(m.sentAt));
    list_->SetItem(row, 6, wxString::FromUTF8(m.lastError.value_or("")));
    list_->SetItem(row, 7, wxString::FromUTF8(m.createdBy));
    if (m.state == notify::DeliveryState::Failing || m.state == notify::DeliveryState::Undeliverable)
      list_->SetItemTextColour(row, wxColour(0xC0, 0x1C, 0x28));
  }
  list_->Thaw();
  note_->SetLabel(messages.empty() ? _("The desk has sent this customer no messages.")
                                   : _("Messages the desk sent to this customer, newest first."));
  guiProbe("messages", wxString::Format("%zu", messages.size()) +
                           (messages.empty() ? wxString() : " " + wxString::FromUTF8(notify::describe(messages.front().state))));
  if (onTheirWay) {
    poll_.StartOnce(15 * 1000);
  } else {
    poll_.Stop();
  }
}

}  // namespace subdesk::ui
