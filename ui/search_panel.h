#pragma once
// The desk's first panel: where the person finds a subscriber. For now it holds the search
// box only; the search itself and the subscriber card come with their own issue.
#include <wx/panel.h>
#include <wx/srchctrl.h>

namespace subdesk::ui {

class SearchPanel : public wxPanel {
 public:
  explicit SearchPanel(wxWindow* parent);

  // Puts the cursor into the search box.
  void focusSearch();

 private:
  wxSearchCtrl* search_ = nullptr;
};

}  // namespace subdesk::ui
