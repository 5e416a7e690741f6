#include "home_menu.h"

#include "card_page.h"
#include "desk_book.h"
#include "gui_probe.h"
#include "home_contract_wizard.h"
#include "home_operations.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
constexpr int kSignId = wxID_HIGHEST + 600;
constexpr int kFirstOpId = kSignId + 1;  // + HomeOperations::Op

// The operations of the card in front, or null.
HomeOperations* frontOperations(DeskBook* desk) {
  auto* card = dynamic_cast<CardPage*>(desk->GetCurrentPage());
  if (!card) return nullptr;
  auto* tab = dynamic_cast<HomeInternetTab*>(card->homeInternetTab());
  return tab ? tab->operations() : nullptr;
}
}  // namespace

wxMenu* createHomeMenu(wxFrame* frame, DeskBook* desk, std::shared_ptr<db::SessionPool> pool,
                       std::function<security::Permissions()> permissions) {
  auto* menu = new wxMenu;
  // TRANSLATORS: menu item; the text after \t is the keyboard shortcut, keep it as is.
  menu->Append(kSignId, _("Sign a &contract…\tCtrl+N"));
  menu->AppendSeparator();
  for (int i = 0; i < HomeOperations::kOpCount; ++i) menu->Append(kFirstOpId + i, HomeOperations::label(static_cast<HomeOperations::Op>(i)));

  frame->Bind(wxEVT_MENU, [frame, desk, pool](wxCommandEvent&) {
    HomeContractWizard wizard(frame, pool);
    wizard.ShowModal();
    if (auto key = wizard.signedCard()) desk->openCard(*key);
  }, kSignId);
  frame->Bind(wxEVT_UPDATE_UI, [permissions, menu](wxUpdateUIEvent& e) {
    const auto perms = permissions();
    e.Enable(perms.may(security::Action::SignContract));
    const std::string why = perms.whyNot(security::Action::SignContract);
    menu->SetHelpString(kSignId, why.empty() ? _("Find or create the customer, sign, print the contract sheet.")
                                             : wxString::FromUTF8(why));
  }, kSignId);
  frame->Bind(wxEVT_MENU, [desk](wxCommandEvent& e) {
    if (auto* card = dynamic_cast<CardPage*>(desk->GetCurrentPage())) card->selectTab(CardPage::Tab::HomeInternet);
    if (auto* ops = frontOperations(desk)) ops->run(static_cast<HomeOperations::Op>(e.GetId() - kFirstOpId));
  }, kFirstOpId, kFirstOpId + HomeOperations::kOpCount - 1);
  frame->Bind(wxEVT_UPDATE_UI, [desk, menu](wxUpdateUIEvent& e) {
    wxString why = _("Open the card of a customer with home internet.");
    auto* ops = frontOperations(desk);
    e.Enable(ops && ops->mayRun(static_cast<HomeOperations::Op>(e.GetId() - kFirstOpId), &why));
    menu->SetHelpString(e.GetId(), why);
  }, kFirstOpId, kFirstOpId + HomeOperations::kOpCount - 1);
  return menu;
}

}  // namespace subdesk::ui
