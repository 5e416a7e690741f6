#pragma once
// Personal data of the card's customer (Money > Personal data, Ctrl+D): names, e-mail,
// contact phone, address, notification preferences and the code word. The database takes
// it only from a verified caller (SD001), and only over the version the desk read: when
// another desk saved in between, the save is refused with the core's sentence ("changed by
// NAME at TIME — reload") and a Reload button fills the form with what is on file now.
#include <wx/button.h>
#include <wx/checkbox.h>

#include "account_dialog.h"
#include "core/services/profile_edit.h"

namespace subdesk::ui {

class ProfileDialog : public AccountDialog {
 public:
  ProfileDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card);

 private:
  void onAccept() override;
  void fill(const services::ProfileChanges& p);
  void reload();
  services::ProfileChanges changes() const;

  int version_;
  wxTextCtrl* lastName_;
  wxTextCtrl* firstName_;
  wxTextCtrl* patronymic_;
  wxTextCtrl* email_;
  wxTextCtrl* phone_;
  std::string storedPhone_;  // E.164 on file: may stay even if not a mobile number
  wxTextCtrl* address_;
  wxCheckBox* notifySms_;
  wxCheckBox* notifyEmail_;
  wxTextCtrl* codeWord_;
  wxButton* reload_;
};

}  // namespace subdesk::ui
