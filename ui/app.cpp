#include "app.h"

#include <cstdio>
#include <cstdlib>

#include <soci/soci.h>
#include <wx/msgout.h>

#include "async.h"
#include "idle.h"
#include "core/util/error.h"
#include "login_dialog.h"
#include "desk_book.h"
#include "main_frame.h"
#include "translate.h"
#include "translations.h"

wxIMPLEMENT_APP(subdesk::ui::App);

namespace subdesk::ui {

bool App::OnInit() {
  SetAppName("subdesk");
  SetAppDisplayName("subdesk");
  try {
    settings_ = config::Settings::load();
  } catch (const std::exception& e) {
    settingsProblem_ = wxString::FromUTF8(describeError(e));
  }
  const std::string language = languageFromArgs();
  options_.language = normaliseLanguage(language.empty() ? settings_.language() : language);
  setUpTranslations(options_.language);
  if (!settingsProblem_.empty()) {
    // Now that the catalogue is loaded, say it in the person's language.
    settingsProblem_ = wxString::Format(_("The settings file could not be read: %s"),
                                        settingsProblem_);
  }

  // Parses the command line; on --help or a mistake the handlers below have said why.
  if (!wxApp::OnInit()) {
    if (!exitWithoutLoop_) exitWithoutLoop_ = 2;
    return true;
  }
  // One desk per user: a second start hands its caller (or nothing, to bring the desk
  // forward) to the running one and ends.
  screenPop_ = std::make_unique<ScreenPop>();
  if (screenPop_->anotherDeskRuns() && screenPop_->handOver(options_.caller)) {
    exitWithoutLoop_ = 0;
    return true;
  }
  screenPop_->listen([this](const std::string& number) { onCaller(number); });
  pendingCaller_ = options_.caller;
  // Cancelling the login window is an ordinary way to leave: exit code 0.
  if (!signIn(wxString::FromUTF8(options_.login))) exitWithoutLoop_ = 0;
  return true;
}

int App::OnRun() {
  exitCode_ = exitWithoutLoop_ ? *exitWithoutLoop_ : wxApp::OnRun();
  return exitCode_;
}

int App::OnExit() {
  // A login attempt may still be waiting for the server: give it a moment. If it is
  // still stuck in libpq or OpenSSL after that, end the process here rather than tear
  // the libraries down under its feet.
  if (!shutdownAsync(3000)) {
    std::fflush(nullptr);
    std::_Exit(exitCode_);
  }
  // The core must not call into wx once the application is gone.
  tearDownTranslations();
  return wxApp::OnExit();
}

int App::FilterEvent(wxEvent& event) {
  const wxEventType t = event.GetEventType();
  if (t == wxEVT_KEY_DOWN || t == wxEVT_LEFT_DOWN || t == wxEVT_RIGHT_DOWN ||
      t == wxEVT_MOUSEWHEEL || t == wxEVT_MOTION) {
    noteActivity();
  }
  return Event_Skip;
}

void App::OnInitCmdLine(wxCmdLineParser& parser) {
  wxApp::OnInitCmdLine(parser);
  parser.AddLongOption("profile", _("server profile of subdesk.ini to preselect"),
                       wxCMD_LINE_VAL_STRING);
  parser.AddLongOption("db", _("libpq connection string to use instead of the profiles"),
                       wxCMD_LINE_VAL_STRING);
  parser.AddLongOption("replica", _("libpq connection string of the read replica of --db"),
                       wxCMD_LINE_VAL_STRING);
  parser.AddLongOption("login", _("login name to fill in"), wxCMD_LINE_VAL_STRING);
  parser.AddLongOption("caller", _("phone number of the incoming call"),
                       wxCMD_LINE_VAL_STRING);
  parser.AddLongOption("lang", _("interface language for this run: uk or en"),
                       wxCMD_LINE_VAL_STRING);
  // The desktop file passes URLs (Exec=subdesk %U): a tel: link names the caller.
  parser.AddParam(_("tel:NUMBER"), wxCMD_LINE_VAL_STRING,
                  wxCMD_LINE_PARAM_OPTIONAL | wxCMD_LINE_PARAM_MULTIPLE);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
  if (!wxApp::OnCmdLineParsed(parser)) return false;
  auto take = [&parser](const char* name, std::string& into) {
    wxString value;
    if (parser.Found(name, &value)) into = value.utf8_string();
  };
  take("profile", options_.profile);
  take("db", options_.conninfo);
  take("replica", options_.replica);
  take("login", options_.login);
  take("caller", options_.caller);
  for (std::size_t i = 0; i < parser.GetParamCount(); ++i) {
    const wxString param = parser.GetParam(i);
    wxString number;
    if (!param.Lower().StartsWith("tel:", &number)) {
      wxMessageOutput::Get()->Printf(_("subdesk: unexpected argument “%s”.\n"), param);
      return false;
    }
    options_.caller = number.utf8_string();
  }
  std::string language;
  take("lang", language);
  if (!language.empty() && language != "uk" && language != "en") {
    wxMessageOutput::Get()->Printf(
        _("subdesk: unknown language “%s”; use uk or en.\n"), wxString::FromUTF8(language));
    return false;
  }
  return true;
}

bool App::OnCmdLineHelp(wxCmdLineParser& parser) {
  parser.Usage();
  exitWithoutLoop_ = 0;
  return false;
}

bool App::OnCmdLineError(wxCmdLineParser& parser) {
  parser.Usage();
  exitWithoutLoop_ = 2;
  return false;
}

std::string App::languageFromArgs() const {
  for (int i = 1; i < argc; ++i) {
    const wxString arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) return argv[i + 1].utf8_string();
    if (arg.StartsWith("--lang=")) return arg.Mid(7).utf8_string();
  }
  return {};
}

bool App::signIn(const wxString& login) {
  LoginDialog dialog(settings_, options_, login);
  if (!settingsProblem_.empty()) {
    dialog.showError(settingsProblem_);
    settingsProblem_.clear();
  }
  if (dialog.ShowModal() != wxID_OK) return false;
  auto result = dialog.takeResult();
  auto* frame = new MainFrame(
      {std::move(result.pool), dialog.login(), dialog.serverLabel(), dialog.serverConninfo(),
       std::move(result.readerPool)});
  SetTopWindow(frame);
  frame->Show();
  frame_ = frame;
  if (!pendingCaller_.empty()) {
    frame->desk().popCaller(pendingCaller_);
    pendingCaller_.clear();
  }
  return true;
}

void App::onCaller(const std::string& number) {
  if (!frame_) {
    if (!number.empty()) pendingCaller_ = number;  // popped once someone signs in
    return;
  }
  if (number.empty()) {
    frame_->Raise();
  } else {
    frame_->desk().popCaller(number);
  }
}

void App::signOut(MainFrame* frame) {
  const wxString login = frame->login();
  frame_ = nullptr;
  frame->closeSession();
  frame->Hide();
  // The old window stays (hidden) until the login window is answered, so that the
  // application does not end on the way; then it goes either way.
  const bool again = signIn(login);
  frame->Destroy();
  if (!again) ExitMainLoop();
}

}  // namespace subdesk::ui
