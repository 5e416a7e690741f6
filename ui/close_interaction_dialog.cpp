#include "close_interaction_dialog.h"

#include "async.h"
#include "core/services/interactions.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

CloseInteractionDialog::CloseInteractionDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                                               std::int64_t interactionId)
    : DeskDialog(parent, _("Close the interaction")), pool_(std::move(pool)), interactionId_(interactionId) {
  content()->Add(new wxStaticText(this, wxID_ANY, _("Wrap-up note: what was asked and what was done.")),
                 wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
  note_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(420), FromDIP(110)),
                         wxTE_MULTILINE);
  content()->Add(note_, wxSizerFlags(1).Expand());
  finishLayout(_("C&lose the interaction"), _("Cancel"));
  note_->SetFocus();
  guiProbe("dialog", GetTitle());
}

void CloseInteractionDialog::onAccept() {
  if (busy_) return;
  const std::string note = note_->GetValue().Trim().Trim(false).utf8_string();
  if (note.empty()) {
    showError(_("Write a wrap-up note first."));
    return;
  }
  busy_ = true;
  okButton()->Disable();
  runAsync(
      this,
      [pool = pool_, id = interactionId_, note] {
        auto sql = pool->lease();
        services::Interactions(*sql).close(id, note);
      },
      [this] {
        guiProbe("interaction-closed", wxString::Format("%lld", static_cast<long long>(interactionId_)));
        EndModal(wxID_OK);
      },
      [this](const std::string& error) {
        busy_ = false;
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

}  // namespace subdesk::ui
