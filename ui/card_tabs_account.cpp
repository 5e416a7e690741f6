// The card's account-side tabs: Overview, Balance, Current package.
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "async.h"
#include "card_actions.h"
#include "card_page.h"
#include "card_tabs.h"
#include "core/services/subscriber_card.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

wxListCtrl* CardTab::makeList(std::initializer_list<std::pair<wxString, int>> columns) {
  auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  for (const auto& [title, width] : columns) list->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
  return list;
}

wxStaticText* CardTab::heading(const wxString& text) {
  auto* h = new wxStaticText(this, wxID_ANY, wxString());
  // The font first, then the text: the label's best size is measured in bold.
  h->SetFont(h->GetFont().Bold());
  h->SetLabel(text);
  // GTK wraps a label narrower than its text at a word ("Last payments" drew as "Last"):
  // keep at least the bold text's width.
  if (!text.empty()) h->SetMinSize(wxSize(h->GetTextExtent(text).x + FromDIP(4), -1));
  return h;
}

CardPage* CardTab::cardPage() const {
  for (wxWindow* w = GetParent(); w; w = w->GetParent()) {
    if (auto* card = dynamic_cast<CardPage*>(w)) return card;
  }
  return nullptr;
}

namespace {
const wxSizerFlags kBlock = wxSizerFlags().Expand().Border(wxALL, 8);

void addRow(wxListCtrl* list, std::initializer_list<wxString> cells) {
  const long row = list->InsertItem(list->GetItemCount(), *cells.begin());
  long col = 1;
  for (auto it = cells.begin() + 1; it != cells.end(); ++it) list->SetItem(row, col++, *it);
}

std::chrono::year_month_day toYmd(const wxDateTime& d) {
  return std::chrono::year_month_day(std::chrono::year(d.GetYear()),
                                     std::chrono::month(static_cast<unsigned>(d.GetMonth()) + 1),
                                     std::chrono::day(d.GetDay()));
}

wxString ledgerKindWord(const std::string& kind) {
  if (kind == "payment") return _("payments");
  if (kind == "usage") return _("calls, SMS and data");
  if (kind == "monthly_fee") return _("monthly fee");
  if (kind == "service_fee") return _("service fees");
  if (kind == "adjustment") return _("adjustments");
  if (kind == "transfer") return _("transfers between accounts");
  if (kind == "detail_fee") return _("detailed bills");
  if (kind == "detail_fee_waiver") return _("detailed bill fees waived");
  if (kind == "turbo") return _("turbo");
  if (kind == "bonus_transfer") return _("bonus transfers");
  if (kind == "bonus_accrual") return _("bonuses accrued");
  if (kind == "promotion") return _("promotions");
  return wxString::FromUTF8(kind);
}

// Several lists share a tab: each may shrink to its header and two rows, so that they all
// fit at the window's default size (a list given no room would be drawn at the tab's corner).
wxListCtrl* compact(wxListCtrl* list) {
  list->SetMinSize(wxSize(-1, list->FromDIP(72)));
  return list;
}

long selectedRow(wxListCtrl* list) { return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

// A heading with buttons to its right, for a list below it.
wxSizer* headingRow(wxStaticText* title, std::initializer_list<wxButton*> buttons) {
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(title, wxSizerFlags(1).CentreVertical());
  for (wxButton* b : buttons) row->Add(b, wxSizerFlags().CentreVertical().Border(wxLEFT, 6));
  return row;
}

// One line of a text: the card's lists stay one row per item however long the text.
wxString firstLine(const std::string& text, std::size_t limit = 90) {
  wxString line = wxString::FromUTF8(text.substr(0, text.find('\n')));
  if (line.length() > limit) line = line.Left(limit - 1) + wxString::FromUTF8("…");
  return line;
}

wxString linesOf(const services::FamilyGroupMember& m) {
  wxString out;
  for (const auto& l : m.lines) {
    if (!out.empty()) out += ", ";
    out += phone(l.msisdn);
    if (l.status != "active") out += " (" + statusWord(l.status) + ")";
  }
  return out;
}
}  // namespace

OverviewTab::OverviewTab(wxWindow* parent, CardContext context)
    : CardTab(parent, std::move(context)), facts_(this) {
  number_ = facts_.add(_("Number:"));
  status_ = facts_.add(_("Status:"));
  tariff_ = facts_.add(_("Tariff:"));
  device_ = facts_.add(_("Device:"));
  iccid_ = facts_.add(_("SIM (ICCID):"));
  account_ = facts_.add(_("Account:"));
  // The open tickets beside the facts, where the short lists leave room.
  tickets_ = compact(makeList({{_("No."), 60}, {_("Opened"), 120}, {_("Subject"), 300}}));
  auto* newTicket = new wxButton(this, wxID_ANY, _("New &ticket…"));
  answer_ = new wxButton(this, wxID_ANY, _("A&nswer…"));
  answer_->Disable();
  services_ = compact(makeList(
      {{_("Connected service"), 280}, {_("Monthly fee"), 160}, {_("Since"), 110}, {_("Until"), 110}}));
  familyName_ = heading(_("Family"));
  auto* familyButton = new wxButton(this, wxID_ANY, _("Famil&y profile…"));
  family_ = compact(makeList(
      {{_("Name"), 300}, {_("Account"), 100}, {_("Kind"), 110}, {_("Balance"), 120}, {_("Numbers"), 260}}));

  newTicket->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openTicket(cardPage()); });
  answer_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { answerSelected(); });
  tickets_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    answer_->Enable(static_cast<std::size_t>(e.GetIndex()) < card_.overview.openTickets.size());
  });
  tickets_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { answerSelected(); });
  familyButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showFamilyProfile(cardPage()); });

  auto* ticketBox = new wxBoxSizer(wxVERTICAL);
  ticketBox->Add(headingRow(heading(_("Open feedback tickets")), {newTicket, answer_}),
                 wxSizerFlags().Expand());
  ticketBox->Add(tickets_, wxSizerFlags(1).Expand().Border(wxTOP, 4));
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(facts_.sizer(), wxSizerFlags().Border(wxRIGHT, 16));
  top->Add(ticketBox, wxSizerFlags(1).Expand());
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(top, kBlock);
  sizer->Add(heading(_("Services")), wxSizerFlags().Border(wxLEFT | wxTOP, 8));
  sizer->Add(services_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  sizer->Add(headingRow(familyName_, {familyButton}),
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
  sizer->Add(family_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  SetSizer(sizer);
}

void OverviewTab::answerSelected() {
  const long row = selectedRow(tickets_);
  if (row < 0 || static_cast<std::size_t>(row) >= card_.overview.openTickets.size()) return;
  answerTicket(cardPage(), card_.overview.openTickets[static_cast<std::size_t>(row)].id);
}

void OverviewTab::show(const services::CardData& card) {
  card_ = card;
  const auto& o = card.overview;
  if (!o.lines.empty()) {
    const auto& l = o.lines.front();
    facts_.set(number_, phone(l.msisdn));
    facts_.set(status_, statusWord(l.status));
    facts_.set(tariff_, wxString::Format(_("%s, %s a month"), pick(l.tariffUk, l.tariffEn), money(l.monthlyFee)));
    facts_.set(device_, wxString::FromUTF8(l.deviceModel));
    facts_.set(iccid_, wxString::FromUTF8(l.iccid));
  } else {
    facts_.set(number_, _("no mobile line on this account"));
    facts_.set(status_, statusWord(o.accountStatus));
  }
  facts_.set(account_, wxString::Format("%s (%s)", wxString::FromUTF8(o.accountNumber), statusWord(o.accountKind)));
  services_->DeleteAllItems();
  for (const auto& s : o.services) {
    addRow(services_, {pick(s.nameUk, s.nameEn), money(s.monthlyFee), day(s.since), day(s.until)});
  }
  tickets_->DeleteAllItems();
  answer_->Disable();
  wxString probe;
  for (const auto& t : o.openTickets) {
    addRow(tickets_, {wxString::Format("%lld", static_cast<long long>(t.id)), moment(t.createdAt),
                      firstLine(t.subject)});
    probe += wxString::Format("%s#%lld %s", probe.empty() ? "" : " | ", static_cast<long long>(t.id),
                              wxString::FromUTF8(t.subject));
  }
  if (o.openTickets.empty()) {
    addRow(tickets_, {wxString(), wxString(), _("none")});
  } else {
    // The oldest open ticket is selected: Answer works on it at once.
    tickets_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    answer_->Enable();
  }
  guiProbe("card-tickets",
           wxString::Format("%zu", o.openTickets.size()) + (probe.empty() ? "" : ": " + probe));
  Layout();
}

void OverviewTab::showExtras(const CardExtras& extras) {
  family_->DeleteAllItems();
  if (!extras.family) {
    familyName_->SetLabel(_("Family: not in a family group"));
    guiProbe("card-family", "none");
    Layout();
    return;
  }
  const auto& g = *extras.family;
  const bool owner = g.ownerCustomerId == card_.key.customerId;
  familyName_->SetLabel(
      owner ? wxString::Format(_("Family: %s (this subscriber is the owner)"), wxString::FromUTF8(g.name))
            : wxString::Format(_("Family: %s, owned by %s"), wxString::FromUTF8(g.name),
                               wxString::FromUTF8(g.ownerName)));
  wxString probe =
      wxString::Format("%s, owner %s", wxString::FromUTF8(g.name), wxString::FromUTF8(g.ownerName));
  for (const auto& m : g.members) {
    // Balances and numbers are the owner's to see, and each customer's own; a member's
    // card does not show the other members' money.
    const bool visible = owner || m.customerId == card_.key.customerId;
    addRow(family_, {wxString::FromUTF8(m.customerName) + (m.owner ? _(" (owner)") : wxString()),
                     wxString::FromUTF8(m.accountNumber), statusWord(m.kind),
                     visible ? money(m.balance) : wxString(), visible ? linesOf(m) : wxString()});
    probe += " | " + wxString::FromUTF8(m.accountNumber) + " " + (visible ? money(m.balance) : wxString("-"));
  }
  if (g.members.empty())
    addRow(family_, {_("no accounts in the group yet"), wxString(), wxString(), wxString(), wxString()});
  guiProbe("card-family", probe);
  Layout();
}

BalanceTab::BalanceTab(wxWindow* parent, CardContext context)
    : CardTab(parent, std::move(context)), facts_(this) {
  balance_ = facts_.add(_("Balance:"));
  bonus_ = facts_.add(_("Bonus balance:"));
  threshold_ = facts_.add(_("Disconnect threshold:"));
  homeBonus_ = facts_.add(_("Home-internet bonuses:"));
  payments_ = makeList({{_("When"), 140}, {_("Amount"), 120}, {_("Method"), 90}, {_("Receipt"), 140}, {_("Account"), 110}});

  from_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today().SetDay(1));
  to_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
  auto* show = new wxButton(this, wxID_ANY, _("Show &spending"));
  show->Bind(wxEVT_BUTTON, &BalanceTab::onReport, this);
  auto* period = new wxBoxSizer(wxHORIZONTAL);
  period->Add(new wxStaticText(this, wxID_ANY, _("From:")), wxSizerFlags().CentreVertical().Border(wxRIGHT, 6));
  period->Add(from_, wxSizerFlags().Border(wxRIGHT, 12));
  period->Add(new wxStaticText(this, wxID_ANY, _("To:")), wxSizerFlags().CentreVertical().Border(wxRIGHT, 6));
  period->Add(to_, wxSizerFlags().Border(wxRIGHT, 12));
  period->Add(show);
  report_ = makeList({{_("What"), 260}, {_("Wallet"), 90}, {_("Entries"), 80}, {_("Total"), 140}});
  // The two lists share the height that is left; a list's own best height would take it all.
  for (auto* list : {payments_, report_}) list->SetMinSize(wxSize(-1, FromDIP(90)));

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(facts_.sizer(), kBlock);
  sizer->Add(heading(_("Last payments")), wxSizerFlags().Border(wxLEFT | wxTOP, 8));
  sizer->Add(payments_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  sizer->Add(heading(_("Spending for a period")), wxSizerFlags().Border(wxLEFT | wxTOP, 8));
  sizer->Add(period, wxSizerFlags().Border(wxALL, 8));
  sizer->Add(report_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  SetSizer(sizer);
}

void BalanceTab::show(const services::CardData& card) {
  card_ = card;
  const auto& b = card.balance;
  facts_.set(balance_, money(b.balance));
  facts_.set(bonus_, money(b.bonusBalance));
  facts_.set(threshold_, money(b.disconnectThreshold));
  wxString home;
  for (const auto& h : b.homeBonuses) {
    if (!home.empty()) home += ", ";
    home += wxString::Format("%s: %s", wxString::FromUTF8(h.accountNumber), money(h.bonusBalance));
  }
  facts_.set(homeBonus_, home);
  guiProbe("balance", money(b.balance));
  payments_->DeleteAllItems();
  for (const auto& p : b.lastPayments) {
    wxString receipt = wxString::FromUTF8(p.receiptNo);
    if (!p.cardLast4.empty()) receipt += wxString::FromUTF8(" ·") + wxString::FromUTF8(p.cardLast4);
    addRow(payments_, {moment(p.at), money(p.amount), wxString::FromUTF8(p.method), receipt,
                       wxString::FromUTF8(p.accountNumber)});
  }
  Layout();
}

void BalanceTab::onReport(wxCommandEvent&) {
  if (from_->GetValue() > to_->GetValue()) {
    report_->DeleteAllItems();
    addRow(report_, {_("The period ends before it starts."), "", "", ""});
    return;
  }
  report_->DeleteAllItems();
  addRow(report_, {_("Loading…"), "", "", ""});
  runAsync(
      this,
      [pool = context_.pool, account = card_.key.accountId, from = toYmd(from_->GetValue()),
       to = toYmd(to_->GetValue())] {
        auto sql = pool->lease();
        return services::SubscriberCard(*sql, deskLanguage()).spending(account, from, to);
      },
      [this](std::vector<services::SpendingLine> lines) {
        report_->DeleteAllItems();
        std::int64_t total = 0;
        for (const auto& l : lines) {
          addRow(report_, {ledgerKindWord(l.kind), l.wallet == "bonus" ? _("bonus") : _("main"),
                           wxString::Format("%lld", static_cast<long long>(l.count)), money(l.total)});
          if (l.wallet == "main" && l.kind != "payment") total += l.total;
        }
        addRow(report_, {_("Spent in the period (main wallet)"), "", "", money(total)});
      },
      [this](const std::string& error) {
        report_->DeleteAllItems();
        addRow(report_, {wxString::FromUTF8(error), "", "", ""});
      });
}

PackageTab::PackageTab(wxWindow* parent, CardContext context) : CardTab(parent, std::move(context)) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  title_ = heading(wxString());
  sizer->Add(title_, wxSizerFlags().Border(wxALL, 8));
  minutes_ = addRow(sizer, _("Minutes"));
  sms_ = addRow(sizer, _("SMS"));
  data_ = addRow(sizer, _("Internet"));

  auto* promotionsButton = new wxButton(this, wxID_ANY, _("&Promotions…"));
  promotionsButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showPromotions(cardPage()); });
  promotions_ = compact(makeList({{_("Promotion"), 320}, {_("Since"), 130}, {_("Until"), 110}}));
  sizer->Add(headingRow(heading(_("Promotions the line takes part in")), {promotionsButton}),
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
  sizer->Add(promotions_, wxSizerFlags(1).Expand().Border(wxALL, 8));

  cancelChange_ = new wxButton(this, wxID_ANY, _("&Cancel the selected change…"));
  cancelChange_->Disable();
  cancelChange_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancelSelected(); });
  scheduled_ = compact(makeList({{_("Number"), 130},
                                 {_("From"), 110},
                                 {_("Current tariff"), 200},
                                 {_("New tariff"), 200},
                                 {_("Requested by"), 120}}));
  scheduled_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    cancelChange_->Enable(static_cast<std::size_t>(e.GetIndex()) < changes_.size());
  });
  scheduled_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { cancelSelected(); });
  sizer->Add(headingRow(heading(_("Scheduled tariff changes")), {cancelChange_}),
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
  sizer->Add(scheduled_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  SetSizer(sizer);
}

void PackageTab::cancelSelected() {
  const long row = selectedRow(scheduled_);
  if (row < 0 || static_cast<std::size_t>(row) >= changes_.size()) return;
  cancelTariffChange(cardPage(), changes_[static_cast<std::size_t>(row)]);
}

void PackageTab::showExtras(const CardExtras& extras) {
  changes_ = extras.scheduled;
  scheduled_->DeleteAllItems();
  cancelChange_->Disable();
  wxString probe;
  for (const auto& c : changes_) {
    ui::addRow(scheduled_, {phone(c.msisdn), day(c.effectiveOn), pick(c.fromUk, c.fromEn),
                            pick(c.toUk, c.toEn), wxString::FromUTF8(c.createdBy)});
    probe += wxString::Format("%s%s %s %s", probe.empty() ? "" : " | ", wxString::FromUTF8(c.msisdn),
                              wxString::FromUTF8(c.effectiveOn), wxString::FromUTF8(c.toEn));
  }
  if (changes_.empty()) {
    ui::addRow(scheduled_, {_("none"), wxString(), wxString(), wxString(), wxString()});
  } else {
    // The soonest change is selected (cancelling it still asks first).
    scheduled_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    cancelChange_->Enable();
  }
  guiProbe("card-tariff-changes",
           wxString::Format("%zu", changes_.size()) + (probe.empty() ? "" : ": " + probe));
}

PackageTab::Row PackageTab::addRow(wxSizer* sizer, const wxString& label) {
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  auto* name = new wxStaticText(this, wxID_ANY, label, wxDefaultPosition, wxSize(FromDIP(110), -1));
  auto* gauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(FromDIP(360), FromDIP(18)));
  auto* text = new wxStaticText(this, wxID_ANY, wxString());
  row->Add(name, wxSizerFlags().CentreVertical());
  row->Add(gauge, wxSizerFlags().CentreVertical().Border(wxRIGHT, 12));
  row->Add(text, wxSizerFlags(1).CentreVertical());
  sizer->Add(row, wxSizerFlags().Expand().Border(wxALL, 8));
  return {gauge, text};
}

void PackageTab::fill(Row& row, const services::Allowance& a, const wxString& unit) {
  if (a.unlimited()) {
    row.gauge->SetValue(100);
    row.text->SetLabel(wxString::Format(_("unlimited; %lld %s used"), static_cast<long long>(a.used), unit));
    return;
  }
  const auto included = std::max<std::int64_t>(*a.included, 0);
  row.gauge->SetValue(included == 0 ? 0 : static_cast<int>(100 * a.left() / included));
  row.text->SetLabel(wxString::Format(_("%lld of %lld %s left (%lld used)"), static_cast<long long>(a.left()),
                                      static_cast<long long>(included), unit, static_cast<long long>(a.used)));
}

void PackageTab::show(const services::CardData& card) {
  card_ = card;
  promotions_->DeleteAllItems();
  wxString probe;
  for (const auto& pr : card.overview.promotions) {
    ui::addRow(promotions_, {pick(pr.nameUk, pr.nameEn), moment(pr.joinedAt),
                             pr.endsOn.empty() ? _("open-ended") : day(pr.endsOn)});
    probe += wxString::Format("%s%s", probe.empty() ? "" : ", ", wxString::FromUTF8(pr.code));
  }
  if (card.overview.promotions.empty()) ui::addRow(promotions_, {_("none"), wxString(), wxString()});
  guiProbe("card-promotions",
           wxString::Format("%zu", card.overview.promotions.size()) + (probe.empty() ? "" : ": " + probe));
  const auto& p = card.package;
  if (!p.hasLine) {
    title_->SetLabel(_("No mobile package: this account has no mobile line."));
    Layout();
    for (Row* r : {&minutes_, &sms_, &data_}) {
      r->gauge->SetValue(0);
      r->text->SetLabel(wxString());
    }
    return;
  }
  title_->SetLabel(wxString::Format(_("%s, left this period (%s)"), pick(p.tariffUk, p.tariffEn),
                                    wxString::FromUTF8(p.month)));
  fill(minutes_, p.minutes, _("min"));
  fill(sms_, p.sms, _("SMS"));
  fill(data_, p.megabytes, _("MB"));
  Layout();
}

}  // namespace subdesk::ui
