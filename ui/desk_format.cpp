#include "desk_format.h"

#include <wx/app.h>
#include <wx/settings.h>

#include "app.h"
#include "core/domain/money.h"
#include "core/domain/msisdn.h"
#include "translate.h"

namespace subdesk::ui {

Language deskLanguage() {
  return wxGetApp().options().language == "en" ? Language::En : Language::Uk;
}

wxString money(std::int64_t kopecks) {
  return wxString::FromUTF8(Money::fromKopecks(kopecks).format(deskLanguage()));
}

wxString day(const std::string& iso) {
  if (iso.size() < 10) return wxString::FromUTF8(iso);
  return wxString::FromUTF8(iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4));
}

wxString moment(const std::string& iso) {
  if (iso.size() < 16) return day(iso);
  return day(iso) + " " + wxString::FromUTF8(iso.substr(11, 5));
}

wxString phone(const std::string& e164) {
  if (e164.empty()) return {};
  auto m = Msisdn::parse(e164);
  return wxString::FromUTF8(m ? m->national() : e164);
}

wxString pick(const std::string& uk, const std::string& en) {
  return wxString::FromUTF8(deskLanguage() == Language::En && !en.empty() ? en : uk);
}

wxString statusWord(const std::string& code) {
  if (code == "active") return _("active");
  if (code == "blocked") return _("blocked");
  if (code == "suspended") return _("suspended");
  if (code == "closed") return _("closed");
  if (code == "mobile") return _("mobile");
  if (code == "home") return _("home internet");
  return wxString::FromUTF8(code);
}

FactGrid::FactGrid(wxWindow* parent)
    : parent_(parent), grid_(new wxFlexGridSizer(2, wxSize(parent->FromDIP(16), parent->FromDIP(6)))) {
  grid_->AddGrowableCol(1, 1);
}

int FactGrid::add(const wxString& label) {
  auto* l = new wxStaticText(parent_, wxID_ANY, label);
  l->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  auto* v = new wxStaticText(parent_, wxID_ANY, "—");
  grid_->Add(l, wxSizerFlags().Right());
  grid_->Add(v, wxSizerFlags().Expand());
  values_.push_back(v);
  return static_cast<int>(values_.size()) - 1;
}

void FactGrid::set(int row, const wxString& value) {
  values_[static_cast<std::size_t>(row)]->SetLabelText(value.empty() ? wxString("—") : value);
}

}  // namespace subdesk::ui
