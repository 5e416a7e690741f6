#include "icon.h"

#include "icon_svg.h"

namespace subdesk::ui {

wxBitmapBundle appLogo(int size) {
  return wxBitmapBundle::FromSVG(generated::kIconSvg, wxSize(size, size));
}

wxIconBundle appIcons() {
  const wxBitmapBundle logo = appLogo(32);
  wxIconBundle icons;
  for (int size : {16, 24, 32, 48, 64, 128}) icons.AddIcon(logo.GetIcon(wxSize(size, size)));
  return icons;
}

}  // namespace subdesk::ui
