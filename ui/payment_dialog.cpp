#include "payment_dialog.h"

#include "core/domain/money.h"
#include "core/services/payments.h"
#include "desk_format.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

using services::PaymentMethod;

namespace {
// The order of the method radio box.
constexpr PaymentMethod kMethods[] = {PaymentMethod::Cash, PaymentMethod::Pos, PaymentMethod::Bank};
}  // namespace

PaymentDialog::PaymentDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                             const services::CardData& card, const security::Permissions& permissions)
    : AccountDialog(parent, _("Payment — subdesk"), std::move(pool), card),
      key_(services::newIdempotencyKey()),
      office_(permissions.may(security::Action::TakeOfficePayment)) {
  addHeading(_("Take a payment"));
  wxFlexGridSizer* grid = form();

  amount_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)));
  amount_->SetHint(money(15000));
  addField(grid, _("&Amount:"), amount_);

  wxArrayString methods;
  for (PaymentMethod m : kMethods) methods.Add(wxString::FromUTF8(services::methodTitle(m)));
  method_ = new wxRadioBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, methods, 1,
                           static_cast<long>(wxRA_SPECIFY_COLS) | wxNO_BORDER);
  addField(grid, _("Method:"), method_);

  rrn_ = new wxTextCtrl(this, wxID_ANY);
  // TRANSLATORS: RRN is the retrieval reference number printed on the POS terminal's slip
  rrn_->SetHint(_("12 digits from the terminal's slip"));
  addField(grid, _("&RRN:"), rrn_);
  last4_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(80, -1)));
  last4_->SetMaxLength(4);
  addField(grid, _("Card, &last four digits:"), last4_);
  document_ = new wxTextCtrl(this, wxID_ANY);
  document_->SetHint(_("optional"));
  addField(grid, _("Receipt or bank &document No.:"), document_);

  note_ = new wxStaticText(this, wxID_ANY, wxString());
  note_->SetForegroundColour(wxColour(0x5E, 0x5C, 0x64));
  content()->Add(note_, wxSizerFlags().Border(wxTOP, FromDIP(10)));
  if (!office_) {
    method_->Enable(0, false);
    method_->Enable(1, false);
    method_->SetSelection(2);
    note_->SetLabel(wxString::FromUTF8(permissions.whyNot(security::Action::TakeOfficePayment)));
  } else {
    note_->SetLabel(_("Top-ups carry no commission."));
  }
  method_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { onMethod(); });
  onMethod();

  // TRANSLATORS: the button that takes the payment
  finishLayout(_("&Pay"), _("Cancel"));
  amount_->SetFocus();
  guiProbe("dialog", "payment");
}

void PaymentDialog::onMethod() {
  const bool pos = kMethods[method_->GetSelection()] == PaymentMethod::Pos;
  rrn_->Enable(pos);
  last4_->Enable(pos);
  document_->Enable(!pos);
}

void PaymentDialog::onAccept() {
  if (busy()) return;
  // Before anything else, so that a card number typed anywhere goes nowhere.
  if (refuseCardNumbers({amount_, rrn_, last4_, document_})) return;
  const auto amount = Money::parse(amount_->GetValue().utf8_string(), deskLanguage());
  if (!amount) {
    amount_->SetFocus();
    showError(wxString::Format(_("Amount: %s"), wxString::FromUTF8(amount.error())));
    return;
  }
  services::PaymentRequest request;
  request.accountId = card_.key.accountId;
  request.amount = *amount;
  request.method = kMethods[method_->GetSelection()];
  if (request.method == PaymentMethod::Pos) {
    request.rrn = rrn_->GetValue().Strip(wxString::both).utf8_string();
    request.cardLast4 = last4_->GetValue().Strip(wxString::both).utf8_string();
  } else {
    request.receiptNo = document_->GetValue().Strip(wxString::both).utf8_string();
  }
  request.idempotencyKey = key_;  // the same on every attempt of this dialog
  if (auto problem = services::Payments::problem(request); !problem.empty()) {
    showError(wxString::FromUTF8(problem));
    return;
  }
  submit([request](soci::session& sql) { return services::Payments(sql).take(request); },
         [this, amount = *amount](std::int64_t id) {
           paymentId_ = id;
           guiProbe("payment", wxString::Format("%lld %s", static_cast<long long>(id), money(amount.kopecks())));
           EndModal(wxID_OK);
         });
}

}  // namespace subdesk::ui
