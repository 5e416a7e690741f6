#pragma once
// Closing an interaction asks for its wrap-up note (the database refuses an empty one).
#include <cstdint>
#include <memory>

#include <wx/textctrl.h>

#include "core/db/session_pool.h"
#include "desk_dialog.h"

namespace subdesk::ui {

class CloseInteractionDialog : public DeskDialog {
 public:
  CloseInteractionDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, std::int64_t interactionId);

 private:
  void onAccept() override;
  std::shared_ptr<db::SessionPool> pool_;
  std::int64_t interactionId_;
  wxTextCtrl* note_;
  bool busy_ = false;
};

}  // namespace subdesk::ui
