#pragma once
// The desk's application object: reads the settings and the command line, sets up the
// translations, then runs the login window and opens the main window on success.
#include <memory>
#include <optional>
#include <string>

#include <wx/app.h>
#include <wx/cmdline.h>

#include "core/config/settings.h"
#include "launch_options.h"
#include "screen_pop.h"

namespace subdesk::ui {

class MainFrame;

class App : public wxApp {
 public:
  bool OnInit() override;
  int OnRun() override;
  int OnExit() override;
  // Notes every key press and mouse click for the idle lock.
  int FilterEvent(wxEvent& event) override;
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;
  bool OnCmdLineHelp(wxCmdLineParser& parser) override;
  bool OnCmdLineError(wxCmdLineParser& parser) override;

  config::Settings& settings() { return settings_; }
  const LaunchOptions& options() const { return options_; }

  // Closes `frame`'s session and shows the login window again; the application ends
  // if the person cancels it.
  void signOut(MainFrame* frame);

 private:
  // Shows the login window; on success opens a main window. False when cancelled.
  bool signIn(const wxString& login);
  // A call handed over by the telephony (screen pop): shown now, or after sign-in.
  void onCaller(const std::string& number);
  // The --lang value, read before the full parse so that --help is translated too.
  std::string languageFromArgs() const;

  config::Settings settings_;
  wxString settingsProblem_;  // why subdesk.ini could not be read, shown at login
  LaunchOptions options_;
  std::unique_ptr<ScreenPop> screenPop_;
  std::string pendingCaller_;  // a call that came before anyone signed in
  MainFrame* frame_ = nullptr;  // the signed-in window, if any
  // Set when the desk ends without running its main loop: the login window was
  // cancelled (0), --help (0), or the command line was wrong (2).
  std::optional<int> exitWithoutLoop_;
  int exitCode_ = 0;
};

}  // namespace subdesk::ui

wxDECLARE_APP(subdesk::ui::App);
