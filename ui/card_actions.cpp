#include "card_actions.h"

#include <wx/msgdlg.h>
#include <wx/toplevel.h>
#include <wx/weakref.h>

#include "async.h"
#include "card_page.h"
#include "desk_format.h"
#include "family_dialog.h"
#include "gui_probe.h"
#include "promotions_dialog.h"
#include "ticket_answer_dialog.h"
#include "ticket_dialog.h"
#include "translate.h"

namespace subdesk::ui {

namespace {
wxWindow* frameOf(CardPage* card) { return wxGetTopLevelParent(card); }
}  // namespace

void showPromotions(CardPage* card) {
  if (!card || !card->data() || card->data()->overview.lines.empty()) return;
  wxWeakRef<CardPage> page(card);
  PromotionsDialog dialog(frameOf(card), card->context().pool, *card->data());
  dialog.ShowModal();
  if (dialog.changedSomething() && page) page->refresh();
}

void showFamilyProfile(CardPage* card) {
  if (!card || !card->data()) return;
  wxWeakRef<CardPage> page(card);
  FamilyDialog dialog(frameOf(card), card->context().pool, *card->data(), card->extras().family,
                      card->interactionBar());
  dialog.ShowModal();
  if (dialog.changedSomething() && page) page->refresh();
}

void openTicket(CardPage* card) {
  if (!card || !card->data()) return;
  wxWeakRef<CardPage> page(card);
  card->interactionBar()->ensureInteraction(services::Channel::Call, [page] {
    if (!page || !page->interactionBar()->current()) return;
    TicketDialog dialog(frameOf(page.get()), page->context().pool, *page->data(),
                        page->interactionBar()->current()->id);
    if (dialog.ShowModal() == wxID_OK && page) page->refresh();
  });
}

void answerTicket(CardPage* card, std::int64_t ticketId) {
  if (!card || !card->data()) return;
  wxWeakRef<CardPage> page(card);
  TicketAnswerDialog dialog(frameOf(card), card->context().pool, *card->data(), ticketId);
  if (dialog.ShowModal() == wxID_OK && page) page->refresh();
}

void cancelTariffChange(CardPage* card, const services::ScheduledTariffChange& change) {
  if (!card) return;
  const wxString question =
      wxString::Format(_("Cancel the change of %s to %s from %s?"), phone(change.msisdn),
                       pick(change.toUk, change.toEn), day(change.effectiveOn));
  wxMessageDialog confirm(frameOf(card), question, _("Cancel a tariff change"), wxYES_NO | wxNO_DEFAULT);
  confirm.SetYesNoLabels(_("&Cancel the change"), _("&Keep it"));
  guiProbe("confirm", question);
  if (confirm.ShowModal() != wxID_YES) return;
  runAsync(
      card,
      [pool = card->context().pool, id = change.id] {
        auto sql = pool->lease();
        services::TariffChange(*sql).cancel(id);
      },
      [card, id = change.id] {
        guiProbe("tariff-change-cancelled", wxString::Format("%lld", static_cast<long long>(id)));
        card->refresh();
      },
      [card](const std::string& error) {
        guiProbe("error", wxString::FromUTF8(error));
        wxMessageBox(wxString::FromUTF8(error), _("Cancel a tariff change"), wxOK | wxICON_ERROR,
                     frameOf(card));
      });
}

}  // namespace subdesk::ui
