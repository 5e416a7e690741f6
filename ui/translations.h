#pragma once
// The desk's languages: Ukrainian (the default) and English (the source language of
// every message). The core's tr() is pointed at the same wx catalogue.
#include <string>

namespace subdesk::ui {

// Normalises a language setting: "en" stays English, anything else is Ukrainian.
std::string normaliseLanguage(const std::string& language);

// Loads the "subdesk" catalogue (from $SUBDESK_LOCALEDIR, the build tree, ../share/locale
// beside the program, then the installed locale folder) and wx's own "wxstd", and points
// subdesk::tr at them.
void setUpTranslations(const std::string& language);

// Detaches the core from wx before the application object goes away.
void tearDownTranslations();

}  // namespace subdesk::ui
