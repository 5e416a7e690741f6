#include "desk_dialog.h"

#include <algorithm>

#include "gui_probe.h"
#include "icon.h"

namespace subdesk::ui {

DeskDialog::DeskDialog(wxWindow* parent, const wxString& title)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE) {
  SetIcons(appIcons());
  content_ = new wxBoxSizer(wxVERTICAL);
}

wxStaticText* DeskDialog::makeHeading(wxWindow* parent, const wxString& text) {
  auto* heading = new wxStaticText(parent, wxID_ANY, text);
  heading->SetFont(heading->GetFont().Bold().Scaled(1.25f));
  return heading;
}

void DeskDialog::finishLayout(const wxString& okLabel, const wxString& cancelLabel) {
  const int margin = FromDIP(16);

  error_ = new wxStaticText(this, wxID_ANY, wxString());
  error_->SetForegroundColour(wxColour(0xC0, 0x1C, 0x28));
  error_->Hide();

  auto* buttons = new wxStdDialogButtonSizer;
  ok_ = new wxButton(this, wxID_ANY, okLabel);
  ok_->SetDefault();
  ok_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onAccept(); });
  buttons->SetAffirmativeButton(ok_);
  SetAffirmativeId(ok_->GetId());
  if (!cancelLabel.empty()) {
    cancel_ = new wxButton(this, wxID_ANY, cancelLabel);
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onCancel(); });
    buttons->SetCancelButton(cancel_);
  }
  SetEscapeId(cancel_ ? cancel_->GetId() : ok_->GetId());
  buttons->Realize();

  auto* top = new wxBoxSizer(wxVERTICAL);
  top->Add(content_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
  top->Add(error_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
  top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, margin));
  SetSizerAndFit(top);
  CentreOnParent();
}

void DeskDialog::onAccept() {
  EndModal(wxID_OK);
}

void DeskDialog::onCancel() {
  EndModal(wxID_CANCEL);
}

void DeskDialog::showError(const wxString& message) {
  if (!message.empty()) guiProbe("error", message);
  if (!error_) return;
  error_->SetLabelText(message);
  // Wrap to the width the content already has, so that a long server message grows the
  // dialog downwards instead of sideways.
  error_->Wrap(std::max(content_->GetSize().GetWidth(), FromDIP(300)));
  error_->Show(!message.empty());
  GetSizer()->Fit(this);
  Layout();
}

}  // namespace subdesk::ui
