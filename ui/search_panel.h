#pragma once
// Where the agent finds the caller: one search box that recognises what was typed (a
// number in any notation, an account, ICCID, contract, login, document or name) and a
// virtual result list that the keyboard navigates. The search runs on a worker; typing
// again cancels the search in flight on the server (and drops its answer), so the window never
// waits. An exact match opens the card at once; Enter on a row opens that row's card.
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "core/db/query_canceller.h"
#include "core/db/session_pool.h"
#include "core/services/subscriber_lookup.h"

namespace subdesk::ui {

class SearchPanel : public wxPanel {
 public:
  using OpenCard = std::function<void(const services::SubscriberHit&)>;
  SearchPanel(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, OpenCard openCard);

  // Puts the cursor into the search box, its text selected.
  void focusSearch();
  // Types `text` into the box and searches at once (an unknown caller's number).
  void searchFor(const wxString& text);

 private:
  class ResultList;

  void onText(wxCommandEvent& event);
  void onEnter(wxCommandEvent& event);
  void onCharHook(wxKeyEvent& event);
  void runSearch(bool openExact);
  void showResult(std::uint64_t generation, bool openExact, services::LookupResult result);
  void showMessage(const wxString& text);

  std::shared_ptr<db::SessionPool> pool_;
  OpenCard openCard_;
  wxSearchCtrl* search_ = nullptr;
  ResultList* list_ = nullptr;
  wxStaticText* status_ = nullptr;
  wxTimer debounce_;
  std::uint64_t generation_ = 0;  // the newest search; older answers are dropped
  std::shared_ptr<db::QueryCanceller> inFlight_;  // the newest search's, cancelled by the next
  std::vector<services::SubscriberHit> hits_;
};

}  // namespace subdesk::ui
