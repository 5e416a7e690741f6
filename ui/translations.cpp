#include "translations.h"

#include <cstdlib>

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include "core/util/i18n.h"

namespace subdesk::ui {

std::string normaliseLanguage(const std::string& language) {
  return language == "en" ? "en" : "uk";
}

void setUpTranslations(const std::string& language) {
  // Searched in this order: a developer's override, the build tree (running from the
  // build folder), the installed catalogue.
  if (const char* dir = std::getenv("SUBDESK_LOCALEDIR"); dir && *dir) {
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(dir));
  }
  if (wxFileName::DirExists(SUBDESK_BUILD_LOCALEDIR)) {
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(SUBDESK_BUILD_LOCALEDIR);
  }
  // Beside the program (an installed tree moved elsewhere), then where it was installed.
  wxFileName besideProgram(wxStandardPaths::Get().GetExecutablePath());
  besideProgram.AppendDir("..");
  besideProgram.AppendDir("share");
  besideProgram.AppendDir("locale");
  besideProgram.Normalize(wxPATH_NORM_DOTS | wxPATH_NORM_ABSOLUTE);
  if (besideProgram.DirExists()) {
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(besideProgram.GetPath());
  }
  wxFileTranslationsLoader::AddCatalogLookupPathPrefix(SUBDESK_LOCALEDIR);

  auto* translations = new wxTranslations;
  translations->SetLanguage(normaliseLanguage(language) == "en" ? wxLANGUAGE_ENGLISH_US
                                                                : wxLANGUAGE_UKRAINIAN);
  wxTranslations::Set(translations);  // takes ownership
  translations->AddStdCatalog();
  translations->AddCatalog("subdesk", wxLANGUAGE_ENGLISH_US);

  // The worker threads translate too (error sentences); wx's lookup only reads the
  // loaded catalogues, and the result is copied out at once.
  setTranslator(
      [](const char* msgid) {
        return std::string(wxGetTranslation(wxString::FromUTF8(msgid)).utf8_str());
      },
      [](const char* singular, const char* plural, unsigned long n) {
        return std::string(wxGetTranslation(wxString::FromUTF8(singular),
                                            wxString::FromUTF8(plural), static_cast<unsigned>(n))
                               .utf8_str());
      });
}

void tearDownTranslations() {
  setTranslator({}, {});
}

}  // namespace subdesk::ui
