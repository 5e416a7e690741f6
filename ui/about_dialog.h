#pragma once
// Help → About: what this program is and which version.
#include "desk_dialog.h"

namespace subdesk::ui {

class AboutDialog : public DeskDialog {
 public:
  explicit AboutDialog(wxWindow* parent);
};

}  // namespace subdesk::ui
