#include "unlock_dialog.h"

#include <wx/statbmp.h>

#include "async.h"
#include "core/security/sign_in.h"
#include "icon.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
constexpr int kMaxFailures = 5;
}

UnlockDialog::UnlockDialog(const wxString& login, std::string serverConninfo)
    // TRANSLATORS: title of the window shown when the desk locked itself.
    : DeskDialog(nullptr, _("Locked — subdesk")), login_(login), conninfo_(std::move(serverConninfo)) {
  auto* header = new wxBoxSizer(wxHORIZONTAL);
  header->Add(new wxStaticBitmap(this, wxID_ANY, appLogo(48)),
              wxSizerFlags().Centre().Border(wxRIGHT, FromDIP(12)));
  auto* titles = new wxBoxSizer(wxVERTICAL);
  titles->Add(makeHeading(this, _("The desk is locked")));
  titles->Add(new wxStaticText(this, wxID_ANY,
                               wxString::Format(_("It was idle for a while. %s, enter your "
                                                  "password to continue."),
                                                login_)),
              wxSizerFlags().Border(wxTOP, FromDIP(4)));
  header->Add(titles, wxSizerFlags(1).Centre());
  content()->Add(header, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(16)));

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  password_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                             wxSize(FromDIP(260), -1), wxTE_PASSWORD);
  row->Add(new wxStaticText(this, wxID_ANY, _("Password:")),
           wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(12)));
  row->Add(password_, wxSizerFlags(1).Expand());
  content()->Add(row, wxSizerFlags().Expand());

  finishLayout(_("Unlock"), _("Sign out"));
  password_->SetFocus();
}

void UnlockDialog::setChecking(bool checking) {
  checking_ = checking;
  if (checking) cancelButton()->SetFocus();
  password_->Enable(!checking);
  okButton()->Enable(!checking);
  if (!checking) password_->SetFocus();
}

void UnlockDialog::onAccept() {
  if (checking_) return;
  std::string password = password_->GetValue().utf8_string();
  password_->Clear();
  if (password.empty()) {
    showError(_("Enter your password."));
    return;
  }
  showError(wxString());
  setChecking(true);
  runAsync(
      this,
      [conninfo = conninfo_, login = login_.utf8_string(), password = std::move(password)]() mutable {
        security::verifyPassword(conninfo, login, std::move(password));
      },
      [this] {
        setChecking(false);
        EndModal(wxID_OK);
      },
      [this](const std::string& error) {
        setChecking(false);
        if (++failures_ >= kMaxFailures) {
          EndModal(wxID_CANCEL);
          return;
        }
        showError(wxString::FromUTF8(error));
      });
}

}  // namespace subdesk::ui
