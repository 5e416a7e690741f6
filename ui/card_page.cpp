#include "card_page.h"

#include <algorithm>

#include <wx/sizer.h>

#include "async.h"
#include "core/services/subscriber_card.h"
#include "expenses_tab.h"
#include "history_tab.h"
#include "gui_probe.h"
#include "messages_tab.h"
#include "translate.h"

namespace subdesk::ui {

wxString CardPage::tabTitle(Tab tab) {
  switch (tab) {
    case Tab::Overview:
      return _("Overview");
    case Tab::Balance:
      return _("Balance");
    case Tab::Package:
      return _("Current package");
    case Tab::Expenses:
      return _("Expenses");
    case Tab::Profile:
      return _("Profile");
    case Tab::HomeInternet:
      return _("Home internet");
    case Tab::Timeline:
      return _("Timeline");
    case Tab::Messages:
      return _("Messages");
    case Tab::History:
      return _("History");
  }
  return {};
}

CardPage::CardPage(wxWindow* parent, CardContext context, services::CardKey key, wxSize size)
    // Born at the size of the page it joins: GTK warns ("Negative content width") when a
    // notebook is first allocated at the default tiny size.
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, size), context_(std::move(context)), key_(key) {
  name_ = new wxStaticText(this, wxID_ANY, _("Loading the card…"));
  name_->SetFont(name_->GetFont().Bold().Scaled(1.3f));
  subtitle_ = new wxStaticText(this, wxID_ANY, wxString());

  band_ = new wxPanel(this);
  band_->SetBackgroundColour(wxColour(0xFD, 0xEC, 0xC8));
  bandText_ = new wxStaticText(band_, wxID_ANY, wxString());
  bandText_->SetForegroundColour(wxColour(0x7A, 0x3E, 0x00));
  bandText_->SetFont(bandText_->GetFont().Bold());
  auto* bandSizer = new wxBoxSizer(wxVERTICAL);
  bandSizer->Add(bandText_, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
  // A long warning wraps to the card's width instead of running past the window's edge.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    if (!warnings_.empty()) CallAfter([this] { wrapBand(); });
  });
  band_->SetSizer(bandSizer);
  band_->Hide();

  bar_ = new InteractionBar(this, context_, [this] { refresh(); });
  tabs_ = new wxNotebook(this, wxID_ANY, wxDefaultPosition, size);
  auto add = [this](Tab tab, CardTab* page) {
    pages_.emplace_back(tab, page);
    tabs_->AddPage(page, tabTitle(tab));
  };
  add(Tab::Overview, new OverviewTab(tabs_, context_));
  add(Tab::Balance, new BalanceTab(tabs_, context_));
  add(Tab::Package, new PackageTab(tabs_, context_));
  add(Tab::Expenses, new ExpensesTab(tabs_, context_));
  add(Tab::Profile, new ProfileTab(tabs_, context_));
  // Home internet is made once the card shows the customer has it (a notebook child that
  // is not one of its pages upsets GTK when it is destroyed).
  add(Tab::Timeline, timeline_ = new TimelineTab(tabs_, context_));
  add(Tab::Messages, new MessagesTab(tabs_, context_));
  add(Tab::History, new HistoryTab(tabs_, context_));
  tabs_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    if (e.GetSelection() >= 0) guiProbe("card-tab", tabs_->GetPageText(static_cast<size_t>(e.GetSelection())));
    e.Skip();
  });

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(name_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
  sizer->Add(subtitle_, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
  sizer->Add(band_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
  sizer->Add(bar_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
  sizer->Add(tabs_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
  SetSizer(sizer);
  refresh();
}

wxString CardPage::caption() const {
  if (!hasData_) return _("Loading…");
  return wxString::FromUTF8(data_.overview.customerName);
}

void CardPage::refresh() {
  runAsync(
      this,
      [pool = context_.pool, key = key_] {
        auto sql = pool->lease();
        std::pair<services::CardData, CardExtras> result;
        auto& [data, extras] = result;
        data = services::SubscriberCard(*sql, deskLanguage()).load(key);
        extras.scheduled = services::TariffChange(*sql).scheduled(data.key.customerId);
        services::FamilyProfile family(*sql);
        if (const auto group = family.groupOfCustomer(data.key.customerId))
          extras.family = family.members(*group);
        return result;
      },
      [this](std::pair<services::CardData, CardExtras> result) {
        loaded(std::move(result.first), std::move(result.second));
      },
      [this](const std::string& error) { failed(error); });
}

void CardPage::loaded(services::CardData data, CardExtras extras) {
  data_ = std::move(data);
  extras_ = std::move(extras);
  key_ = data_.key;
  hasData_ = true;
  const auto& o = data_.overview;
  name_->SetLabel(wxString::FromUTF8(o.customerName));
  wxString subtitle = wxString::Format(_("Account %s (%s)"), wxString::FromUTF8(o.accountNumber), statusWord(o.accountKind));
  if (!o.lines.empty()) subtitle = phone(o.lines.front().msisdn) + wxString::FromUTF8(" · ") + subtitle;
  subtitle_->SetLabel(subtitle);
  wxString warnings;
  for (const auto& w : o.warnings) warnings += wxString::FromUTF8(warnings.empty() ? "⚠ " : "\n⚠ ") + wxString::FromUTF8(w.text);
  warnings_ = warnings;
  wrapBand();
  band_->Show(!warnings.empty());
  wxString probe = warnings;
  probe.Replace("\n", " | ");
  guiProbe("card-warnings", probe);
  bar_->show(data_);
  if (!data_.homeInternet.empty() && !homeInternet_) {
    // Before the Timeline, in the order of the self-care cabinet.
    homeInternet_ = new HomeInternetTab(tabs_, context_);
    tabs_->InsertPage(static_cast<size_t>(tabs_->FindPage(timeline_)), homeInternet_, tabTitle(Tab::HomeInternet));
    pages_.emplace_back(Tab::HomeInternet, homeInternet_);
  }
  for (auto& [tab, page] : pages_) {
    page->show(data_);
    page->showExtras(extras_);
  }
  Layout();
  // The notebook's tab for this card shows the name now.
  if (auto* book = dynamic_cast<wxNotebook*>(GetParent())) {
    const int index = book->FindPage(this);
    if (index != wxNOT_FOUND) book->SetPageText(static_cast<size_t>(index), caption());
  }
  guiProbe("card", wxString::FromUTF8(o.customerName) + (o.lines.empty() ? "" : " " + wxString::FromUTF8(o.lines.front().msisdn)));
}

void CardPage::failed(const std::string& error) {
  name_->SetLabel(_("The card could not be loaded"));
  subtitle_->SetLabel(wxString::FromUTF8(error));
  Layout();
}

void CardPage::wrapBand() {
  bandText_->SetLabel(warnings_);
  bandText_->Wrap(std::max(GetClientSize().GetWidth() - FromDIP(56), FromDIP(300)));
  Layout();
}

bool CardPage::selectTab(Tab tab) {
  for (auto& [t, page] : pages_) {
    if (t != tab) continue;
    const int index = tabs_->FindPage(page);
    if (index == wxNOT_FOUND) return false;
    tabs_->SetSelection(static_cast<size_t>(index));
    page->SetFocus();
    return true;
  }
  return false;
}

void CardPage::focusTabs() {
  tabs_->SetFocus();
}

}  // namespace subdesk::ui
