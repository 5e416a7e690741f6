#pragma once
// The family profile from the card (Money > Family profile, Ctrl+Shift+F; the Overview's
// "Family profile" button). On a card whose customer owns no group and is in none: name
// a group and create it with the card's account as its first member. On the owner's card:
// every member's account with its balance and lines; add an account by its number or a
// phone number of one of its lines, and remove the selected one (after a confirmation).
// On a member's card: the group and its owner; the member may take their own account out.
//
// The database wants the owner verified in an open call or visit (the card's interaction
// strip; this dialog offers its Verify button), and for another customer's account that
// customer's consent too: as subdesk-cli family add does, the dialog opens a call with
// that customer, verifies them by the code word they say, adds the account and closes
// the call. A wrong code word changes nothing.
#include <cstdint>
#include <optional>

#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include "account_dialog.h"
#include "core/services/family_profile.h"
#include "interaction_bar.h"

namespace subdesk::ui {

class FamilyDialog : public AccountDialog {
 public:
  FamilyDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card,
               std::optional<services::FamilyGroup> group, InteractionBar* bar);

  // True once a group was created or an account added or removed (the card should reload).
  bool changedSomething() const { return changed_; }

 private:
  void onAccept() override;
  void create();
  void addMember();
  void removeSelected();
  void showGroup();
  void readVerification();
  // Shows the group the worker read after a change.
  void changed(services::FamilyGroup group);
  bool isOwner() const;
  std::int64_t ownerCustomer() const;

  std::optional<services::FamilyGroup> group_;
  wxWeakRef<InteractionBar> bar_;
  wxStaticText* verification_;
  wxButton* verify_;
  wxStaticText* title_;
  wxListCtrl* members_;
  wxButton* remove_;
  wxStaticText* nameLabel_;
  wxTextCtrl* name_;
  wxStaticText* memberLabel_;
  wxTextCtrl* member_;
  wxStaticText* codeWordLabel_;
  wxTextCtrl* codeWord_;
  wxStaticText* note_;
  bool changed_ = false;
};

}  // namespace subdesk::ui
