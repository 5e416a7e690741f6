#include "expenses_tab.h"

#include <algorithm>

#include <wx/dcbuffer.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "async.h"
#include "core/domain/billing_month.h"
#include "core/services/subscriber_card.h"
#include "gui_probe.h"
#include "translate.h"

namespace subdesk::ui {
namespace {

constexpr services::ExpenseCategory kCategories[] = {services::ExpenseCategory::Calls, services::ExpenseCategory::Sms,
                                                     services::ExpenseCategory::Data, services::ExpenseCategory::Fees};

wxString categoryWord(services::ExpenseCategory c) {
  switch (c) {
    case services::ExpenseCategory::Calls:
      return _("Calls");
    case services::ExpenseCategory::Sms:
      return _("SMS");
    case services::ExpenseCategory::Data:
      return _("Internet");
    case services::ExpenseCategory::Fees:
      return _("Fees");
  }
  return {};
}

wxColour categoryColour(services::ExpenseCategory c) {
  switch (c) {
    case services::ExpenseCategory::Calls:
      return wxColour(0x1F, 0x6F, 0xB4);
    case services::ExpenseCategory::Sms:
      return wxColour(0x2E, 0xA0, 0x5A);
    case services::ExpenseCategory::Data:
      return wxColour(0xE0, 0x8E, 0x1B);
    case services::ExpenseCategory::Fees:
      return wxColour(0x8E, 0x5B, 0xB5);
  }
  return *wxBLACK;
}

std::int64_t amountOf(const services::MonthExpenses& m, services::ExpenseCategory c) {
  switch (c) {
    case services::ExpenseCategory::Calls:
      return m.calls;
    case services::ExpenseCategory::Sms:
      return m.sms;
    case services::ExpenseCategory::Data:
      return m.data;
    case services::ExpenseCategory::Fees:
      return m.fees;
  }
  return 0;
}

}  // namespace

ExpensesChart::ExpensesChart(wxWindow* parent, Pick onPick)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, parent->FromDIP(240)), wxWANTS_CHARS),
      onPick_(std::move(onPick)) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  Bind(wxEVT_PAINT, &ExpensesChart::onPaint, this);
  Bind(wxEVT_LEFT_DOWN, &ExpensesChart::onClick, this);
  Bind(wxEVT_KEY_DOWN, &ExpensesChart::onKey, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    Refresh();
    e.Skip();
  });
  Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
    Refresh();
    e.Skip();
  });
  Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    Refresh();
    e.Skip();
  });
  SetToolTip(_("Click a part of a bar, or choose it with the arrow keys and press Enter, to list its entries."));
}

void ExpensesChart::setData(std::vector<services::MonthExpenses> months) {
  months_ = std::move(months);
  month_ = months_.empty() ? 0 : months_.size() - 1;
  Refresh();
}

void ExpensesChart::onPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(GetBackgroundColour()));
  dc.Clear();
  segments_.clear();
  const wxSize size = GetClientSize();
  const int legendH = FromDIP(22), labelH = FromDIP(34), pad = FromDIP(10);
  dc.SetFont(GetFont());
  // Legend.
  int x = pad;
  for (auto c : kCategories) {
    dc.SetBrush(wxBrush(categoryColour(c)));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(x, pad, FromDIP(12), FromDIP(12));
    dc.SetTextForeground(GetForegroundColour());
    dc.DrawText(categoryWord(c), x + FromDIP(16), pad - FromDIP(2));
    x += FromDIP(16) + dc.GetTextExtent(categoryWord(c)).x + FromDIP(18);
  }
  if (months_.empty()) {
    dc.DrawText(_("No spending in the last months."), pad, legendH + pad * 2);
    return;
  }
  std::int64_t top = 1;
  for (const auto& m : months_) top = std::max(top, m.total());
  const int chartTop = legendH + pad * 2, chartBottom = size.y - labelH;
  const int chartH = std::max(chartBottom - chartTop, 10);
  const int slot = std::max((size.x - 2 * pad) / static_cast<int>(months_.size()), 10);
  const int barW = std::min(slot * 3 / 5, FromDIP(90));
  for (std::size_t i = 0; i < months_.size(); ++i) {
    const auto& m = months_[i];
    const int bx = pad + static_cast<int>(i) * slot + (slot - barW) / 2;
    int y = chartBottom;
    for (int ci = 0; ci < 4; ++ci) {
      const auto c = kCategories[ci];
      const int h = static_cast<int>(chartH * amountOf(m, c) / top);
      if (h <= 0) continue;
      const wxRect r(bx, y - h, barW, h);
      dc.SetBrush(wxBrush(categoryColour(c)));
      const bool chosen = HasFocus() && i == month_ && ci == category_;
      dc.SetPen(chosen ? wxPen(*wxBLACK, 2) : *wxTRANSPARENT_PEN);
      dc.DrawRectangle(r);
      segments_.push_back({r, i, c});
      y -= h;
    }
    dc.SetTextForeground(GetForegroundColour());
    const wxString label = wxString::FromUTF8(m.month);
    const wxString total = money(m.total());
    dc.DrawText(label, bx + (barW - dc.GetTextExtent(label).x) / 2, chartBottom + FromDIP(2));
    dc.DrawText(total, bx + (barW - dc.GetTextExtent(total).x) / 2, chartBottom + FromDIP(16));
  }
}

void ExpensesChart::onClick(wxMouseEvent& event) {
  SetFocus();
  for (const auto& s : segments_) {
    if (s.rect.Contains(event.GetPosition())) {
      month_ = s.month;
      category_ = static_cast<int>(std::find(std::begin(kCategories), std::end(kCategories), s.category) -
                                   std::begin(kCategories));
      Refresh();
      onPick_(s.month, s.category);
      return;
    }
  }
}

void ExpensesChart::onKey(wxKeyEvent& event) {
  if (months_.empty()) return event.Skip();
  switch (event.GetKeyCode()) {
    case WXK_LEFT:
      if (month_ > 0) --month_;
      break;
    case WXK_RIGHT:
      if (month_ + 1 < months_.size()) ++month_;
      break;
    case WXK_UP:
      category_ = std::min(category_ + 1, 3);
      break;
    case WXK_DOWN:
      category_ = std::max(category_ - 1, 0);
      break;
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
    case WXK_SPACE:
      onPick_(month_, kCategories[category_]);
      break;
    default:
      event.Skip();
      return;
  }
  Refresh();
}

ExpensesTab::ExpensesTab(wxWindow* parent, CardContext context) : CardTab(parent, std::move(context)) {
  chart_ = new ExpensesChart(this, [this](std::size_t m, services::ExpenseCategory c) { listEntries(m, c); });
  title_ = heading(_("Choose a part of a bar to see its entries."));
  entries_ = makeList({{_("When"), 130}, {_("What"), 420}, {_("Amount"), 110}});
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(chart_, wxSizerFlags().Expand().Border(wxALL, 8));
  sizer->Add(title_, wxSizerFlags().Border(wxLEFT | wxTOP, 8));
  sizer->Add(entries_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  SetSizer(sizer);
}

void ExpensesTab::show(const services::CardData& card) {
  card_ = card;
  chart_->setData(card.expenses);
  entries_->DeleteAllItems();
}

void ExpensesTab::listEntries(std::size_t monthIndex, services::ExpenseCategory category) {
  if (monthIndex >= card_.expenses.size()) return;
  const std::string monthText = card_.expenses[monthIndex].month;
  auto month = BillingMonth::parse(monthText);
  if (!month) return;
  title_->SetLabel(wxString::Format(_("%s, %s: loading…"), categoryWord(category), wxString::FromUTF8(monthText)));
  Layout();
  runAsync(
      this,
      [pool = context_.pool, account = card_.key.accountId, m = *month, category] {
        auto sql = pool->lease();
        return services::SubscriberCard(*sql, deskLanguage()).expenseEntries(account, m, category);
      },
      [this, category, monthText](std::vector<services::ExpenseEntry> rows) {
        entries_->Freeze();
        entries_->DeleteAllItems();
        std::int64_t total = 0;
        for (const auto& e : rows) {
          const long row = entries_->InsertItem(entries_->GetItemCount(), moment(e.at));
          entries_->SetItem(row, 1, wxString::FromUTF8(e.text));
          entries_->SetItem(row, 2, money(e.amount));
          total += e.amount;
        }
        entries_->Thaw();
        title_->SetLabel(wxString::Format(_("%s, %s: %zu entries, %s"), categoryWord(category),
                                          wxString::FromUTF8(monthText), rows.size(), money(total)));
        Layout();
        guiProbe("expenses", title_->GetLabel());
      },
      [this](const std::string& error) { title_->SetLabel(wxString::FromUTF8(error)); });
}

}  // namespace subdesk::ui
