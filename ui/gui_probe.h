#pragma once
// What the GUI tests under Xvfb cannot read off the screen (the status bar's text, how
// many rows a list holds): with SUBDESK_GUI_TEST=1 in the environment the desk prints
// "<topic>: <text>" lines on standard output. Otherwise this does nothing.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <wx/string.h>

namespace subdesk::ui {

inline void guiProbe(const char* topic, const wxString& text) {
  static const bool enabled = [] {
    const char* v = std::getenv("SUBDESK_GUI_TEST");
    return v != nullptr && std::strcmp(v, "1") == 0;
  }();
  if (!enabled) return;
  std::printf("%s: %s\n", topic, text.utf8_str().data());
  std::fflush(stdout);
}

}  // namespace subdesk::ui
