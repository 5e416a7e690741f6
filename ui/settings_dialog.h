#pragma once
// The desk's own settings, saved to subdesk.ini: for now the language of the interface.
#include <wx/choice.h>

#include "desk_dialog.h"

namespace subdesk::config {
class Settings;
}

namespace subdesk::ui {

class SettingsDialog : public DeskDialog {
 public:
  SettingsDialog(wxWindow* parent, config::Settings& settings);

 private:
  void onAccept() override;  // Save

  config::Settings& settings_;
  wxChoice* language_ = nullptr;
};

}  // namespace subdesk::ui
