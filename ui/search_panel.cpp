#include "search_panel.h"

#include <wx/settings.h>
#include <wx/sizer.h>

#include "async.h"
#include "core/domain/msisdn.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
constexpr int kDebounceMs = 250;
constexpr int kLimit = 200;

wxString kindTitle(const std::string& kind) {
  return kind == "home" ? _("home internet") : _("mobile");
}

wxString statusTitle(const std::string& status) {
  if (status == "active") return _("active");
  if (status == "blocked") return _("blocked");
  if (status == "suspended") return _("suspended");
  if (status == "closed") return _("closed");
  return wxString::FromUTF8(status);
}

wxString displayNumber(const std::string& e164) {
  if (e164.empty()) return {};
  auto m = Msisdn::parse(e164);
  return wxString::FromUTF8(m ? m->national() : e164);
}
}  // namespace

// The results as a virtual list: rows are drawn from hits_ on demand, so a long result
// costs nothing to show.
class SearchPanel::ResultList : public wxListCtrl {
 public:
  ResultList(wxWindow* parent, const std::vector<services::SubscriberHit>& hits)
      : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                   wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
        hits_(hits) {
    AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(300));
    AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, FromDIP(140));
    AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(150));
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(100));
    AppendColumn(_("Login"), wxLIST_FORMAT_LEFT, FromDIP(120));
  }
  void refresh() {
    SetItemCount(static_cast<long>(hits_.size()));
    Refresh();
  }

 private:
  wxString OnGetItemText(long item, long column) const override {
    const auto& h = hits_[static_cast<std::size_t>(item)];
    switch (column) {
      case 0:
        return wxString::FromUTF8(h.customerName);
      case 1:
        return displayNumber(h.msisdn);
      case 2:
        return wxString::FromUTF8(h.accountNumber);
      case 3:
        return kindTitle(h.accountKind);
      case 4:
        return statusTitle(h.status);
      default:
        return wxString::FromUTF8(h.login);
    }
  }
  const std::vector<services::SubscriberHit>& hits_;
};

SearchPanel::SearchPanel(wxWindow* parent, std::shared_ptr<db::SessionPool> pool, OpenCard openCard)
    : wxPanel(parent, wxID_ANY), pool_(std::move(pool)), openCard_(std::move(openCard)), debounce_(this) {
  const int margin = FromDIP(12);
  search_ = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(480), -1),
                             wxTE_PROCESS_ENTER);
  search_->SetDescriptiveText(_("Number, account, ICCID, contract, login or name"));
  search_->ShowCancelButton(true);
  search_->SetToolTip(_("Ctrl+F or F3 comes back here. Enter searches; Down moves to the results."));

  status_ = new wxStaticText(this, wxID_ANY,
                             _("Find a subscriber by phone number, personal account number or name."));
  status_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  list_ = new ResultList(this, hits_);

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(search_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
  sizer->Add(status_, wxSizerFlags().Border(wxALL, margin));
  sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, margin));
  SetSizer(sizer);

  search_->Bind(wxEVT_TEXT, &SearchPanel::onText, this);
  search_->Bind(wxEVT_TEXT_ENTER, &SearchPanel::onEnter, this);
  search_->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, &SearchPanel::onEnter, this);
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { runSearch(true); }, debounce_.GetId());
  Bind(wxEVT_CHAR_HOOK, &SearchPanel::onCharHook, this);
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    const auto i = static_cast<std::size_t>(e.GetIndex());
    if (i < hits_.size()) openCard_(hits_[i]);
  });
}

void SearchPanel::focusSearch() {
  search_->SetFocus();
  search_->SelectAll();
}

void SearchPanel::searchFor(const wxString& text) {
  search_->ChangeValue(text);
  runSearch(true);
}

void SearchPanel::onText(wxCommandEvent&) {
  // Search as the person types, once they pause; a newer search supersedes this one.
  ++generation_;
  debounce_.StartOnce(kDebounceMs);
}

void SearchPanel::onEnter(wxCommandEvent&) {
  debounce_.Stop();
  runSearch(true);
}

void SearchPanel::onCharHook(wxKeyEvent& event) {
  // Down from the box goes to the first result; Escape from the list goes back.
  wxWindow* focus = FindFocus();
  const bool inBox = focus && (focus == search_ || focus->GetParent() == search_);
  if (inBox && event.GetKeyCode() == WXK_DOWN && !hits_.empty()) {
    list_->SetFocus();
    list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    return;
  }
  if (focus == list_ && event.GetKeyCode() == WXK_ESCAPE) {
    focusSearch();
    return;
  }
  event.Skip();
}

void SearchPanel::runSearch(bool openExact) {
  const std::string query = search_->GetValue().utf8_string();
  const std::uint64_t generation = ++generation_;
  if (services::classifyQuery(query).kind == services::QueryKind::Empty) {
    if (inFlight_) inFlight_->cancel();
    hits_.clear();
    list_->refresh();
    showMessage(query.find_first_not_of(" \t") == std::string::npos
                    ? _("Find a subscriber by phone number, personal account number or name.")
                    : _("This is not a number, account, ICCID, contract, login or name."));
    return;
  }
  showMessage(_("Searching…"));
  // The search still running on the server is cancelled there; its answer would be dropped.
  if (inFlight_) inFlight_->cancel();
  inFlight_ = std::make_shared<db::QueryCanceller>();
  runAsync(
      this,
      [pool = pool_, query, canceller = inFlight_] {
        auto sql = pool->lease();
        db::QueryCanceller::Attached attached(*canceller, *sql);
        return services::SubscriberLookup(*sql).lookup(query, kLimit);
      },
      [this, generation, openExact](services::LookupResult r) { showResult(generation, openExact, std::move(r)); },
      [this, generation](const std::string& error) {
        if (generation == generation_) showMessage(wxString::FromUTF8(error));
      });
}

void SearchPanel::showResult(std::uint64_t generation, bool openExact, services::LookupResult r) {
  if (generation != generation_) return;  // the person typed on; a newer search runs
  hits_ = std::move(r.hits);
  list_->refresh();
  guiProbe("search", wxString::Format("%zu", hits_.size()));
  if (r.refused) {
    showMessage(_("Only office staff may search by ID document number."));
  } else if (hits_.empty()) {
    showMessage(_("Nobody found."));
  } else if (hits_.size() >= static_cast<std::size_t>(kLimit)) {
    showMessage(wxString::Format(_("The first %d matches are shown; type more of the name to narrow them."), kLimit));
    list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  } else {
    showMessage(wxString::Format(wxPLURAL("%zu subscriber found. Enter opens the card.",
                                          "%zu subscribers found. Enter opens the card.", hits_.size()),
                                 hits_.size()));
    list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  }
  if (r.exact && openExact && !hits_.empty()) openCard_(hits_.front());
}

void SearchPanel::showMessage(const wxString& text) {
  status_->SetLabel(text);
  Layout();
}

}  // namespace subdesk::ui
