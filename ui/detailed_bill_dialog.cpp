#include "detailed_bill_dialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "async.h"
#include "core/domain/money.h"
#include "gui_probe.h"
#include "reports/bill_pdf.h"
#include "translate.h"

namespace subdesk::ui {
namespace {

std::chrono::year_month_day ymd(const wxDateTime& d) {
  return std::chrono::year_month_day(std::chrono::year(d.GetYear()),
                                     std::chrono::month(static_cast<unsigned>(d.GetMonth()) + 1),
                                     std::chrono::day(static_cast<unsigned>(d.GetDay())));
}

wxString why(const services::DetailQuote& q) {
  switch (q.fee.reason) {
    case DetailFeeReason::Preferential:
      return _("the price for the first months after registering for self-care");
    case DetailFeeReason::FirstOfMonth:
      return _("the first detailed bill this month");
    case DetailFeeReason::FurtherInMonth:
      return wxString::Format(_("request %d this month"), q.earlierThisMonth + 1);
  }
  return {};
}

}  // namespace

DetailedBillDialog::DetailedBillDialog(wxWindow* parent, CardContext context, const services::CardData& card)
    : DeskDialog(parent, _("Detailed bill")), context_(std::move(context)), card_(card),
      idempotencyKey_(services::newIdempotencyKey()) {
  const int gap = FromDIP(8);
  content()->Add(makeHeading(this, _("Detailed bill")), wxSizerFlags().Border(wxBOTTOM, gap));
  content()->Add(new wxStaticText(this, wxID_ANY,
                                  wxString::Format(_("%s · account %s"), wxString::FromUTF8(card.overview.customerName),
                                                   wxString::FromUTF8(card.overview.accountNumber))),
                 wxSizerFlags().Border(wxBOTTOM, gap));
  auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
  line_ = new wxChoice(this, wxID_ANY);
  line_->Append(_("Every number of the account"));
  int selected = 0;
  for (const auto& l : card.overview.lines) {
    line_->Append(phone(l.msisdn));
    if (l.lineId == card.key.lineId) selected = static_cast<int>(line_->GetCount()) - 1;
  }
  line_->SetSelection(selected);
  from_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today().SetDay(1));
  to_ = new wxDatePickerCtrl(this, wxID_ANY, wxDateTime::Today());
  to_->SetRange(wxDefaultDateTime, wxDateTime::Today());
  auto* period = new wxBoxSizer(wxHORIZONTAL);
  period->Add(from_, wxSizerFlags().CentreVertical());
  period->Add(new wxStaticText(this, wxID_ANY, wxString::FromUTF8(" – ")), wxSizerFlags().CentreVertical());
  period->Add(to_, wxSizerFlags().CentreVertical());
  fee_ = new wxStaticText(this, wxID_ANY, _("Working out the fee…"));
  fee_->SetFont(fee_->GetFont().Bold());
  grid->Add(new wxStaticText(this, wxID_ANY, _("Number")), wxSizerFlags().CentreVertical());
  grid->Add(line_, wxSizerFlags().Expand());
  grid->Add(new wxStaticText(this, wxID_ANY, _("Period")), wxSizerFlags().CentreVertical());
  grid->Add(period);
  grid->Add(new wxStaticText(this, wxID_ANY, _("Fee")), wxSizerFlags().CentreVertical());
  grid->Add(fee_, wxSizerFlags().CentreVertical());
  content()->Add(grid, wxSizerFlags().Expand());
  if (context_.permissions && context_.permissions().may(security::Action::WaiveDetailFee)) {
    waive_ = new wxCheckBox(this, wxID_ANY, _("&Waive the fee (supervisor)"));
    reason_ = new wxTextCtrl(this, wxID_ANY);
    reason_->SetHint(_("Reason for the waiver (goes to the audit log)"));
    content()->Add(waive_, wxSizerFlags().Border(wxTOP, gap * 2));
    content()->Add(reason_, wxSizerFlags().Expand().Border(wxTOP, gap / 2));
    waive_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { updateWaiver(); });
  }
  finishLayout(_("&Charge and make the bill"), _("Cancel"));
  okButton()->Disable();
  updateWaiver();
  loadQuote();
}

void DetailedBillDialog::updateWaiver() {
  if (!waive_) return;
  reason_->Enable(waive_->GetValue());
  okButton()->SetLabel(waive_->GetValue() ? _("&Make the bill free of charge") : _("&Charge and make the bill"));
  Layout();
}

void DetailedBillDialog::loadQuote() {
  const auto account = card_.key.accountId;
  runAsync(
      this,
      [pool = context_.pool, account] {
        auto sql = pool->lease();
        return services::DetailRequests(*sql).quote(account);
      },
      [this](services::DetailQuote q) {
        quote_ = q;
        const wxString fee = money(q.fee.fee.kopecks());
        fee_->SetLabel(wxString::Format(_("%s — %s"), fee, why(q)));
        guiProbe("bill-fee", fee);
        okButton()->Enable();
        okButton()->SetFocus();  // Enter confirms the fee just shown
        Layout();
        Fit();
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void DetailedBillDialog::onAccept() {
  if (busy_ || !quote_) return;
  services::DetailRequestInput in;
  in.accountId = card_.key.accountId;
  const int sel = line_->GetSelection();
  in.lineId = sel > 0 ? card_.overview.lines[static_cast<std::size_t>(sel - 1)].lineId : 0;
  in.from = ymd(from_->GetValue());
  in.to = ymd(to_->GetValue());
  if (std::chrono::sys_days(in.to) < std::chrono::sys_days(in.from)) {
    showError(_("The end of the period is before its start."));
    return;
  }
  in.expectedFee = quote_->fee.fee;
  if (waive_ && waive_->GetValue()) {
    const std::string reason = reason_->GetValue().utf8_string();
    if (reason_->GetValue().Strip(wxString::both).empty()) {
      showError(_("Say why the fee is waived."));
      reason_->SetFocus();
      return;
    }
    in.waiveReason = reason;
  }
  in.idempotencyKey = idempotencyKey_;
  const Language lang = card_.profile.language == "en" ? Language::En : Language::Uk;
  busy_ = true;
  okButton()->Disable();
  showError(wxString());
  auto reader = context_.readerPool ? context_.readerPool : context_.pool;
  runAsync(
      this,
      [pool = context_.pool, reader, in, lang] {
        PreparedBill p;
        p.language = lang;
        {
          auto sql = pool->lease();
          p.request = services::DetailRequests(*sql).request(in);
        }
        auto sql = reader->lease();
        p.bill = services::DetailedBill(*sql).load(in.accountId, in.lineId, in.from, in.to);
        p.document = std::shared_ptr<reports::PdfDocument>(reports::composeBill(p.bill, lang));
        p.document->paginate();
        return p;
      },
      [this](PreparedBill p) {
        guiProbe("bill-ready", wxString::Format("%zu %s", p.bill.records.size(), money(p.bill.total())));
        result_ = std::move(p);
        EndModal(wxID_OK);
      },
      [this](const std::string& error) {
        busy_ = false;
        okButton()->Enable();
        showError(wxString::FromUTF8(error));
        // The fee may have changed (another request meanwhile): show the new one.
        // The key stays: if the first attempt did reach the server, the retry returns it.
        quote_.reset();
        loadQuote();
      });
}

}  // namespace subdesk::ui
