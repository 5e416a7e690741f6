#include "settings_dialog.h"

#include <array>

#include <wx/settings.h>

#include "core/config/settings.h"
#include "core/util/error.h"
#include "translate.h"
#include "translations.h"

namespace subdesk::ui {
namespace {

struct Language {
  const char* code;
  const char* name;  // in the language itself, so that anyone can find their own
};
constexpr std::array<Language, 2> kLanguages{{{"uk", "Українська"}, {"en", "English"}}};

}  // namespace

SettingsDialog::SettingsDialog(wxWindow* parent, config::Settings& settings)
    : DeskDialog(parent, _("Settings — subdesk")), settings_(settings) {
  content()->Add(makeHeading(this, _("Settings")), wxSizerFlags().Border(wxBOTTOM, FromDIP(12)));

  wxArrayString names;
  int selected = 0;
  const std::string current = normaliseLanguage(settings.language());
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    names.Add(wxString::FromUTF8(kLanguages[i].name));
    if (current == kLanguages[i].code) selected = static_cast<int>(i);
  }
  language_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(220), -1), names);
  language_->SetSelection(selected);

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(new wxStaticText(this, wxID_ANY, _("Interface language:")),
           wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(12)));
  row->Add(language_, wxSizerFlags(1).CentreVertical());
  content()->Add(row, wxSizerFlags().Expand());

  auto* note = new wxStaticText(this, wxID_ANY,
                                _("A new language applies the next time subdesk starts."));
  note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  content()->Add(note, wxSizerFlags().Border(wxTOP, FromDIP(8)));

  finishLayout(_("Save"), _("Cancel"));
  language_->SetFocus();
}

void SettingsDialog::onAccept() {
  const int i = language_->GetSelection();
  if (i < 0) return;
  try {
    settings_.setLanguage(kLanguages[static_cast<std::size_t>(i)].code);
    settings_.save();
  } catch (const std::exception& e) {
    showError(wxString::FromUTF8(describeError(e)));
    return;
  }
  EndModal(wxID_OK);
}

}  // namespace subdesk::ui
