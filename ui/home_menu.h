#pragma once
// The Home internet menu: sign a contract (Ctrl+N, office sales and supervisors; for
// others it is disabled and its help line says why), and the operations of the Home
// internet tab for the card in front (the same as the tab's buttons).
#include <functional>
#include <memory>

#include <wx/frame.h>
#include <wx/menu.h>

#include "core/db/session_pool.h"
#include "core/security/permissions.h"

namespace subdesk::ui {

class DeskBook;

wxMenu* createHomeMenu(wxFrame* frame, DeskBook* desk, std::shared_ptr<db::SessionPool> pool,
                       std::function<security::Permissions()> permissions);

}  // namespace subdesk::ui
