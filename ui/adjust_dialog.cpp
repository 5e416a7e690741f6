#include "adjust_dialog.h"

#include "core/domain/money.h"
#include "core/services/balance_adjustment.h"
#include "core/services/payments.h"
#include "desk_format.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

AdjustDialog::AdjustDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, const services::CardData& card)
    : AccountDialog(parent, _("Balance adjustment — subdesk"), std::move(pool), card),
      key_(services::newIdempotencyKey()) {
  addHeading(_("Adjust the balance"));
  content()->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("Balance now: %s"), money(card.balance.balance))),
                 wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
  wxFlexGridSizer* grid = form();
  amount_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)));
  amount_->SetHint(_("e.g. 50,00 or -50,00"));
  addField(grid, _("&Amount:"), amount_);
  reason_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(360, 70)), wxTE_MULTILINE);
  addField(grid, _("&Reason (required):"), reason_);
  limit_ = new wxStaticText(this, wxID_ANY, _("Loading your limit…"));
  limit_->SetForegroundColour(wxColour(0x5E, 0x5C, 0x64));
  content()->Add(limit_, wxSizerFlags().Border(wxTOP, FromDIP(10)));
  finishLayout(_("Ad&just"), _("Cancel"));
  amount_->SetFocus();
  guiProbe("dialog", "adjust");

  runAsync(
      this,
      [pool = pool_] {
        auto sql = pool->lease();
        return services::BalanceAdjustment(*sql).limit();
      },
      [this](std::optional<Money> limit) {
        limit_->SetLabel(limit ? wxString::Format(_("Your limit: up to %s per adjustment, either way."),
                                                  money(limit->kopecks()))
                               : _("Your role may not adjust balances."));
        guiProbe("adjust-limit", limit ? money(limit->kopecks()) : wxString("none"));
        GetSizer()->Fit(this);
      },
      [this](const std::string& error) { limit_->SetLabel(wxString::FromUTF8(error)); });
}

void AdjustDialog::onAccept() {
  if (busy()) return;
  if (refuseCardNumbers({amount_, reason_})) return;
  const auto amount = Money::parse(amount_->GetValue().utf8_string(), deskLanguage());
  if (!amount) {
    amount_->SetFocus();
    showError(wxString::Format(_("Amount: %s"), wxString::FromUTF8(amount.error())));
    return;
  }
  const std::string reason = reason_->GetValue().Strip(wxString::both).utf8_string();
  if (reason.empty()) {
    reason_->SetFocus();
    showError(_("Say why the balance is adjusted: the reason is required."));
    return;
  }
  // A refusal by the database (above the role's limit, a closed account) is about the
  // amount: the cursor waits there.
  amount_->SetFocus();
  submit(
      [account = card_.key.accountId, amount = *amount, reason, key = key_](soci::session& sql) {
        return services::BalanceAdjustment(sql).adjust(account, amount, reason, key);
      },
      [this, amount = *amount](std::int64_t) {
        guiProbe("adjusted", money(amount.kopecks()));
        EndModal(wxID_OK);
      });
}

}  // namespace subdesk::ui
