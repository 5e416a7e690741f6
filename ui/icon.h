#pragma once
// The application's headset icon (installer/subdesk.svg), for window icons and dialogs.
#include <wx/bmpbndl.h>
#include <wx/iconbndl.h>

namespace subdesk::ui {

// The icon as a scalable bundle whose default size is `size` (in DIPs).
wxBitmapBundle appLogo(int size);

// Window icons in the sizes window managers ask for.
wxIconBundle appIcons();

}  // namespace subdesk::ui
