#pragma once
// The login window: server profile, login and password. Connecting runs on a worker; the
// window stays responsive, shows that it is busy, and reports refusals inline.
#include <memory>
#include <string>
#include <vector>

#include <wx/activityindicator.h>
#include <wx/choice.h>
#include <wx/textctrl.h>

#include "desk_dialog.h"
#include "launch_options.h"

#include "core/security/sign_in.h"

namespace subdesk::config {
class Settings;
}

namespace subdesk::ui {

class LoginDialog : public DeskDialog {
 public:
  // `login` pre-fills the login field (from --login, or the person who just signed out).
  LoginDialog(config::Settings& settings, const LaunchOptions& options,
              const wxString& login);
  ~LoginDialog() override;

  // After ShowModal() == wxID_OK: the open sessions, the login, the server's label and
  // connection string (without credentials, for unlocking the desk later).
  security::SignInResult takeResult();
  wxString login() const;
  wxString serverLabel() const;
  std::string serverConninfo() const;

 private:
  struct Server {
    std::string name;  // the profile's name in subdesk.ini
    wxString label;
    std::string conninfo;  // never holds the password typed here
    std::string replica;   // optional read replica, likewise
  };

  void buildServers(const config::Settings& settings, const LaunchOptions& options);
  void buildForm(const wxString& login);
  bool selectProfile(const std::string& name);
  void onAccept() override;  // Sign in
  void setConnecting(bool connecting);
  void onConnected(security::SignInResult result);
  void onFailed(const std::string& error);

  std::vector<Server> servers_;
  wxChoice* server_ = nullptr;
  wxTextCtrl* login_ = nullptr;
  wxTextCtrl* password_ = nullptr;
  wxActivityIndicator* busy_ = nullptr;
  wxStaticText* busyText_ = nullptr;
  bool connecting_ = false;
  config::Settings& settings_;
  security::SignInResult result_;
};

}  // namespace subdesk::ui
