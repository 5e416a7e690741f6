#pragma once
// _() and wxPLURAL() for the desk. wx's own macros convert the English source string with
// the C library's current encoding, which garbles “quotes”, dashes and … when the desk is
// started under LANG=C; these read the source as UTF-8 whatever the locale. The build
// defines WXINTL_NO_GETTEXT_MACRO so that wx leaves the names to us.
#include <wx/string.h>
#include <wx/translation.h>

namespace subdesk::ui {

inline wxString translate(const char* msgid) {
  return wxGetTranslation(wxString::FromUTF8(msgid));
}

inline wxString translatePlural(const char* singular, const char* plural, unsigned long n) {
  return wxGetTranslation(wxString::FromUTF8(singular), wxString::FromUTF8(plural),
                          static_cast<unsigned>(n));
}

}  // namespace subdesk::ui

#define _(s) ::subdesk::ui::translate(s)
#define wxPLURAL(singular, plural, n) ::subdesk::ui::translatePlural(singular, plural, n)
