#pragma once
// The Subscriber menu's operations on the card in front: verify the caller (F7), close
// the interaction (Ctrl+F7), reset the self-care password (F8), restore the SIM (F9).
// They do what the card's interaction strip does; disabled when no card is in front or
// the role may not (the strip's buttons say why).
#include <functional>

#include <wx/frame.h>
#include <wx/menu.h>

#include "core/security/permissions.h"

namespace subdesk::ui {

class CardPage;

void appendCardOperations(wxMenu* menu, wxFrame* frame, std::function<CardPage*()> currentCard,
                          std::function<security::Permissions()> permissions);

}  // namespace subdesk::ui
