#pragma once
// The tabs of the subscriber card, one panel each, filled from one CardData snapshot
// (loaded by CardPage off the UI thread). Tabs that fetch more on request (a spending
// report, the entries behind a bar, revealing a document) do it through runAsync with a
// session leased from the pool.
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/panel.h>

#include "core/db/session_pool.h"
#include "core/security/permissions.h"
#include "core/services/card_tabs.h"
#include "core/services/family_profile.h"
#include "core/services/tariff_change.h"
#include "desk_format.h"

namespace subdesk::ui {

class HomeOperations;

// What a tab needs besides the snapshot.
struct CardContext {
  std::shared_ptr<db::SessionPool> pool;
  std::function<security::Permissions()> permissions;  // as known now
  std::shared_ptr<db::SessionPool> readerPool;         // heavy reads: history, bills (may be pool)
};

// What the card shows besides the core's snapshot, read by CardPage right after it with
// the core's own use-case classes: the customer's scheduled tariff changes and the family
// group with every member's balance and lines (FamilyProfile::members).
struct CardExtras {
  std::vector<services::ScheduledTariffChange> scheduled;
  std::optional<services::FamilyGroup> family;  // nullopt: in no group and owns none
};

class CardPage;

class CardTab : public wxPanel {
 public:
  CardTab(wxWindow* parent, CardContext context) : wxPanel(parent, wxID_ANY), context_(std::move(context)) {}
  virtual void show(const services::CardData& card) = 0;
  // Called after show() with what was read beside the snapshot.
  virtual void showExtras(const CardExtras&) {}

 protected:
  // A report list with the given column titles.
  wxListCtrl* makeList(std::initializer_list<std::pair<wxString, int>> columns);
  wxStaticText* heading(const wxString& text);
  // The card this tab belongs to (null while it is being built).
  CardPage* cardPage() const;
  CardContext context_;
  services::CardData card_;
};

// Overview: the line's facts, its open feedback tickets (new ticket, answer), the
// connected services with their dates, and the family group: on the owner's card every
// member's balance and lines, on a member's card the group and its owner.
class OverviewTab : public CardTab {
 public:
  OverviewTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;
  void showExtras(const CardExtras& extras) override;

 private:
  void answerSelected();
  FactGrid facts_;
  int number_, status_, device_, tariff_, account_, iccid_;
  wxListCtrl* tickets_;
  wxButton* answer_;
  wxListCtrl* services_;
  wxListCtrl* family_;
  wxStaticText* familyName_;
};

class BalanceTab : public CardTab {
 public:
  BalanceTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;

 private:
  void onReport(wxCommandEvent& event);
  FactGrid facts_;
  int balance_, bonus_, threshold_, homeBonus_;
  wxListCtrl* payments_;
  wxDatePickerCtrl* from_;
  wxDatePickerCtrl* to_;
  wxListCtrl* report_;
};

// Current package: what is left of the allowances, the promotions the line takes part in,
// and the customer's scheduled tariff changes, each of which can be cancelled.
class PackageTab : public CardTab {
 public:
  PackageTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;
  void showExtras(const CardExtras& extras) override;

 private:
  void cancelSelected();
  struct Row {
    wxGauge* gauge;
    wxStaticText* text;
  };
  Row addRow(wxSizer* sizer, const wxString& label);
  void fill(Row& row, const services::Allowance& a, const wxString& unit);
  wxStaticText* title_;
  Row minutes_, sms_, data_;
  wxListCtrl* promotions_;
  wxListCtrl* scheduled_;
  wxButton* cancelChange_;
  std::vector<services::ScheduledTariffChange> changes_;
};

class ProfileTab : public CardTab {
 public:
  ProfileTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;

 private:
  void onReveal(wxCommandEvent& event);
  FactGrid facts_;
  int name_, birth_, document_, tax_, address_, email_, contact_, language_, notify_, device_, selfcare_, since_;
  wxButton* reveal_;
};

class HomeInternetTab : public CardTab {
 public:
  HomeInternetTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;
  HomeOperations* operations() const { return operations_; }

 private:
  HomeOperations* operations_;  // the buttons (home_operations.h)
  wxListCtrl* list_;
  FactGrid facts_;
  int login_, address_, plan_, status_, suspension_, turbo_, contract_;
};

class TimelineTab : public CardTab {
 public:
  TimelineTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;

 private:
  wxListCtrl* list_;
  wxStaticText* note_;
};

}  // namespace subdesk::ui
