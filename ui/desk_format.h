#pragma once
// How the desk prints what the core hands it (kopecks, ISO moments and days, E.164
// numbers), in the language of the desk, and a grid of "label: value" facts used by
// the card's tabs.
#include <cstdint>
#include <string>
#include <vector>

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/domain/language.h"

namespace subdesk::ui {

Language deskLanguage();
wxString money(std::int64_t kopecks);
// "2024-05-14T10:00:00+03:00" -> "14.05.2024 10:00"; "2024-05-14" -> "14.05.2024".
wxString moment(const std::string& iso);
wxString day(const std::string& iso);
// "+380671234567" -> "067 123 45 67"
wxString phone(const std::string& e164);
// The catalogue name in the desk's language.
wxString pick(const std::string& uk, const std::string& en);
// Stable status codes in words.
wxString statusWord(const std::string& code);

// Two columns: a grey label and a selectable value.
class FactGrid {
 public:
  explicit FactGrid(wxWindow* parent);
  wxSizer* sizer() { return grid_; }
  // Adds a row and returns its index.
  int add(const wxString& label);
  void set(int row, const wxString& value);

 private:
  wxWindow* parent_;
  wxFlexGridSizer* grid_;
  std::vector<wxStaticText*> values_;
};

}  // namespace subdesk::ui
