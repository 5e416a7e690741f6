#pragma once
// The buttons of the card's Home internet tab (suspend for a vacation, resume, turbo,
// bonus transfer, password reissue) for the home internet selected in the tab's list,
// and the turbo's time left. The Home internet menu runs the same operations. Each
// operation refreshes the card when it is done.
#include <cstddef>
#include <cstdint>

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "card_tabs.h"

namespace subdesk::ui {

class HomeOperations : public wxPanel {
 public:
  enum class Op { Suspend, Resume, Turbo, Bonus, Reissue };
  static constexpr int kOpCount = 5;
  // The button's (and the menu item's) text.
  static wxString label(Op op);

  HomeOperations(wxWindow* parent, CardContext context);

  // The home internet selected in the tab's list (card.homeInternet[index]).
  void setItem(const services::CardData& card, std::size_t index);
  // Whether `op` may run now (an item is selected, the role may, it makes sense), and why not.
  bool mayRun(Op op, wxString* why = nullptr) const;
  void run(Op op);

 private:
  void updateButtons();
  void showTurboLeft();
  void done(const wxString& message);

  CardContext context_;
  services::CardData card_;
  std::size_t index_ = 0;
  bool hasItem_ = false;
  std::int64_t homeId_ = 0;  // resolved from the login, off the UI thread
  std::int64_t turboSecondsLeft_ = 0;
  wxButton* buttons_[kOpCount];
  wxStaticText* turboLeft_;
  wxTimer tick_;
};

}  // namespace subdesk::ui
