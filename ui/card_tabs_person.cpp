// The card's person-side tabs: Profile, Home internet, Timeline.
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "async.h"
#include "card_tabs.h"
#include "core/services/subscriber_card.h"
#include "gui_probe.h"
#include "home_operations.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
const wxSizerFlags kBlock = wxSizerFlags().Expand().Border(wxALL, 8);

void addRow(wxListCtrl* list, std::initializer_list<wxString> cells) {
  const long row = list->InsertItem(list->GetItemCount(), *cells.begin());
  long col = 1;
  for (auto it = cells.begin() + 1; it != cells.end(); ++it) list->SetItem(row, col++, *it);
}

wxString documentKindWord(const std::string& kind) {
  if (kind == "passport") return _("passport");
  if (kind == "id_card") return _("ID card");
  if (kind == "foreign_passport") return _("foreign passport");
  if (kind == "residence_permit") return _("residence permit");
  return wxString::FromUTF8(kind);
}
}  // namespace

ProfileTab::ProfileTab(wxWindow* parent, CardContext context) : CardTab(parent, std::move(context)), facts_(this) {
  name_ = facts_.add(_("Name:"));
  birth_ = facts_.add(_("Born:"));
  document_ = facts_.add(_("ID document:"));
  tax_ = facts_.add(_("Tax number:"));
  address_ = facts_.add(_("Address:"));
  email_ = facts_.add(_("E-mail:"));
  contact_ = facts_.add(_("Contact phone:"));
  language_ = facts_.add(_("Language:"));
  notify_ = facts_.add(_("Notifications:"));
  device_ = facts_.add(_("Device:"));
  selfcare_ = facts_.add(_("Self-care since:"));
  since_ = facts_.add(_("Customer since:"));
  reveal_ = new wxButton(this, wxID_ANY, _("&Reveal document (audited)"));
  reveal_->Bind(wxEVT_BUTTON, &ProfileTab::onReveal, this);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(facts_.sizer(), kBlock);
  sizer->Add(reveal_, wxSizerFlags().Border(wxALL, 8));
  SetSizer(sizer);
}

void ProfileTab::show(const services::CardData& card) {
  card_ = card;
  const auto& p = card.profile;
  wxString name = wxString::FromUTF8(p.lastName + " " + p.firstName);
  if (!p.patronymic.empty()) name += " " + wxString::FromUTF8(p.patronymic);
  facts_.set(name_, name);
  facts_.set(birth_, day(p.birthDate));
  facts_.set(document_, p.docKind.empty() ? wxString()
                                          : documentKindWord(p.docKind) + " " + wxString::FromUTF8(p.docMask));
  facts_.set(tax_, _("hidden"));
  facts_.set(address_, wxString::FromUTF8(p.address));
  facts_.set(email_, wxString::FromUTF8(p.email));
  facts_.set(contact_, phone(p.contactPhone));
  facts_.set(language_, p.language == "en" ? _("English") : _("Ukrainian"));
  wxString notify;
  if (p.notifySms) notify = _("SMS");
  if (p.notifyEmail) notify += notify.empty() ? _("e-mail") : ", " + _("e-mail");
  facts_.set(notify_, notify.empty() ? _("none") : notify);
  facts_.set(device_, wxString::FromUTF8(p.deviceModel));
  facts_.set(selfcare_, day(p.selfcareRegisteredOn));
  facts_.set(since_, day(p.customerSince));
  const auto perms = context_.permissions();
  const bool may = perms.may(security::Action::RevealDocument);
  reveal_->Enable(may && !p.docKind.empty());
  reveal_->SetToolTip(may ? _("Shows the document and tax numbers; the reveal is written to the audit log.")
                          : wxString::FromUTF8(perms.whyNot(security::Action::RevealDocument)));
  Layout();
}

void ProfileTab::onReveal(wxCommandEvent&) {
  reveal_->Disable();
  runAsync(
      this,
      [pool = context_.pool, customer = card_.key.customerId] {
        auto sql = pool->lease();
        return services::SubscriberCard(*sql, deskLanguage()).revealDocument(customer);
      },
      [this](services::RevealedDocument d) {
        facts_.set(document_, documentKindWord(d.docKind) + " " + wxString::FromUTF8(d.docNumber));
        facts_.set(tax_, wxString::FromUTF8(d.taxNumber));
        Layout();
      },
      [this](const std::string& error) {
        facts_.set(document_, wxString::FromUTF8(error));
        Layout();
      });
}

HomeInternetTab::HomeInternetTab(wxWindow* parent, CardContext context)
    : CardTab(parent, std::move(context)), facts_(this) {
  list_ = makeList({{_("Account"), 110}, {_("Login"), 140}, {_("Address"), 300}, {_("Status"), 160}});
  login_ = facts_.add(_("Login:"));
  address_ = facts_.add(_("Address:"));
  plan_ = facts_.add(_("Speed plan:"));
  status_ = facts_.add(_("Status:"));
  suspension_ = facts_.add(_("Vacation pause:"));
  turbo_ = facts_.add(_("Turbo:"));
  contract_ = facts_.add(_("Contract:"));
  operations_ = new HomeOperations(this, context_);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  sizer->Add(facts_.sizer(), kBlock);
  sizer->Add(operations_, kBlock);
  SetSizer(sizer);
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    const auto& items = card_.homeInternet;
    const auto i = static_cast<std::size_t>(e.GetIndex());
    if (i >= items.size()) return;
    const auto& h = items[i];
    facts_.set(login_, wxString::FromUTF8(h.login));
    facts_.set(address_, wxString::FromUTF8(h.address));
    facts_.set(plan_, wxString::Format(_("%s, %d Mbit/s, %s a month"), pick(h.tariffUk, h.tariffEn), h.speedMbps,
                                       money(h.monthlyFee)));
    facts_.set(status_, h.suspendedNow ? _("paused for a vacation") : statusWord(h.status));
    facts_.set(suspension_, h.suspendedFrom.empty()
                                ? _("none")
                                : wxString::Format(_("%s to %s"), day(h.suspendedFrom), day(h.suspendedTo)));
    facts_.set(turbo_, h.turboActive ? wxString::Format(_("on until %s"), moment(h.turboUntil)) : _("off"));
    facts_.set(contract_, wxString::FromUTF8(h.contractNumber));
    operations_->setItem(card_, i);
    Layout();
  });
}

void HomeInternetTab::show(const services::CardData& card) {
  card_ = card;
  list_->DeleteAllItems();
  for (const auto& h : card.homeInternet) {
    addRow(list_, {wxString::FromUTF8(h.accountNumber), wxString::FromUTF8(h.login), wxString::FromUTF8(h.address),
                   h.suspendedNow ? _("paused for a vacation") : statusWord(h.status)});
  }
  if (!card.homeInternet.empty()) {
    list_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
  }
}

TimelineTab::TimelineTab(wxWindow* parent, CardContext context) : CardTab(parent, std::move(context)) {
  note_ = new wxStaticText(this, wxID_ANY, wxString());
  list_ = makeList({{_("When"), 130}, {_("What"), 380}, {_("Amount"), 110}, {_("Staff"), 180}, {_("Details"), 300}});
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(note_, wxSizerFlags().Border(wxALL, 8));
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  SetSizer(sizer);
}

void TimelineTab::show(const services::CardData& card) {
  card_ = card;
  list_->Freeze();
  list_->DeleteAllItems();
  for (const auto& e : card.timeline.entries) {
    const wxString staff = e.staffName.empty() ? wxString::FromUTF8(e.staffLogin)
                                               : wxString::FromUTF8(e.staffName);
    addRow(list_, {moment(e.at), wxString::FromUTF8(e.text), e.amount ? money(*e.amount) : wxString(), staff,
                   wxString::FromUTF8(e.details)});
  }
  list_->Thaw();
  // The GUI test reads the newest row as the list shows it: what, amount.
  guiProbe("timeline", list_->GetItemCount() == 0 ? wxString("empty")
                                                  : list_->GetItemText(0, 1) + " | " + list_->GetItemText(0, 2));
  note_->SetLabel(card.timeline.includesAudit
                      ? _("Newest first: operations, payments, interactions, SIM swaps, tariff changes and the audit log.")
                      : _("Newest first: operations, payments, interactions, SIM swaps and tariff changes."));
}

}  // namespace subdesk::ui
