#include "desk_book.h"

#include "async.h"
#include "card_operations_menu.h"
#include "bill_ready_dialog.h"
#include "core/domain/msisdn.h"
#include "core/services/interactions.h"
#include "core/services/subscriber_lookup.h"
#include "gui_probe.h"
#include "search_panel.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
constexpr int kFindId = wxID_HIGHEST + 100;
constexpr int kFindAgainId = kFindId + 1;
constexpr int kRefreshId = kFindId + 2;
constexpr int kCloseCardId = kFindId + 3;
constexpr int kFirstTabId = kFindId + 10;  // + CardPage::Tab
constexpr int kDetailedBillId = kFindId + 30;
}  // namespace

DeskBook::DeskBook(wxFrame* frame, std::shared_ptr<db::SessionPool> pool,
                   std::function<security::Permissions()> permissions, std::shared_ptr<db::SessionPool> readerPool)
    : wxNotebook(frame, wxID_ANY), frame_(frame), pool_(std::move(pool)), readerPool_(std::move(readerPool)),
      permissions_(std::move(permissions)) {
  search_ = new SearchPanel(this, pool_, [this](const services::SubscriberHit& hit) {
    openCard({hit.customerId, hit.accountId, hit.lineId});
  });
  // TRANSLATORS: the first page of the main window, where subscribers are found.
  AddPage(search_, _("Search"));
}

wxMenu* DeskBook::createMenu() {
  auto* menu = new wxMenu;
  // TRANSLATORS: menu items; the text after \t is the keyboard shortcut, keep it as is.
  menu->Append(kFindId, _("&Find a subscriber\tCtrl+F"));
  menu->Append(kFindAgainId, _("Find (&again)\tF3"));
  menu->AppendSeparator();
  for (int t = 0; t < CardPage::kTabCount; ++t) {
    const auto tab = static_cast<CardPage::Tab>(t);
    menu->Append(kFirstTabId + t, wxString::Format("%s\tAlt+%d", CardPage::tabTitle(tab), t + 1));
  }
  menu->AppendSeparator();
  menu->Append(kRefreshId, _("&Refresh the card\tF5"));
  menu->Append(kCloseCardId, _("&Close the card\tCtrl+W"));
  appendCardOperations(menu, frame_, [this] { return currentCard(); }, permissions_);
  menu->AppendSeparator();
  menu->Append(kDetailedBillId, _("Detailed &bill…\tCtrl+B"));
  frame_->Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (auto* card = currentCard(); card && card->data()) requestDetailedBill(frame_, card->context(), *card->data());
  }, kDetailedBillId);
  frame_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(currentCard() && currentCard()->data()); },
               kDetailedBillId);

  frame_->Bind(wxEVT_MENU, [this](wxCommandEvent&) { focusSearch(); }, kFindId);
  frame_->Bind(wxEVT_MENU, [this](wxCommandEvent&) { focusSearch(); }, kFindAgainId);
  frame_->Bind(wxEVT_MENU, [this](wxCommandEvent& e) { onCardTab(e.GetId() - kFirstTabId); }, kFirstTabId,
               kFirstTabId + CardPage::kTabCount - 1);
  frame_->Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (auto* card = currentCard()) card->refresh();
  }, kRefreshId);
  frame_->Bind(wxEVT_MENU, [this](wxCommandEvent&) { closeCurrentCard(); }, kCloseCardId);
  frame_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(currentCard() != nullptr); }, kRefreshId);
  frame_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(currentCard() != nullptr); }, kCloseCardId);
  frame_->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(currentCard() != nullptr); }, kFirstTabId,
               kFirstTabId + CardPage::kTabCount - 1);
  return menu;
}

CardPage* DeskBook::currentCard() const {
  const int i = GetSelection();
  return i > 0 ? dynamic_cast<CardPage*>(GetPage(static_cast<size_t>(i))) : nullptr;
}

void DeskBook::closeCurrentCard() {
  auto* card = currentCard();
  if (!card) return;
  // Show the neighbour first and delete the page once GTK has finished with the key
  // event: deleting the focused page inside its own accelerator aborts GTK.
  const int index = FindPage(card);
  SetSelection(static_cast<size_t>(index + 1 < static_cast<int>(GetPageCount()) ? index + 1 : index - 1));
  if (GetSelection() == 0) search_->focusSearch();
  wxWeakRef<wxWindow> gone(card);
  CallAfter([this, gone] {
    if (!gone) return;
    const int i = FindPage(gone.get());
    if (i <= 0) return;
    RemovePage(static_cast<size_t>(i));
    gone->Hide();
    gone->Destroy();
  });
}

void DeskBook::focusSearch() {
  SetSelection(0);
  search_->focusSearch();
}

void DeskBook::onCardTab(int tab) {
  if (auto* card = currentCard()) card->selectTab(static_cast<CardPage::Tab>(tab));
}

void DeskBook::openCard(const services::CardKey& key) {
  for (size_t i = 1; i < GetPageCount(); ++i) {
    auto* card = dynamic_cast<CardPage*>(GetPage(i));
    if (card && card->key().customerId == key.customerId &&
        (key.accountId == 0 || card->key().accountId == key.accountId) &&
        (key.lineId == 0 || card->key().lineId == key.lineId)) {
      SetSelection(i);
      card->focusTabs();
      return;
    }
  }
  auto* card = new CardPage(this, {pool_, permissions_, readerPool_}, key,
                             GetCurrentPage() ? GetCurrentPage()->GetSize() : wxDefaultSize);
  AddPage(card, _("Loading…"), true);
  card->focusTabs();
}

void DeskBook::popCaller(const std::string& number) {
  frame_->Raise();
  auto parsed = Msisdn::parse(number);
  if (!parsed) {
    // A number the telephony sent that is no Ukrainian mobile: let the agent search.
    focusSearch();
    search_->searchFor(wxString::FromUTF8(number));
    return;
  }
  const std::string e164 = parsed->e164();
  struct Pop {
    services::LookupResult found;
    std::int64_t interaction = 0;
  };
  runAsync(
      this,
      [pool = pool_, e164] {
        auto sql = pool->lease();
        Pop pop;
        pop.found = services::SubscriberLookup(*sql).lookup(e164);
        const std::int64_t customer = pop.found.exact ? pop.found.hits.front().customerId : 0;
        pop.interaction = services::Interactions(*sql).open(services::Channel::Call, e164, customer);
        return pop;
      },
      [this, e164](Pop pop) {
        guiProbe("interaction", wxString::Format("%lld %s", static_cast<long long>(pop.interaction), e164));
        if (pop.found.exact) {
          const auto& hit = pop.found.hits.front();
          openCard({hit.customerId, hit.accountId, hit.lineId});
        } else {
          guiProbe("caller", "unknown " + e164);
          focusSearch();
          search_->searchFor(wxString::FromUTF8(e164));
          frame_->SetStatusText(wxString::Format(_("Unknown caller %s: search by name or account."), phone(e164)), 0);
        }
      },
      [this](const std::string& error) { frame_->SetStatusText(wxString::FromUTF8(error), 0); });
}

}  // namespace subdesk::ui
