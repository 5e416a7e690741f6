#include "interaction_bar.h"

#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/wrapsizer.h>
#include <wx/weakref.h>

#include "async.h"
#include "close_interaction_dialog.h"
#include "gui_probe.h"
#include "password_reset_dialog.h"
#include "sim_restore_wizard.h"
#include "translate.h"
#include "verify_caller_dialog.h"

namespace subdesk::ui {

using security::Action;

InteractionBar::InteractionBar(wxWindow* parent, CardContext context, std::function<void()> changed)
    : wxPanel(parent, wxID_ANY), context_(std::move(context)), changed_(std::move(changed)), tick_(this) {
  SetBackgroundColour(wxColour(0xEE, 0xF3, 0xF8));
  text_ = new wxStaticText(this, wxID_ANY, _("Reading the interaction…"));
  // TRANSLATORS: buttons of the interaction strip on the card; they start an interaction.
  call_ = new wxButton(this, wxID_ANY, _("Start a call"));
  visit_ = new wxButton(this, wxID_ANY, _("Start a visit"));
  // The shortcuts are the Subscriber menu's (F7, F8, F9, Ctrl+F7).
  verify_ = new wxButton(this, wxID_ANY, _("Verify the caller…"));
  reset_ = new wxButton(this, wxID_ANY, _("Reset self-care password…"));
  sim_ = new wxButton(this, wxID_ANY, _("Restore the SIM…"));
  close_ = new wxButton(this, wxID_ANY, _("Close the interaction…"));
  call_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ensureInteraction(services::Channel::Call, {}); });
  visit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ensureInteraction(services::Channel::Visit, {}); });
  verify_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { verifyCaller(); });
  reset_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { resetPassword(); });
  sim_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { restoreSim(); });
  close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { closeInteraction(); });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { reload(); });

  // The strip is as wide as the card: the buttons wrap instead of running off its edge.
  auto* buttons = new wxWrapSizer(wxHORIZONTAL);
  for (wxButton* b : {call_, visit_, verify_, reset_, sim_, close_}) buttons->Add(b, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, FromDIP(6)));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(text_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));
  sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
  SetSizer(sizer);
  update();
}

void InteractionBar::show(const services::CardData& card) {
  card_ = card;
  reload();
}

void InteractionBar::reload() {
  if (!hasCard()) return;
  loading_ = true;
  runAsync(
      this,
      [pool = context_.pool, customer = card_.key.customerId] {
        auto sql = pool->lease();
        return services::CallerVerification(*sql).current(customer);
      },
      [this](std::optional<services::InteractionState> state) {
        loading_ = false;
        state_ = std::move(state);
        update();
      },
      [this](const std::string& error) {
        loading_ = false;
        text_->SetLabel(wxString::FromUTF8(error));
      });
}

void InteractionBar::update() {
  const auto perms = context_.permissions();
  const bool open = state_.has_value();
  const bool verified = open && services::verifiedNow(*state_);
  wxString text;
  if (!hasCard()) {
    text = _("Reading the interaction…");
  } else if (!open) {
    text = _("No interaction with this customer is open: start a call or a visit to act on their behalf.");
  } else {
    text = wxString::FromUTF8(services::describeInteraction(*state_));
  }
  if (text_->GetLabel() != text) {
    text_->SetLabel(text);
    guiProbe("interaction-state", text);
  }
  text_->SetForegroundColour(verified ? wxColour(0x1E, 0x6B, 0x2E) : wxColour(0x33, 0x33, 0x33));
  call_->Show(!open);
  visit_->Show(!open);
  close_->Show(open);
  verify_->Enable(hasCard());
  const bool mayReset = perms.may(Action::ResetSelfcarePassword);
  reset_->Enable(hasCard() && mayReset && card_.key.lineId != 0);
  reset_->SetToolTip(mayReset ? _("Sends the subscriber a one-time code by SMS; needs a verified caller.")
                              : wxString::FromUTF8(perms.whyNot(Action::ResetSelfcarePassword)));
  const bool maySim = perms.may(Action::RestoreSim);
  sim_->Enable(hasCard() && maySim && card_.key.lineId != 0);
  sim_->SetToolTip(maySim ? _("Replaces a lost SIM with one from this office's stock; needs the ID document checked.")
                          : wxString::FromUTF8(perms.whyNot(Action::RestoreSim)));
  // Count the minutes down while verified.
  if (verified) {
    tick_.StartOnce(60 * 1000);
  } else {
    tick_.Stop();
  }
  Layout();
  if (GetParent()) GetParent()->Layout();
}

void InteractionBar::ensureInteraction(services::Channel channel, std::function<void()> then) {
  if (!hasCard()) return;
  if (state_) {
    if (then) then();
    return;
  }
  runAsync(
      this,
      [pool = context_.pool, channel, customer = card_.key.customerId] {
        auto sql = pool->lease();
        services::Interactions(*sql).open(channel, {}, customer);
        return services::CallerVerification(*sql).current(customer);
      },
      [this, then = std::move(then)](std::optional<services::InteractionState> state) {
        state_ = std::move(state);
        update();
        if (state_ && then) then();
      },
      [this](const std::string& error) { wxMessageBox(wxString::FromUTF8(error), _("Interaction"), wxOK | wxICON_ERROR, this); });
}

void InteractionBar::verifyCaller(std::optional<services::VerifyMethod> method, std::function<void(bool)> then,
                                  wxWindow* over) {
  if (!hasCard()) return;
  const auto channel = method == services::VerifyMethod::Document ? services::Channel::Visit : services::Channel::Call;
  wxWeakRef<wxWindow> owner(over ? over : this);
  ensureInteraction(channel, [this, method, then = std::move(then), owner] {
    if (!owner) return;
    VerifyCallerDialog dialog(owner.get(), context_, card_, state_->id, method);
    const bool ok = dialog.ShowModal() == wxID_OK;
    reload();
    if (then) then(ok);
  });
}

void InteractionBar::closeInteraction() {
  if (!state_) return;
  CloseInteractionDialog dialog(this, context_.pool, state_->id);
  if (dialog.ShowModal() == wxID_OK) {
    state_.reset();
    update();
    reload();
  }
}

void InteractionBar::resetPassword() {
  if (!hasCard() || card_.key.lineId == 0 || !context_.permissions().may(Action::ResetSelfcarePassword)) return;
  PasswordResetDialog dialog(this, context_, card_);
  dialog.ShowModal();
  reload();
  if (changed_) changed_();
}

void InteractionBar::restoreSim() {
  if (!hasCard() || card_.key.lineId == 0 || !context_.permissions().may(Action::RestoreSim)) return;
  SimRestoreWizard wizard(this, context_, card_, this);
  wizard.ShowModal();
  reload();
  if (wizard.restored() && changed_) changed_();
}

}  // namespace subdesk::ui
