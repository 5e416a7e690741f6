#include "family_dialog.h"

#include <soci/soci.h>
#include <wx/msgdlg.h>

#include "core/services/account_ref.h"
#include "core/services/caller_verification.h"
#include "core/services/interactions.h"
#include "desk_format.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

namespace {
long selectedRow(wxListCtrl* list) { return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

wxString numbersOf(const services::FamilyGroupMember& m) {
  wxString out;
  for (const auto& l : m.lines) {
    if (!out.empty()) out += ", ";
    out += phone(l.msisdn);
    if (l.status != "active") out += " (" + statusWord(l.status) + ")";
  }
  return out;
}

// Adds `account` to `group`; for another customer's account, within a call with that
// customer verified by the code word they said (closed again whatever happens), as
// subdesk-cli family add does. Runs on a worker.
void addWithConsent(soci::session& sql, std::int64_t group, std::int64_t account, std::int64_t owner,
                    const std::string& codeWord, const std::string& needWord, const std::string& wrongWord) {
  services::FamilyProfile family(sql);
  const std::int64_t customer = services::customerOfAccount(sql, account);
  if (customer == owner) {
    family.add(group, account);
    return;
  }
  if (codeWord.empty()) throw UserError(needWord, "SD001");
  services::Interactions in(sql);
  const std::int64_t call = in.open(services::Channel::Call, "", customer);
  bool verified = false;
  try {
    verified = in.verify(call, services::VerifyMethod::CodeWord, codeWord);
    if (verified) family.add(group, account);
  } catch (...) {
    try {
      in.close(call, "family profile: account not added (desk)");
    } catch (...) {  // the connection may be gone: the interaction stays open, as a desk's would
    }
    throw;
  }
  in.close(call, verified ? "family profile: consented to join the family group (desk)"
                          : "family profile: code word wrong, nothing changed (desk)");
  if (!verified) throw UserError(wrongWord, "SD001");
}
}  // namespace

FamilyDialog::FamilyDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                           const services::CardData& card, std::optional<services::FamilyGroup> group,
                           InteractionBar* bar)
    : AccountDialog(parent, _("Family profile — subdesk"), std::move(pool), card),
      group_(std::move(group)),
      bar_(bar) {
  addHeading(_("Family profile"));
  auto* verifyRow = new wxBoxSizer(wxHORIZONTAL);
  verification_ = new wxStaticText(this, wxID_ANY, _("Reading the interaction…"));
  verify_ = new wxButton(this, wxID_ANY, _("&Verify the caller…"));
  verifyRow->Add(verification_, wxSizerFlags(1).CentreVertical());
  verifyRow->Add(verify_, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(8)));
  content()->Add(verifyRow, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(10)));

  title_ = new wxStaticText(this, wxID_ANY, wxString());
  title_->SetFont(title_->GetFont().Bold());
  content()->Add(title_, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
  members_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 140)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
  for (const auto& [text, width] : std::initializer_list<std::pair<wxString, int>>{
           {_("Name"), 230}, {_("Account"), 100}, {_("Kind"), 110}, {_("Balance"), 110}, {_("Numbers"), 200}})
    members_->AppendColumn(text, wxLIST_FORMAT_LEFT, FromDIP(width));
  content()->Add(members_, wxSizerFlags().Expand());
  remove_ = new wxButton(this, wxID_ANY, _("&Remove the selected account…"));
  remove_->Disable();
  content()->Add(remove_, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(6)));

  auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
  grid->AddGrowableCol(1);
  nameLabel_ = new wxStaticText(this, wxID_ANY, _("&Name of the group:"));
  name_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)));
  name_->SetHint(_("e.g. the family's surname"));
  memberLabel_ = new wxStaticText(this, wxID_ANY, _("Account or &phone number:"));
  member_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)));
  member_->SetHint(_("the account to add"));
  codeWordLabel_ = new wxStaticText(this, wxID_ANY, _("Its customer's &code word:"));
  codeWord_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)));
  codeWord_->SetHint(_("needed when the account is another customer's"));
  for (auto [label, control] : {std::pair<wxWindow*, wxWindow*>{nameLabel_, name_},
                                {memberLabel_, member_},
                                {codeWordLabel_, codeWord_}}) {
    grid->Add(label, wxSizerFlags().CentreVertical());
    grid->Add(control, wxSizerFlags().Expand());
  }
  content()->Add(grid, wxSizerFlags().Expand().Border(wxTOP, FromDIP(8)));
  note_ = new wxStaticText(this, wxID_ANY, wxString());
  note_->SetForegroundColour(wxColour(0x5E, 0x5C, 0x64));
  content()->Add(note_, wxSizerFlags().Border(wxTOP, FromDIP(8)));

  members_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    remove_->Enable(group_ && static_cast<std::size_t>(e.GetIndex()) < group_->members.size());
  });
  remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeSelected(); });
  verify_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (!bar_) return;
    wxWeakRef<FamilyDialog> self(this);
    bar_->verifyCaller(
        std::nullopt,
        [self](bool) {
          if (self) self->readVerification();
        },
        this);
  });

  finishLayout(_("&Create the family group"), _("Close"));
  guiProbe("dialog", "family");
  showGroup();
  readVerification();
}

bool FamilyDialog::isOwner() const { return !group_ || group_->ownerCustomerId == card_.key.customerId; }

std::int64_t FamilyDialog::ownerCustomer() const {
  return group_ ? group_->ownerCustomerId : card_.key.customerId;
}

void FamilyDialog::readVerification() {
  runAsync(
      this,
      [pool = pool_, customer = card_.key.customerId] {
        auto sql = pool->lease();
        return services::CallerVerification(*sql).current(customer);
      },
      [this](std::optional<services::InteractionState> state) {
        const bool verified = state && services::verifiedNow(*state);
        verification_->SetLabel(
            verified ? wxString::Format(_("The caller is verified until %s."),
                                        wxString::FromUTF8(state->validUntilLocal))
                     : _("The caller is not verified: verify them before changing the family."));
        verification_->SetForegroundColour(verified ? wxColour(0x26, 0x7A, 0x3E)
                                                    : wxColour(0xC0, 0x1C, 0x28));
        const bool wasShown = verify_->IsShown();
        verify_->Show(!verified && bar_);
        Layout();
        if (wasShown && verified) (group_ ? member_ : name_)->SetFocus();  // the button that had it is gone
        guiProbe("family-verified", verified ? "yes" : "no");
      },
      [this](const std::string& error) { verification_->SetLabel(wxString::FromUTF8(error)); });
}

void FamilyDialog::showGroup() {
  members_->DeleteAllItems();
  remove_->Disable();
  const bool owner = isOwner();
  wxString probe;
  if (!group_) {
    title_->SetLabel(_("Not in a family group yet."));
    note_->SetLabel(_("The new group's owner is this subscriber; this account becomes its first member."));
  } else {
    title_->SetLabel(wxString::Format(_("Family group \"%s\", owner %s"), wxString::FromUTF8(group_->name),
                                      wxString::FromUTF8(group_->ownerName)));
    for (const auto& m : group_->members) {
      const bool visible = owner || m.customerId == card_.key.customerId;
      const long row = members_->InsertItem(members_->GetItemCount(), wxString::FromUTF8(m.customerName));
      members_->SetItem(row, 1, wxString::FromUTF8(m.accountNumber));
      members_->SetItem(row, 2, statusWord(m.kind));
      members_->SetItem(row, 3, visible ? money(m.balance) : wxString());
      members_->SetItem(row, 4, visible ? numbersOf(m) : wxString());
      probe += (probe.empty() ? "" : ",") + wxString::FromUTF8(m.accountNumber);
    }
    note_->SetLabel(
        owner ? _("To add another customer's account, that customer says their code word: the desk "
                  "verifies it in a call of its own.")
              : _("Members are added from the owner's card. A member may take their own account out."));
  }
  nameLabel_->Show(!group_);
  name_->Show(!group_);
  for (wxWindow* w : {static_cast<wxWindow*>(memberLabel_), static_cast<wxWindow*>(member_),
                      static_cast<wxWindow*>(codeWordLabel_), static_cast<wxWindow*>(codeWord_)})
    w->Show(group_ && owner);
  okButton()->SetLabel(group_ ? _("&Add the account") : _("&Create the family group"));
  okButton()->Enable(!group_ || owner);
  note_->Wrap(FromDIP(600));
  GetSizer()->Fit(this);
  Layout();
  (group_ ? member_ : name_)->SetFocus();
  guiProbe("family",
           group_ ? wxString::Format("%s [%s]", wxString::FromUTF8(group_->name), probe) : wxString("none"));
}

void FamilyDialog::changed(services::FamilyGroup group) {
  changed_ = true;
  group_ = std::move(group);
  member_->Clear();
  codeWord_->Clear();
  showGroup();
}

void FamilyDialog::onAccept() {
  if (busy()) return;
  if (!group_) {
    create();
  } else if (isOwner()) {
    addMember();
  }
}

void FamilyDialog::create() {
  if (refuseCardNumbers({name_})) return;
  const std::string name = name_->GetValue().Strip(wxString::both).utf8_string();
  if (name.empty()) {
    name_->SetFocus();
    showError(_("Give the family group a name."));
    return;
  }
  submit(
      [owner = card_.key.customerId, account = card_.key.accountId, name](soci::session& sql) {
        // The group and its first member together, or neither.
        soci::transaction tr(sql);
        services::FamilyProfile family(sql);
        const std::int64_t id = family.create(owner, name);
        family.add(id, account);
        tr.commit();
        return family.members(id);
      },
      [this](services::FamilyGroup group) {
        guiProbe("family-created", wxString::FromUTF8(group.name));
        changed(std::move(group));
      });
}

void FamilyDialog::addMember() {
  if (refuseCardNumbers({member_, codeWord_})) return;
  const std::string key = member_->GetValue().Strip(wxString::both).utf8_string();
  if (key.empty()) {
    member_->SetFocus();
    showError(_("Type the account number or a phone number of the account to add."));
    return;
  }
  submit(
      [group = group_->id, owner = ownerCustomer(), key,
       word = codeWord_->GetValue().Strip(wxString::both).utf8_string(),
       needWord =
           _("This account is another customer's: type the code word they say to agree.").utf8_string(),
       wrongWord = _("The member's code word is wrong: nothing was changed.").utf8_string()](soci::session& sql) {
        addWithConsent(sql, group, services::resolveAccount(sql, key), owner, word, needWord, wrongWord);
        return services::FamilyProfile(sql).members(group);
      },
      [this, key](services::FamilyGroup group) {
        guiProbe("family-added", wxString::FromUTF8(key));
        changed(std::move(group));
      });
}

void FamilyDialog::removeSelected() {
  const long row = selectedRow(members_);
  if (busy() || !group_ || row < 0 || static_cast<std::size_t>(row) >= group_->members.size()) return;
  const auto member = group_->members[static_cast<std::size_t>(row)];
  const wxString question = wxString::Format(
      _("Take account %s (%s) out of the family group \"%s\"?"), wxString::FromUTF8(member.accountNumber),
      wxString::FromUTF8(member.customerName), wxString::FromUTF8(group_->name));
  wxMessageDialog confirm(this, question, _("Remove from the family"), wxYES_NO | wxNO_DEFAULT);
  confirm.SetYesNoLabels(_("&Remove it"), _("&Keep it"));
  guiProbe("confirm", question);
  if (confirm.ShowModal() != wxID_YES) return;
  submit(
      [group = group_->id, account = member.accountId](soci::session& sql) {
        services::FamilyProfile family(sql);
        family.remove(group, account);
        return family.members(group);
      },
      [this, number = member.accountNumber](services::FamilyGroup group) {
        guiProbe("family-removed", wxString::FromUTF8(number));
        changed(std::move(group));
      });
}

}  // namespace subdesk::ui
