#pragma once
// The card's Expenses tab: spending by month as stacked bars (calls, SMS, data, fees);
// clicking a bar's part, or choosing it with the arrow keys and Enter, lists the entries
// behind it (fetched off the UI thread).
#include <functional>
#include <vector>

#include <wx/listctrl.h>
#include <wx/panel.h>

#include "card_tabs.h"

namespace subdesk::ui {

class ExpensesChart : public wxPanel {
 public:
  using Pick = std::function<void(std::size_t month, services::ExpenseCategory category)>;
  ExpensesChart(wxWindow* parent, Pick onPick);
  void setData(std::vector<services::MonthExpenses> months);

 private:
  struct Segment {
    wxRect rect;
    std::size_t month;
    services::ExpenseCategory category;
  };
  void onPaint(wxPaintEvent& event);
  void onClick(wxMouseEvent& event);
  void onKey(wxKeyEvent& event);
  std::vector<services::MonthExpenses> months_;
  std::vector<Segment> segments_;  // as last drawn, for hit-testing
  std::size_t month_ = 0;
  int category_ = 0;
  Pick onPick_;
};

class ExpensesTab : public CardTab {
 public:
  ExpensesTab(wxWindow* parent, CardContext context);
  void show(const services::CardData& card) override;

 private:
  void listEntries(std::size_t month, services::ExpenseCategory category);
  ExpensesChart* chart_;
  wxStaticText* title_;
  wxListCtrl* entries_;
};

}  // namespace subdesk::ui
