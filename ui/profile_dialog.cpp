#include "profile_dialog.h"

#include "core/util/error.h"
#include "desk_format.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

namespace {
wxString text(const std::string& s) { return wxString::FromUTF8(s); }
std::string value(const wxTextCtrl* field) { return field->GetValue().Strip(wxString::both).utf8_string(); }
}  // namespace

ProfileDialog::ProfileDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card)
    : AccountDialog(parent, _("Personal data — subdesk"), std::move(pool), card), version_(card.profile.version) {
  addHeading(_("Personal data"));
  wxFlexGridSizer* grid = form();
  const wxSize wide = FromDIP(wxSize(340, -1));
  lastName_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wide);
  addField(grid, _("&Last name:"), lastName_);
  firstName_ = new wxTextCtrl(this, wxID_ANY);
  addField(grid, _("&First name:"), firstName_);
  patronymic_ = new wxTextCtrl(this, wxID_ANY);
  addField(grid, _("&Patronymic:"), patronymic_);
  email_ = new wxTextCtrl(this, wxID_ANY);
  email_->SetHint(_("name@example.com"));
  addField(grid, _("&E-mail:"), email_);
  phone_ = new wxTextCtrl(this, wxID_ANY);
  phone_->SetHint(_("e.g. 067 123 45 67"));
  addField(grid, _("Contact p&hone:"), phone_);
  address_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(340, 54)), wxTE_MULTILINE);
  addField(grid, _("&Address:"), address_);
  notifySms_ = new wxCheckBox(this, wxID_ANY, _("&by SMS"));
  notifyEmail_ = new wxCheckBox(this, wxID_ANY, _("by e-&mail"));
  auto* notify = new wxBoxSizer(wxHORIZONTAL);
  notify->Add(notifySms_, wxSizerFlags().Border(wxRIGHT, FromDIP(16)));
  notify->Add(notifyEmail_);
  grid->Add(new wxStaticText(this, wxID_ANY, _("Notifications:")), wxSizerFlags().CentreVertical());
  grid->Add(notify);
  codeWord_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
  codeWord_->SetHint(_("empty: keep the code word as it is"));
  addField(grid, _("New &code word:"), codeWord_);

  reload_ = new wxButton(this, wxID_ANY, _("&Reload"));
  reload_->Hide();
  reload_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reload(); });
  content()->Add(reload_, wxSizerFlags().Border(wxTOP, FromDIP(10)));

  const auto& p = card.profile;
  fill({p.lastName, p.firstName, p.patronymic, p.email, p.contactPhone, p.address, p.notifySms, p.notifyEmail});
  finishLayout(_("&Save"), _("Cancel"));
  lastName_->SetFocus();
  guiProbe("dialog", wxString::Format("profile version %d", version_));
}

void ProfileDialog::fill(const services::ProfileChanges& p) {
  lastName_->ChangeValue(text(p.lastName));
  firstName_->ChangeValue(text(p.firstName));
  patronymic_->ChangeValue(text(p.patronymic));
  email_->ChangeValue(text(p.email));
  phone_->ChangeValue(p.contactPhone.empty() ? wxString() : phone(p.contactPhone));
  storedPhone_ = p.contactPhone;
  address_->ChangeValue(text(p.address));
  notifySms_->SetValue(p.notifySms);
  notifyEmail_->SetValue(p.notifyEmail);
}

services::ProfileChanges ProfileDialog::changes() const {
  return {value(lastName_), value(firstName_), value(patronymic_), value(email_), value(phone_), value(address_),
          notifySms_->IsChecked(), notifyEmail_->IsChecked()};
}

void ProfileDialog::reload() {
  runAsync(
      this,
      [pool = pool_, customer = card_.key.customerId] {
        auto sql = pool->lease();
        int version = 0;
        auto now = services::ProfileEdit(*sql).current(customer, version);
        return std::pair{now, version};
      },
      [this](std::pair<services::ProfileChanges, int> loaded) {
        fill(loaded.first);
        version_ = loaded.second;
        reload_->Hide();  // it had the keyboard: give it to the first field
        lastName_->SetFocus();
        showError(wxString());
        guiProbe("profile", wxString::Format("reloaded version %d", version_));
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void ProfileDialog::onAccept() {
  if (busy()) return;
  if (refuseCardNumbers({lastName_, firstName_, patronymic_, email_, phone_, address_, codeWord_})) return;
  const services::ProfileChanges c = changes();
  if (auto problem = services::ProfileEdit::problem(c, storedPhone_); !problem.empty()) {
    showError(wxString::FromUTF8(problem));
    return;
  }
  // SD003 (a stale version) comes back as a value, so that the dialog can offer Reload;
  // so does a refused code word after the rest was saved (the version has moved on).
  struct Outcome {
    bool stale = false;
    std::string message;
    int version = 0;
  };
  submit(
      [customer = card_.key.customerId, version = version_, c,
       word = codeWord_->GetValue().utf8_string()](soci::session& sql) {
        services::ProfileEdit edit(sql);
        int next = 0;
        try {
          next = edit.save(customer, version, c);
        } catch (const std::exception& e) {
          if (sqlState(e) != "SD003") throw;
          return Outcome{true, describeError(e), version};
        }
        try {
          if (!word.empty()) edit.setCodeWord(customer, word);
        } catch (const std::exception& e) {
          return Outcome{false, describeError(e), next};
        }
        return Outcome{false, {}, next};
      },
      [this](Outcome outcome) {
        version_ = outcome.version;
        if (outcome.stale) {
          reload_->Show();
          showError(wxString::FromUTF8(outcome.message));
          reload_->SetFocus();
          guiProbe("profile", "stale");
        } else if (!outcome.message.empty()) {
          showError(wxString::Format(_("The personal data is saved, but the code word is not: %s"),
                                     wxString::FromUTF8(outcome.message)));
          codeWord_->SetFocus();
        } else {
          guiProbe("profile", wxString::Format("saved version %d", version_));
          EndModal(wxID_OK);
        }
      });
}

}  // namespace subdesk::ui
