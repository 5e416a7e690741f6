#include "login_dialog.h"

#include <wx/statbmp.h>

#include "async.h"
#include "core/config/settings.h"
#include "core/db/connection.h"
#include "icon.h"
#include "translate.h"

namespace subdesk::ui {

LoginDialog::LoginDialog(config::Settings& settings, const LaunchOptions& options,
                         const wxString& login)
    // TRANSLATORS: title of the login window.
    : DeskDialog(nullptr, _("Sign in — subdesk")), settings_(settings) {
  buildServers(settings, options);
  buildForm(login);
  finishLayout(_("Sign in"), _("Cancel"));

  if (!options.profile.empty() && options.conninfo.empty() && !selectProfile(options.profile)) {
    showError(wxString::Format(_("There is no server profile “%s” in the settings; the "
                                 "default server is selected."),
                               wxString::FromUTF8(options.profile)));
  }
  // Keyboard first: the cursor waits where the person types next.
  if (login_->IsEmpty()) {
    login_->SetFocus();
  } else {
    password_->SetFocus();
  }
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::buildServers(const config::Settings& settings, const LaunchOptions& options) {
  if (!options.conninfo.empty()) {
    // TRANSLATORS: the server given with --db on the command line, instead of a profile.
    servers_.push_back({"", _("command line (--db)"), options.conninfo, options.replica});
    return;
  }
  for (const auto& profile : settings.profiles()) {
    // TRANSLATORS: the server profile of the [server] section of subdesk.ini.
    wxString label = profile.name == "default" ? _("Default server")
                                               : wxString::FromUTF8(profile.name);
    servers_.push_back({profile.name, label, profile.conninfo, profile.replica});
  }
}

void LoginDialog::buildForm(const wxString& login) {
  auto* header = new wxBoxSizer(wxHORIZONTAL);
  header->Add(new wxStaticBitmap(this, wxID_ANY, appLogo(48)),
              wxSizerFlags().Centre().Border(wxRIGHT, FromDIP(12)));
  auto* titles = new wxBoxSizer(wxVERTICAL);
  titles->Add(makeHeading(this, _("Sign in to subdesk")));
  titles->Add(new wxStaticText(this, wxID_ANY, _("Use your personal staff login.")),
              wxSizerFlags().Border(wxTOP, FromDIP(4)));
  header->Add(titles, wxSizerFlags(1).Centre());
  content()->Add(header, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(16)));

  auto* form = new wxFlexGridSizer(2, wxSize(FromDIP(12), FromDIP(8)));
  form->AddGrowableCol(1, 1);
  const auto label = wxSizerFlags().CentreVertical();
  const auto field = wxSizerFlags().Expand();
  const wxSize fieldSize(FromDIP(260), -1);

  wxArrayString labels;
  for (const auto& s : servers_) labels.Add(s.label);
  server_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, fieldSize, labels);
  server_->SetSelection(0);
  if (servers_.size() == 1) server_->Disable();
  form->Add(new wxStaticText(this, wxID_ANY, _("Server:")), label);
  form->Add(server_, field);

  login_ = new wxTextCtrl(this, wxID_ANY, login, wxDefaultPosition, fieldSize);
  form->Add(new wxStaticText(this, wxID_ANY, _("Login:")), label);
  form->Add(login_, field);

  password_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fieldSize,
                             wxTE_PASSWORD);
  form->Add(new wxStaticText(this, wxID_ANY, _("Password:")), label);
  form->Add(password_, field);

  // The busy row keeps its place while idle so that the window does not jump.
  busy_ = new wxActivityIndicator(this, wxID_ANY);
  busyText_ = new wxStaticText(this, wxID_ANY, wxString());
  auto* busyRow = new wxBoxSizer(wxHORIZONTAL);
  busyRow->Add(busy_, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(8)));
  busyRow->Add(busyText_, wxSizerFlags(1).CentreVertical());
  form->AddSpacer(0);
  form->Add(busyRow, field);

  content()->Add(form, wxSizerFlags().Expand());
}

bool LoginDialog::selectProfile(const std::string& name) {
  for (std::size_t i = 0; i < servers_.size(); ++i) {
    if (servers_[i].name == name) {
      server_->SetSelection(static_cast<int>(i));
      return true;
    }
  }
  return false;
}

security::SignInResult LoginDialog::takeResult() {
  return std::move(result_);
}

std::string LoginDialog::serverConninfo() const {
  const int i = server_->GetSelection();
  return i >= 0 ? servers_[static_cast<std::size_t>(i)].conninfo : std::string();
}

wxString LoginDialog::login() const {
  return login_->GetValue().Strip(wxString::both);
}

wxString LoginDialog::serverLabel() const {
  const int i = server_->GetSelection();
  return i >= 0 ? servers_[static_cast<std::size_t>(i)].label : wxString();
}

void LoginDialog::onAccept() {
  if (connecting_) return;
  const std::string user = login().utf8_string();
  if (user.empty()) {
    showError(_("Enter your login."));
    login_->SetFocus();
    return;
  }
  const int choice = server_->GetSelection();
  if (choice < 0) return;

  security::SignInRequest request;
  request.conninfo = servers_[static_cast<std::size_t>(choice)].conninfo;
  request.replicaConninfo = servers_[static_cast<std::size_t>(choice)].replica;
  request.login = user;
  request.password = password_->GetValue().utf8_string();
  request.rememberedExpiry = settings_.loginExpiry(user);
  request.today = security::todayLocal();

  showError(wxString());
  setConnecting(true);
  runAsync(
      this,
      [request = std::move(request)]() mutable {
        security::SecretWiper wiper(request.password);
        return security::signIn(request);
      },
      [this](security::SignInResult result) { onConnected(std::move(result)); },
      [this](const std::string& error) { onFailed(error); });
}

void LoginDialog::setConnecting(bool connecting) {
  connecting_ = connecting;
  // Disabling the focused field would leave no window with the keyboard focus, and
  // Escape would go nowhere: Cancel takes the focus while the fields wait.
  if (connecting) cancelButton()->SetFocus();
  server_->Enable(!connecting && servers_.size() > 1);
  login_->Enable(!connecting);
  password_->Enable(!connecting);
  okButton()->Enable(!connecting);
  if (connecting) {
    busy_->Start();
    busyText_->SetLabel(_("Connecting to the server…"));
  } else {
    busy_->Stop();
    busyText_->SetLabel(wxString());
  }
}

void LoginDialog::onConnected(security::SignInResult result) {
  result_ = std::move(result);
  // Remembered so that a later refusal after this date can be told as "expired".
  settings_.setLoginExpiry(login().utf8_string(), result_.validUntil);
  try {
    settings_.save();
  } catch (const std::exception&) {
    // Not being able to remember the expiry must not stop the person signing in.
  }
  password_->Clear();
  setConnecting(false);
  EndModal(wxID_OK);
}

void LoginDialog::onFailed(const std::string& error) {
  setConnecting(false);
  password_->Clear();
  showError(wxString::FromUTF8(error));
  password_->SetFocus();
}

}  // namespace subdesk::ui
