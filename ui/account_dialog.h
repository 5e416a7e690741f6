#pragma once
// The base of the dialogs of the Money menu (payment, adjustment, tariff, services,
// personal data): a DeskDialog over one subscriber's card with a two-column form, a
// heading naming the subscriber, a check that no field holds a card number, and submit(),
// which runs one core call on a worker while the buttons wait. A refusal keeps the dialog
// open with the reason in its error line, so the person can correct and send again.
#include <functional>
#include <initializer_list>
#include <memory>
#include <utility>

#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "async.h"
#include "core/db/session_pool.h"
#include "core/services/card_tabs.h"
#include "desk_dialog.h"

namespace subdesk::ui {

class AccountDialog : public DeskDialog {
 protected:
  AccountDialog(wxWindow* parent, const wxString& title, std::shared_ptr<db::SessionPool> pool,
                const services::CardData& card);

  // "Name · account N" under a heading.
  void addHeading(const wxString& heading);
  wxFlexGridSizer* form();
  void addField(wxFlexGridSizer* form, const wxString& label, wxWindow* control);

  // True (with the refusal shown, the field emptied and focused) when one of the fields
  // holds what looks like a full card number. Nothing of it is logged or sent.
  bool refuseCardNumbers(std::initializer_list<wxTextCtrl*> fields);

  // Runs `work(session)` on a worker with a leased session; the affirmative button waits
  // meanwhile and a second press is ignored. `done(result)` runs on the UI thread; an
  // error is shown in the dialog and the button comes back (the retry is the person's).
  template <typename Work, typename Done>
  void submit(Work work, Done done) {
    if (busy_) return;
    busy_ = true;
    showError(wxString());
    okButton()->Disable();
    runAsync(
        this,
        [pool = pool_, work = std::move(work)]() mutable {
          auto sql = pool->lease();
          return work(*sql);
        },
        [this, done = std::move(done)](auto&&... result) mutable {
          busy_ = false;
          okButton()->Enable();
          done(std::forward<decltype(result)>(result)...);
        },
        [this](const std::string& error) {
          busy_ = false;
          okButton()->Enable();
          showError(wxString::FromUTF8(error));
        });
  }
  bool busy() const { return busy_; }

  std::shared_ptr<db::SessionPool> pool_;
  services::CardData card_;

 private:
  bool busy_ = false;
};

}  // namespace subdesk::ui
