#pragma once
// The card's operations of issue 7 that both the card's own buttons and the Money menu
// run: promotions, the family profile, feedback tickets (a new one, an answer) and
// cancelling a scheduled tariff change. Each opens its dialog over the card (or asks for
// confirmation first) and reloads the card when something changed.
#include <cstdint>

#include <wx/window.h>

#include "core/services/tariff_change.h"

namespace subdesk::ui {

class CardPage;

void showPromotions(CardPage* card);
void showFamilyProfile(CardPage* card);
// Opens a call with the customer first when no call or visit is open: the ticket belongs
// to the interaction in which the subscriber made the complaint or request.
void openTicket(CardPage* card);
void answerTicket(CardPage* card, std::int64_t ticketId);
void cancelTariffChange(CardPage* card, const services::ScheduledTariffChange& change);

}  // namespace subdesk::ui
