#pragma once
// One subscriber's card: a header (name, number, account), a warning band (recent SIM
// swap, debt, suspension), and one tab per part of the self-care cabinet. All tabs are
// filled from one snapshot loaded off the UI thread; refresh() loads it again (after an
// operation changed something), with the CardExtras read beside it.
#include <memory>
#include <vector>

#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "card_tabs.h"
#include "interaction_bar.h"

namespace subdesk::ui {

class CardPage : public wxPanel {
 public:
  // The tabs, in order; Alt+1 ... Alt+9 (the Subscriber menu) choose them.
  enum class Tab { Overview, Balance, Package, Expenses, Profile, HomeInternet, Timeline, Messages, History };
  static constexpr int kTabCount = 9;
  static wxString tabTitle(Tab tab);

  CardPage(wxWindow* parent, CardContext context, services::CardKey key, wxSize size = wxDefaultSize);

  const services::CardKey& key() const { return key_; }
  // The loaded snapshot, or nullptr while loading.
  const services::CardData* data() const { return hasData_ ? &data_ : nullptr; }
  // What was read beside the snapshot (scheduled tariff changes, the family group).
  const CardExtras& extras() const { return extras_; }
  const CardContext& context() const { return context_; }
  // The caption of the card's page: the name, or the number while loading.
  wxString caption() const;
  void refresh();
  // False when the tab does not exist on this card (no home internet).
  bool selectTab(Tab tab);
  void focusTabs();
  // The interaction strip: verify, reset the password, restore the SIM (the menu's way in).
  InteractionBar* interactionBar() const { return bar_; }
  // The Home internet tab (a HomeInternetTab), or null when the customer has none.
  CardTab* homeInternetTab() const { return homeInternet_; }

 private:
  void loaded(services::CardData data, CardExtras extras);
  void failed(const std::string& error);
  void wrapBand();

  CardContext context_;
  services::CardKey key_;
  services::CardData data_;
  CardExtras extras_;
  bool hasData_ = false;
  wxStaticText* name_;
  wxStaticText* subtitle_;
  wxPanel* band_;
  wxStaticText* bandText_;
  wxString warnings_;  // the band's text before wrapping
  wxNotebook* tabs_;
  std::vector<std::pair<Tab, CardTab*>> pages_;
  CardTab* homeInternet_ = nullptr;
  CardTab* timeline_ = nullptr;
  InteractionBar* bar_;
};

}  // namespace subdesk::ui
