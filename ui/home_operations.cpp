#include "home_operations.h"

#include <algorithm>

#include <wx/frame.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/tokenzr.h>

#include "async.h"
#include "card_page.h"
#include "core/services/home_lookup.h"
#include "core/services/home_suspension.h"
#include "core/services/home_turbo.h"
#include "gui_probe.h"
#include "home_dialogs.h"
#include "translate.h"

namespace subdesk::ui {

wxString HomeOperations::label(Op op) {
  switch (op) {
    case HomeOperations::Op::Suspend:
      return _("&Suspend for a vacation…");
    case HomeOperations::Op::Resume:
      return _("Res&ume now");
    case HomeOperations::Op::Turbo:
      return _("&Turbo…");
    case HomeOperations::Op::Bonus:
      return _("&Bonuses to a mobile line…");
    case HomeOperations::Op::Reissue:
      return _("New &password…");
  }
  return {};
}

namespace {

security::Action actionOf(HomeOperations::Op op) {
  return op == HomeOperations::Op::Reissue ? security::Action::ReissueHomePassword
                                           : security::Action::ManageHomeInternet;
}

struct HomeState {
  std::int64_t homeId = 0;
  std::int64_t turboSecondsLeft = 0;
};

}  // namespace

HomeOperations::HomeOperations(wxWindow* parent, CardContext context)
    : wxPanel(parent, wxID_ANY), context_(std::move(context)), tick_(this) {
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  for (int i = 0; i < kOpCount; ++i) {
    const auto op = static_cast<Op>(i);
    buttons_[i] = new wxButton(this, wxID_ANY, label(op));
    buttons_[i]->Bind(wxEVT_BUTTON, [this, op](wxCommandEvent&) { run(op); });
    row->Add(buttons_[i], wxSizerFlags().Border(wxRIGHT, 6));
  }
  turboLeft_ = new wxStaticText(this, wxID_ANY, wxString());
  turboLeft_->SetFont(turboLeft_->GetFont().Bold());
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(row);
  sizer->Add(turboLeft_, wxSizerFlags().Border(wxTOP, 8));
  SetSizer(sizer);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    turboSecondsLeft_ = std::max<std::int64_t>(0, turboSecondsLeft_ - 30);
    showTurboLeft();
  });
  updateButtons();
}

void HomeOperations::setItem(const services::CardData& card, std::size_t index) {
  card_ = card;
  index_ = index;
  hasItem_ = index < card_.homeInternet.size();
  homeId_ = 0;
  turboSecondsLeft_ = 0;
  showTurboLeft();
  updateButtons();
  if (!hasItem_) return;
  runAsync(
      this,
      [pool = context_.pool, login = card_.homeInternet[index].login] {
        auto sql = pool->lease();
        HomeState s;
        if (auto key = services::findHome(*sql, login)) {
          s.homeId = key->homeInternetId;
          s.turboSecondsLeft = services::HomeTurbo(*sql).current(s.homeId).secondsLeft;
        }
        return s;
      },
      [this](HomeState s) {
        homeId_ = s.homeId;
        turboSecondsLeft_ = s.turboSecondsLeft;
        showTurboLeft();
        updateButtons();
      },
      [this](const std::string& error) { turboLeft_->SetLabel(wxString::FromUTF8(error)); });
}

void HomeOperations::showTurboLeft() {
  if (turboSecondsLeft_ <= 0) {
    tick_.Stop();
    turboLeft_->SetLabel(wxString());
  } else {
    const auto minutes = (turboSecondsLeft_ + 59) / 60;
    const wxString left = wxString::Format(_("Turbo on: %lld h %02lld min left"), static_cast<long long>(minutes / 60),
                                           static_cast<long long>(minutes % 60));
    turboLeft_->SetLabel(left);
    guiProbe("home-turbo", left);
    if (!tick_.IsRunning()) tick_.Start(30 * 1000);
  }
  Layout();
}

bool HomeOperations::mayRun(Op op, wxString* why) const {
  auto say = [why](const wxString& text) {
    if (why) *why = text;
    return false;
  };
  if (!hasItem_ || homeId_ == 0) return say(_("Select a home internet in the list."));
  const auto perms = context_.permissions();
  if (!perms.may(actionOf(op))) return say(wxString::FromUTF8(perms.whyNot(actionOf(op))));
  const auto& item = card_.homeInternet[index_];
  if (item.status != "active") return say(_("This home internet is closed."));
  if (op == Op::Resume && item.suspendedFrom.empty()) return say(_("Home internet is not suspended."));
  if (why) why->clear();
  return true;
}

void HomeOperations::updateButtons() {
  for (int i = 0; i < kOpCount; ++i) {
    wxString why;
    buttons_[i]->Enable(mayRun(static_cast<Op>(i), &why));
    buttons_[i]->SetToolTip(why);
  }
}

void HomeOperations::done(const wxString& message) {
  guiProbe("home", message);
  if (auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(this))) frame->SetStatusText(message, 0);
  for (wxWindow* w = GetParent(); w; w = w->GetParent()) {
    if (auto* card = dynamic_cast<CardPage*>(w)) {
      card->refresh();
      break;
    }
  }
}

void HomeOperations::run(Op op) {
  wxString why;
  if (!mayRun(op, &why)) {
    if (auto* frame = dynamic_cast<wxFrame*>(wxGetTopLevelParent(this))) frame->SetStatusText(why, 0);
    return;
  }
  const auto& item = card_.homeInternet[index_];
  const wxString login = wxString::FromUTF8(item.login);
  switch (op) {
    case Op::Suspend: {
      SuspendHomeDialog dialog(this, context_.pool, homeId_);
      if (dialog.ShowModal() == wxID_OK) done(wxString::Format(_("Home internet %s is suspended."), login));
      break;
    }
    case Op::Resume: {
      if (wxMessageBox(wxString::Format(_("Resume home internet %s now?"), login), _("Resume"),
                       wxYES_NO | wxICON_QUESTION, this) != wxYES) {
        break;
      }
      runAsync(
          this,
          [pool = context_.pool, id = homeId_] {
            auto sql = pool->lease();
            return services::HomeSuspension(*sql).resume(id);
          },
          [this, login](std::optional<std::string> lastDay) {
            done(lastDay ? wxString::Format(_("Home internet %s works again (the pause ended on %s)."), login,
                                            day(*lastDay))
                         : wxString::Format(_("The planned pause of %s is cancelled."), login));
          },
          [this](const std::string& error) { wxMessageBox(wxString::FromUTF8(error), _("Resume"), wxICON_ERROR, this); });
      break;
    }
    case Op::Turbo: {
      TurboDialog dialog(this, context_.pool, homeId_);
      if (dialog.ShowModal() == wxID_OK) done(wxString::Format(_("Turbo is on for %s."), login));
      break;
    }
    case Op::Bonus: {
      std::vector<std::string> numbers;
      for (const auto& l : card_.overview.lines) numbers.push_back(l.msisdn);
      for (const auto& m : card_.overview.family) {
        if (m.accountKind != "mobile") continue;
        wxStringTokenizer msisdns(wxString::FromUTF8(m.msisdns), ", ", wxTOKEN_STRTOK);
        while (msisdns.HasMoreTokens()) {
          const std::string n = msisdns.GetNextToken().utf8_string();
          if (std::find(numbers.begin(), numbers.end(), n) == numbers.end()) numbers.push_back(n);
        }
      }
      BonusTransferDialog dialog(this, context_.pool, item.accountId, numbers);
      if (dialog.ShowModal() == wxID_OK) done(_("The bonuses are transferred."));
      break;
    }
    case Op::Reissue: {
      ReissuePasswordDialog dialog(this, context_.pool, homeId_);
      if (dialog.ShowModal() == wxID_OK) done(dialog.outcome());
      break;
    }
  }
}

}  // namespace subdesk::ui
