#include "card_operations_menu.h"

#include <optional>

#include "card_page.h"
#include "translate.h"

namespace subdesk::ui {

void appendCardOperations(wxMenu* menu, wxFrame* frame, std::function<CardPage*()> currentCard,
                          std::function<security::Permissions()> permissions) {
  struct Item {
    const wxString label;
    std::function<void(InteractionBar*)> run;
    std::optional<security::Action> action;
  };
  // TRANSLATORS: menu items; the text after \t is the keyboard shortcut, keep it as is.
  const Item items[] = {
      {_("&Verify the caller…\tF7"), [](InteractionBar* b) { b->verifyCaller(); }, std::nullopt},
      {_("Close the &interaction…\tCtrl+F7"), [](InteractionBar* b) { b->closeInteraction(); }, std::nullopt},
      {_("Reset the self-care &password…\tF8"), [](InteractionBar* b) { b->resetPassword(); },
       security::Action::ResetSelfcarePassword},
      {_("Restore the &SIM…\tF9"), [](InteractionBar* b) { b->restoreSim(); }, security::Action::RestoreSim},
  };
  menu->AppendSeparator();
  for (const Item& item : items) {
    const int id = wxWindow::NewControlId();
    menu->Append(id, item.label);
    frame->Bind(wxEVT_MENU, [currentCard, run = item.run](wxCommandEvent&) {
      if (CardPage* card = currentCard()) run(card->interactionBar());
    }, id);
    frame->Bind(wxEVT_UPDATE_UI, [currentCard, permissions, action = item.action](wxUpdateUIEvent& e) {
      e.Enable(currentCard() != nullptr && (!action || permissions().may(*action)));
    }, id);
  }
}

}  // namespace subdesk::ui
