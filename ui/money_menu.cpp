#include "money_menu.h"

#include <array>

#include "adjust_dialog.h"
#include "card_actions.h"
#include "card_page.h"
#include "desk_book.h"
#include "gui_probe.h"
#include "payment_dialog.h"
#include "profile_dialog.h"
#include "receipt_dialog.h"
#include "services_dialog.h"
#include "tariff_dialog.h"
#include "translate.h"

namespace subdesk::ui {

using security::Action;

namespace {

enum class Op { Pay, Adjust, Tariff, Services, Profile, Promotions, Family, Ticket };

struct Item {
  Op op;
  Action action;
  bool needsLine;  // the focus account must have a mobile line
};
constexpr std::array<Item, 8> kItems{{
    {Op::Pay, Action::RecordBankPayment, false},
    {Op::Adjust, Action::AdjustBalance, false},
    {Op::Tariff, Action::ChangeTariff, true},
    {Op::Services, Action::ChangeServices, true},
    {Op::Profile, Action::EditProfile, false},
    {Op::Promotions, Action::ChangeServices, true},
    {Op::Family, Action::EditProfile, false},
    {Op::Ticket, Action::FindSubscribers, false},
}};

wxString itemLabel(Op op) {
  // TRANSLATORS: menu items; the text after \t is the keyboard shortcut, keep it as is.
  switch (op) {
    case Op::Pay: return _("Take a &payment…\tCtrl+P");
    case Op::Adjust: return _("&Adjust the balance…\tCtrl+J");
    case Op::Tariff: return _("Change the &tariff…\tCtrl+T");
    case Op::Services: return _("&Services…\tCtrl+E");
    case Op::Profile: return _("Personal &data…\tCtrl+D");
    case Op::Promotions: return _("Pro&motions…\tCtrl+Shift+P");
    case Op::Family: return _("&Family profile…\tCtrl+Shift+F");
    case Op::Ticket: return _("New feedback tic&ket…\tCtrl+Shift+K");
  }
  return {};
}

struct MoneyMenu {
  wxFrame* frame;
  DeskBook* desk;
  std::shared_ptr<db::SessionPool> pool;
  std::function<security::Permissions()> permissions;
  wxMenu* menu = nullptr;
  std::array<int, kItems.size()> ids{};

  void update() {
    for (std::size_t i = 0; i < kItems.size(); ++i) {
      const wxString why = whyNot(kItems[i]);
      if (menu->IsEnabled(ids[i]) != why.empty()) menu->Enable(ids[i], why.empty());
      // On GTK a disabled item shows no help when hovered; run() also puts the reason in
      // the status bar when the shortcut is pressed anyway.
      if (menu->GetHelpString(ids[i]) != why) menu->SetHelpString(ids[i], why);
    }
  }

  // Empty when the item may be used now, else why not.
  wxString whyNot(const Item& item) const {
    CardPage* card = desk->currentCard();
    if (!card) return _("Open a subscriber's card first.");
    if (!card->data()) return _("Wait until the card has loaded.");
    const security::Permissions p = permissions();
    if (!p.may(item.action)) return wxString::FromUTF8(p.whyNot(item.action));
    if (item.needsLine && card->data()->overview.lines.empty()) return _("This account has no mobile line.");
    return {};
  }

  void run(Op op) {
    const Item& item = kItems[static_cast<std::size_t>(op)];
    if (const wxString why = whyNot(item); !why.empty()) {
      frame->SetStatusText(why, 0);
      return;
    }
    CardPage* card = desk->currentCard();
    const services::CardData data = *card->data();
    wxWeakRef<CardPage> page(card);
    bool changed = false;
    std::int64_t paymentId = 0;
    switch (op) {
      case Op::Pay: {
        PaymentDialog dialog(frame, pool, data, permissions());
        changed = dialog.ShowModal() == wxID_OK;
        paymentId = dialog.paymentId();
        break;
      }
      case Op::Adjust: {
        AdjustDialog dialog(frame, pool, data);
        changed = dialog.ShowModal() == wxID_OK;
        break;
      }
      case Op::Tariff: {
        TariffDialog dialog(frame, pool, data);
        dialog.ShowModal();
        changed = dialog.changedSomething();
        break;
      }
      case Op::Services: {
        ServicesDialog dialog(frame, pool, data);
        dialog.ShowModal();
        changed = dialog.changedSomething();
        break;
      }
      case Op::Profile: {
        ProfileDialog dialog(frame, pool, data);
        changed = dialog.ShowModal() == wxID_OK;
        break;
      }
      // These reload the card themselves (the card's own buttons run them too).
      case Op::Promotions:
        showPromotions(card);
        break;
      case Op::Family:
        showFamilyProfile(card);
        break;
      case Op::Ticket:
        openTicket(card);
        break;
    }
    if (changed && page) page->refresh();
    if (paymentId != 0) {
      ReceiptDialog receipt(frame, pool, paymentId);
      receipt.ShowModal();
    }
  }
};

}  // namespace

wxMenu* createMoneyMenu(wxFrame* frame, DeskBook* desk, std::shared_ptr<db::SessionPool> pool,
                        std::function<security::Permissions()> permissions) {
  auto state = std::make_shared<MoneyMenu>(MoneyMenu{frame, desk, std::move(pool), std::move(permissions)});
  state->menu = new wxMenu;
  for (std::size_t i = 0; i < kItems.size(); ++i) {
    const int id = wxNewId();
    if (kItems[i].op == Op::Tariff || kItems[i].op == Op::Profile || kItems[i].op == Op::Promotions)
      state->menu->AppendSeparator();
    state->menu->Append(id, itemLabel(kItems[i].op));
    frame->Bind(wxEVT_MENU, [state, i](wxCommandEvent&) { state->run(kItems[i].op); }, id);
    state->ids[i] = id;
  }
  // wxGTK updates menus only when they open, and GTK ignores the shortcut of an item left
  // disabled: so the items follow the card shown and the role whenever the desk is idle.
  frame->Bind(wxEVT_IDLE, [state](wxIdleEvent& e) {
    state->update();
    e.Skip();
  });
  return state->menu;
}

}  // namespace subdesk::ui
