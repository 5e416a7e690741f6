#include "promotions_dialog.h"

#include <wx/msgdlg.h>
#include <wx/stattext.h>

#include "desk_format.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {

namespace {
long selectedRow(wxListCtrl* list) { return list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

wxString until(const std::string& endsOn) { return endsOn.empty() ? _("open-ended") : day(endsOn); }

// The description in one row of the list: its first line, shortened.
wxString shortText(const std::string& text) {
  wxString line = wxString::FromUTF8(text.substr(0, text.find('\n')));
  if (line.length() > 80) line = line.Left(79) + wxString::FromUTF8("…");
  return line;
}
}  // namespace

PromotionsDialog::PromotionsDialog(wxWindow* parent, std::shared_ptr<db::SessionPool> pool,
                                   const services::CardData& card)
    : AccountDialog(parent, _("Promotions — subdesk"), std::move(pool), card),
      lineId_(card.overview.lines.empty() ? 0 : card.overview.lines.front().lineId) {
  addHeading(_("Promotions of the line"));
  auto bold = [this](const wxString& text) {
    auto* label = new wxStaticText(this, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    return label;
  };
  content()->Add(bold(_("Taking part")), wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
  joinedList_ = makeList({{_("Promotion"), 300}, {_("Since"), 130}, {_("Until"), 110}});
  content()->Add(joinedList_, wxSizerFlags().Expand());
  leave_ = new wxButton(this, wxID_ANY, _("&Leave the selected promotion…"));
  leave_->Disable();
  content()->Add(leave_, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(6)));

  content()->Add(bold(_("May join today")), wxSizerFlags().Border(wxTOP, FromDIP(8)));
  offersList_ =
      makeList({{_("Promotion"), 240}, {_("From"), 100}, {_("Until"), 100}, {_("What it gives"), 320}});
  content()->Add(offersList_, wxSizerFlags().Expand());

  joinedList_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    leave_->Enable(static_cast<std::size_t>(e.GetIndex()) < joined_.size());
  });
  joinedList_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { leaveSelected(); });
  offersList_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { onAccept(); });
  leave_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { leaveSelected(); });

  finishLayout(_("&Join the selected promotion"), _("Close"));
  offersList_->SetFocus();
  guiProbe("dialog", "promotions");
  reload();
}

wxListCtrl* PromotionsDialog::makeList(std::initializer_list<std::pair<wxString, int>> columns) {
  auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(780, 120)),
                              wxLC_REPORT | wxLC_SINGLE_SEL);
  for (const auto& [title, width] : columns) list->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
  return list;
}

void PromotionsDialog::reload() {
  struct Lists {
    std::vector<services::PromotionEnrolment> joined;
    std::vector<services::PromotionOffer> offers;
  };
  runAsync(
      this,
      [pool = pool_, line = lineId_] {
        auto sql = pool->lease();
        services::Promotions p(*sql);
        return Lists{p.enrolments(line), p.offers(line)};
      },
      [this](Lists lists) {
        joined_ = std::move(lists.joined);
        offers_ = std::move(lists.offers);
        joinedList_->DeleteAllItems();
        wxString probe;
        for (const auto& e : joined_) {
          const long row = joinedList_->InsertItem(joinedList_->GetItemCount(), pick(e.nameUk, e.nameEn));
          joinedList_->SetItem(row, 1, moment(e.joinedAt));
          joinedList_->SetItem(row, 2, until(e.endsOn));
          probe += (probe.empty() ? "" : ",") + wxString::FromUTF8(e.code);
        }
        if (joined_.empty()) joinedList_->InsertItem(0, _("none"));
        leave_->Disable();
        offersList_->DeleteAllItems();
        wxString offered;
        for (const auto& o : offers_) {
          const long row = offersList_->InsertItem(offersList_->GetItemCount(), pick(o.nameUk, o.nameEn));
          offersList_->SetItem(row, 1, day(o.startsOn));
          offersList_->SetItem(row, 2, until(o.endsOn));
          offersList_->SetItem(
              row, 3,
              shortText(deskLanguage() == Language::En && !o.descriptionEn.empty() ? o.descriptionEn
                                                                                   : o.descriptionUk));
          offered += (offered.empty() ? "" : ",") + wxString::FromUTF8(o.code);
        }
        if (offers_.empty())
          offersList_->InsertItem(0, _("none"));
        else
          offersList_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                    wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        okButton()->Enable(!offers_.empty());
        guiProbe("promotions", wxString::Format("joined [%s] offered [%s]", probe, offered));
      },
      [this](const std::string& error) { showError(wxString::FromUTF8(error)); });
}

void PromotionsDialog::onAccept() {
  if (busy()) return;
  const long row = selectedRow(offersList_);
  if (row < 0 || static_cast<std::size_t>(row) >= offers_.size()) {
    showError(_("Choose a promotion to join first."));
    offersList_->SetFocus();
    return;
  }
  const auto& offer = offers_[static_cast<std::size_t>(row)];
  submit(
      [line = lineId_, id = offer.id](soci::session& sql) { return services::Promotions(sql).join(line, id); },
      [this, code = offer.code](std::int64_t) {
        changed_ = true;
        guiProbe("promotion-joined", wxString::FromUTF8(code));
        reload();
      });
}

void PromotionsDialog::leaveSelected() {
  const long row = selectedRow(joinedList_);
  if (busy() || row < 0 || static_cast<std::size_t>(row) >= joined_.size()) return;
  const auto enrolment = joined_[static_cast<std::size_t>(row)];
  const wxString question = wxString::Format(_("Leave the promotion \"%s\"? Its benefits end today."),
                                             pick(enrolment.nameUk, enrolment.nameEn));
  wxMessageDialog confirm(this, question, _("Leave a promotion"), wxYES_NO | wxNO_DEFAULT);
  confirm.SetYesNoLabels(_("&Leave it"), _("&Stay in it"));
  guiProbe("confirm", question);
  if (confirm.ShowModal() != wxID_YES) return;
  submit([line = lineId_, id = enrolment.promotionId](soci::session& sql) { services::Promotions(sql).leave(line, id); },
         [this, code = enrolment.code] {
           changed_ = true;
           guiProbe("promotion-left", wxString::FromUTF8(code));
           reload();
         });
}

}  // namespace subdesk::ui
