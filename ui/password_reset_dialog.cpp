#include "password_reset_dialog.h"

#include "async.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

PasswordResetDialog::PasswordResetDialog(wxWindow* parent, CardContext context, const services::CardData& card)
    : DeskDialog(parent, _("Reset the self-care password")), context_(std::move(context)), lineId_(card.key.lineId),
      recheck_(this) {
  wxString number;
  for (const auto& l : card.overview.lines)
    if (l.lineId == lineId_) number = phone(l.msisdn);
  content()->Add(makeHeading(this, wxString::Format(_("Self-care password for %s"), number)),
                 wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  auto* explain = new wxStaticText(
      this, wxID_ANY,
      _("The subscriber gets a one-time code by SMS and sets a new password with it on the self-care site. "
        "The code is valid for 5 minutes; nobody at the desk sees it."));
  explain->Wrap(FromDIP(440));
  content()->Add(explain, wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
  state_ = new wxStaticText(this, wxID_ANY, _("Reading the last code sent…"));
  state_->SetFont(state_->GetFont().Bold());
  limit_ = new wxStaticText(this, wxID_ANY, wxString());
  send_ = new wxButton(this, wxID_ANY, _("&Send the code"));
  send_->Disable();
  send_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { send(); });
  content()->Add(state_, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
  content()->Add(limit_, wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));
  content()->Add(send_);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { loadStatus(); });
  finishLayout(_("Close"), wxString());
  loadStatus();
  guiProbe("dialog", GetTitle());
}

void PasswordResetDialog::loadStatus() {
  runAsync(
      this,
      [pool = context_.pool, line = lineId_] {
        auto sql = pool->lease();
        return services::PasswordReset(*sql).status(line);
      },
      [this](services::CodeStatus st) { showStatus(st); },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void PasswordResetDialog::showStatus(const services::CodeStatus& st) {
  if (!st.everSent) {
    state_->SetLabel(_("No code was sent to this number yet."));
  } else if (st.purpose == "password_reset") {
    wxString label = wxString::FromUTF8(st.times.describe());
    if (!st.pending) label += " " + _("(used, expired or replaced)");
    state_->SetLabel(label);
  } else {
    state_->SetLabel(wxString::Format(_("A caller verification code was sent at %s."),
                                      wxString::FromUTF8(st.times.sentAtLocal)));
  }
  const bool sentBefore = st.everSent && st.purpose == "password_reset";
  send_->SetLabel(sentBefore ? _("&Resend the code") : _("&Send the code"));
  send_->Enable(st.resendAllowedNow && !sending_);
  if (st.resendAllowedNow) {
    limit_->SetLabel(wxString::Format(_("Codes sent to this number in the last hour: %d of 3."), st.codesLastHour));
    recheck_.Stop();
  } else {
    limit_->SetLabel(wxString::Format(_("Three codes were sent in the last hour: the next may be sent at %s."),
                                      wxString::FromUTF8(st.times.resendAllowedAtLocal)));
    // Ask again when the limit may have passed (the database's clock decides).
    recheck_.StartOnce(30 * 1000);
  }
  guiProbe("password-reset", state_->GetLabel() + " | " + limit_->GetLabel() +
                                 (send_->IsEnabled() ? " | resend allowed" : " | resend disabled"));
  GetSizer()->Fit(this);
  Layout();
}

void PasswordResetDialog::send() {
  sending_ = true;
  send_->Disable();
  showError({});
  runAsync(
      this,
      [pool = context_.pool, line = lineId_] {
        auto sql = pool->lease();
        services::PasswordReset reset(*sql);
        reset.send(line);
        return reset.status(line);
      },
      [this](services::CodeStatus st) {
        sending_ = false;
        showStatus(st);
      },
      [this](const std::string& error) {
        sending_ = false;
        showError(wxString::FromUTF8(error));
        loadStatus();
      });
}

}  // namespace subdesk::ui
