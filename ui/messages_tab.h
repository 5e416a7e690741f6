#pragma once
// The card's Messages tab: the SMS and e-mails the desk caused for this customer (codes,
// SIM-swap notices, ...) with their delivery state from the outbox: queued, sent, failing
// with the last error and the next attempt, or undeliverable. It reads again every 15
// seconds while a message is still on its way.
#include <vector>

#include <wx/timer.h>

#include "card_tabs.h"
#include "core/notify/delivery_status.h"

namespace subdesk::ui {

class MessagesTab : public CardTab {
 public:
  MessagesTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;

 private:
  void load();
  void fill(const std::vector<notify::Delivery>& messages);
  wxListCtrl* list_;
  wxStaticText* note_;
  wxTimer poll_;
};

}  // namespace subdesk::ui
