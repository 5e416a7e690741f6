#pragma once
// What the desk was asked for on its command line (see App::OnInitCmdLine).
#include <string>

namespace subdesk::ui {

struct LaunchOptions {
  std::string profile;   // --profile: the server profile preselected in the login window
  std::string conninfo;  // --db: a connection string that replaces the profiles (dev, demo)
  std::string replica;   // --replica: the read replica of --db (reports, history, bills)
  std::string login;     // --login: pre-fills the login field
  std::string caller;    // --caller: the calling number handed over by the telephony client
  std::string language;  // --lang: uk or en for this run, over the saved setting
};

}  // namespace subdesk::ui
