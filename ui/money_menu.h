#pragma once
// The Money menu of the main window (issue 7): operations on the account of the card
// shown now, each in its own dialog (promotions, the family profile and tickets through
// card_actions.h, which the card's buttons use too). An item is disabled when no card is
// shown, or when the role may not use it (the reason is the item's help text); the database refuses
// anything forced past the desk anyway. After an operation the card reloads.
//
//   Take a payment…       Ctrl+P      Adjust the balance…   Ctrl+J
//   Change the tariff…    Ctrl+T      Services…             Ctrl+E
//   Personal data…        Ctrl+D
//   Promotions…           Ctrl+Shift+P    Family profile…       Ctrl+Shift+F
//   New feedback ticket…  Ctrl+Shift+K
#include <functional>
#include <memory>

#include <wx/frame.h>
#include <wx/menu.h>

#include "core/db/session_pool.h"
#include "core/security/permissions.h"

namespace subdesk::ui {

class DeskBook;

// The menu, for the frame's menu bar; its handlers are bound to the frame.
wxMenu* createMoneyMenu(wxFrame* frame, DeskBook* desk, std::shared_ptr<db::SessionPool> pool,
                        std::function<security::Permissions()> permissions);

}  // namespace subdesk::ui
