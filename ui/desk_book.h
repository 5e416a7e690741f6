#pragma once
// The main window's working area: the search page first, then one page per open
// subscriber card, so several cards stay open side by side. It owns the Subscriber menu
// (find, the card's tabs, refresh, close) with its keyboard shortcuts, and the screen pop:
// an incoming call opens an interaction with the caller's number and shows their card, or
// the search with the number filled in when nobody has it.
#include <functional>
#include <memory>

#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/notebook.h>

#include "card_page.h"
#include "core/db/session_pool.h"
#include "core/security/permissions.h"

namespace subdesk::ui {

class SearchPanel;

class DeskBook : public wxNotebook {
 public:
  DeskBook(wxFrame* frame, std::shared_ptr<db::SessionPool> pool,
           std::function<security::Permissions()> permissions, std::shared_ptr<db::SessionPool> readerPool);

  // The Subscriber menu, for the frame's menu bar; its handlers are bound to the frame.
  wxMenu* createMenu();

  void focusSearch();
  // Opens (or brings forward) the card of this customer's account and line.
  void openCard(const services::CardKey& key);
  // An incoming call (screen pop): any Ukrainian notation of the number.
  void popCaller(const std::string& number);
  // The card shown now; nullptr on the search page.
  CardPage* currentCard() const;

 private:
  void closeCurrentCard();
  void onCardTab(int tab);

  wxFrame* frame_;
  std::shared_ptr<db::SessionPool> pool_;
  std::shared_ptr<db::SessionPool> readerPool_;
  std::function<security::Permissions()> permissions_;
  SearchPanel* search_;
};

}  // namespace subdesk::ui
