#include "verify_caller_dialog.h"

#include <array>

#include "async.h"
#include "core/services/caller_verification.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
constexpr std::array<const char*, 4> kDocKinds{"passport", "id_card", "foreign_passport", "residence_permit"};
}

VerifyCallerDialog::VerifyCallerDialog(wxWindow* parent, CardContext context, const services::CardData& card,
                                       std::int64_t interactionId, std::optional<services::VerifyMethod> method)
    : DeskDialog(parent, _("Verify the caller")), context_(std::move(context)), card_(card), interactionId_(interactionId) {
  const auto perms = context_.permissions();
  const int gap = FromDIP(8);
  content()->Add(makeHeading(this, wxString::Format(_("Who is %s?"), wxString::FromUTF8(card_.overview.customerName))),
                 wxSizerFlags().Border(wxBOTTOM, gap));

  byWord_ = new wxRadioButton(this, wxID_ANY, _("By the &code word"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
  word_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(320), -1), wxTE_PASSWORD);
  content()->Add(byWord_);
  content()->Add(word_, wxSizerFlags().Expand().Border(wxLEFT | wxBOTTOM, FromDIP(24)));

  byDocument_ = new wxRadioButton(this, wxID_ANY, _("By the &ID document shown at the office"));
  docKind_ = new wxChoice(this, wxID_ANY);
  for (const char* kind : kDocKinds) docKind_->Append(wxString::FromUTF8(services::documentKindTitle(kind)));
  int docIndex = 0;
  for (std::size_t i = 0; i < kDocKinds.size(); ++i)
    if (card_.profile.docKind == kDocKinds[i]) docIndex = static_cast<int>(i);
  docKind_->SetSelection(docIndex);
  docNumber_ = new wxTextCtrl(this, wxID_ANY);
  docNumber_->SetHint(_("Document number"));
  auto* docRow = new wxBoxSizer(wxHORIZONTAL);
  docRow->Add(docKind_, wxSizerFlags().Border(wxRIGHT, gap));
  docRow->Add(docNumber_, wxSizerFlags(1));
  content()->Add(byDocument_);
  content()->Add(docRow, wxSizerFlags().Expand().Border(wxLEFT | wxBOTTOM, FromDIP(24)));
  if (!perms.may(security::Action::VerifyByDocument)) {
    const wxString why = wxString::FromUTF8(perms.whyNot(security::Action::VerifyByDocument));
    for (wxWindow* w : std::initializer_list<wxWindow*>{byDocument_, docKind_, docNumber_}) {
      w->Disable();
      w->SetToolTip(why);
    }
  }

  const wxString number = card_.overview.lines.empty() ? wxString() : phone(card_.overview.lines.front().msisdn);
  bySms_ = new wxRadioButton(this, wxID_ANY, wxString::Format(_("By a code sent by &SMS to %s"), number));
  send_ = new wxButton(this, wxID_ANY, _("Send the code"));
  sent_ = new wxStaticText(this, wxID_ANY, wxString());
  code_ = new wxTextCtrl(this, wxID_ANY);
  code_->SetHint(_("The code the caller reads out"));
  auto* smsRow = new wxBoxSizer(wxHORIZONTAL);
  smsRow->Add(send_, wxSizerFlags().Border(wxRIGHT, gap));
  smsRow->Add(code_, wxSizerFlags(1));
  content()->Add(bySms_);
  content()->Add(smsRow, wxSizerFlags().Expand().Border(wxLEFT, FromDIP(24)));
  content()->Add(sent_, wxSizerFlags().Border(wxLEFT | wxTOP, FromDIP(24)));
  if (card_.key.lineId == 0 || !perms.may(security::Action::SendVerificationCode)) {
    bySms_->Disable();
    send_->Disable();
    code_->Disable();
  }
  send_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sendCode(); });

  // Typing into a method's field chooses it.
  word_->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) { byWord_->SetValue(true); e.Skip(); });
  docNumber_->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) { byDocument_->SetValue(true); e.Skip(); });
  docKind_->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) { byDocument_->SetValue(true); e.Skip(); });
  code_->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) { bySms_->SetValue(true); e.Skip(); });
  byWord_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { word_->SetFocus(); });
  byDocument_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { docNumber_->SetFocus(); });
  bySms_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { code_->SetFocus(); });

  finishLayout(_("&Verify"), _("Cancel"));
  const bool office = perms.may(security::Action::VerifyByDocument);
  choose(method.value_or(office && !card_.profile.docKind.empty() ? services::VerifyMethod::Document
                                                                   : services::VerifyMethod::CodeWord));
  guiProbe("dialog", GetTitle());
}

void VerifyCallerDialog::choose(services::VerifyMethod method) {
  switch (method) {
    case services::VerifyMethod::Document:
      if (byDocument_->IsEnabled()) {
        byDocument_->SetValue(true);
        docNumber_->SetFocus();
        return;
      }
      break;
    case services::VerifyMethod::Otp:
      if (bySms_->IsEnabled()) {
        bySms_->SetValue(true);
        send_->SetFocus();
        return;
      }
      break;
    case services::VerifyMethod::CodeWord:
      break;
  }
  byWord_->SetValue(true);
  word_->SetFocus();
}

services::VerifyMethod VerifyCallerDialog::chosen() const {
  if (byDocument_->GetValue()) return services::VerifyMethod::Document;
  if (bySms_->GetValue()) return services::VerifyMethod::Otp;
  return services::VerifyMethod::CodeWord;
}

void VerifyCallerDialog::sendCode() {
  send_->Disable();
  showError({});
  runAsync(
      this,
      [pool = context_.pool, interaction = interactionId_, line = card_.key.lineId] {
        auto sql = pool->lease();
        return services::CallerVerification(*sql).sendCode(interaction, line);
      },
      [this](services::CodeTimes t) {
        sent_->SetLabel(wxString::FromUTF8(t.describe()));
        guiProbe("verification-code", sent_->GetLabel());
        send_->SetLabel(_("Send a new code"));
        send_->Enable();
        bySms_->SetValue(true);
        code_->SetFocus();
        GetSizer()->Fit(this);
      },
      [this](const std::string& error) {
        send_->Enable();
        showError(wxString::FromUTF8(error));
      });
}

void VerifyCallerDialog::onAccept() {
  if (busy_) return;
  const auto method = chosen();
  std::string answer, kind;
  switch (method) {
    case services::VerifyMethod::CodeWord:
      answer = word_->GetValue().utf8_string();
      break;
    case services::VerifyMethod::Document:
      answer = docNumber_->GetValue().utf8_string();
      kind = kDocKinds[static_cast<std::size_t>(std::max(0, docKind_->GetSelection()))];
      break;
    case services::VerifyMethod::Otp:
      answer = code_->GetValue().utf8_string();
      break;
  }
  if (wxString::FromUTF8(answer).Trim().Trim(false).empty()) {
    showError(_("Type the caller's answer first."));
    return;
  }
  busy_ = true;
  okButton()->Disable();
  showError({});
  runAsync(
      this,
      [pool = context_.pool, interaction = interactionId_, method, answer, kind] {
        auto sql = pool->lease();
        return services::Interactions(*sql).verify(interaction, method, answer, kind);
      },
      [this](bool ok) {
        busy_ = false;
        okButton()->Enable();
        if (ok) {
          guiProbe("verified", _("yes"));
          EndModal(wxID_OK);
          return;
        }
        showError(_("The answer is wrong. The attempt was counted: after three wrong answers this "
                    "interaction can no longer verify the caller."));
      },
      [this](const std::string& error) {
        busy_ = false;
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
      });
}

}  // namespace subdesk::ui
