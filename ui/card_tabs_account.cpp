// The card's account-side tabs: Overview, Balance, Current package.
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "async.h"
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
  return h;
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
  if (kind == "detail_fee") return _("detailed bills");
  if (kind == "detail_fee_waiver") return _("detailed bill fees waived");
  if (kind == "turbo") return _("turbo");
  if (kind == "bonus_transfer") return _("bonus transfers");
  if (kind == "bonus_accrual") return _("bonuses accrued");
  if (kind == "promotion") return _("promotions");
  return wxString::FromUTF8(kind);
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
  services_ = makeList({{_("Connected service"), 280}, {_("Monthly fee"), 120}, {_("Since"), 110}, {_("Until"), 110}});
  familyName_ = heading(_("Family"));
  family_ = makeList({{_("Name"), 260}, {_("Account"), 110}, {_("Kind"), 120}, {_("Numbers"), 260}});
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(facts_.sizer(), kBlock);
  sizer->Add(heading(_("Services")), wxSizerFlags().Border(wxLEFT | wxTOP, 8));
  sizer->Add(services_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  sizer->Add(familyName_, wxSizerFlags().Border(wxLEFT | wxTOP, 8));
  sizer->Add(family_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  SetSizer(sizer);
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
  family_->DeleteAllItems();
  familyName_->SetLabel(o.familyName.empty() ? _("Family: not in a family group")
                                             : wxString::Format(_("Family: %s"), wxString::FromUTF8(o.familyName)));
  for (const auto& f : o.family) {
    addRow(family_, {wxString::FromUTF8(f.name), wxString::FromUTF8(f.accountNumber), statusWord(f.accountKind),
                     wxString::FromUTF8(f.msisdns)});
  }
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
  SetSizer(sizer);
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
