#include "main_frame.h"

#include <soci/soci.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>

#include "about_dialog.h"
#include "gui_probe.h"
#include "idle.h"
#include "money_menu.h"
#include "unlock_dialog.h"
#include "app.h"
#include "icon.h"
#include "desk_book.h"
#include "home_menu.h"
#include "settings_dialog.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
constexpr int kSignOutId = wxID_HIGHEST + 1;
}

MainFrame::MainFrame(Connection connection)
    : wxFrame(nullptr, wxID_ANY, wxString::Format(_("subdesk — %s"), connection.login)),
      connection_(std::move(connection)),
      idleTimer_(this) {
  SetIcons(appIcons());
  staff_ = std::make_unique<SignedInStaff>(this, connection_.pool, connection_.login,
                                           [this] { updateStatus(); });
  if (!connection_.readerPool) connection_.readerPool = connection_.pool;
  desk_ = new DeskBook(this, connection_.pool, [this] { return staff_->permissions(); }, connection_.readerPool);
  staff_->setReaderPool(connection_.readerPool);  // reports read from the replica
  buildMenu();
  CreateStatusBar(2);
  const int widths[] = {-1, -1};
  GetStatusBar()->SetStatusWidths(2, widths);
  updateStatus();

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(desk_, wxSizerFlags(1).Expand());
  SetSizer(sizer);

  SetMinSize(FromDIP(wxSize(640, 420)));
  SetSize(FromDIP(wxSize(1100, 720)));
  CentreOnScreen();
  desk_->focusSearch();
  staff_->load();

  Bind(wxEVT_TIMER, &MainFrame::onIdleCheck, this, idleTimer_.GetId());
  idleTimer_.Start(idleCheckIntervalMs());
}

MainFrame::~MainFrame() = default;

void MainFrame::buildMenu() {
  auto* file = new wxMenu;
  // TRANSLATORS: menu items; the text after \t is the keyboard shortcut, keep it as is.
  file->Append(wxID_PREFERENCES, _("&Settings…\tCtrl+,"));
  file->AppendSeparator();
  file->Append(kSignOutId, _("Sign &out"));
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, _("&About subdesk\tF1"));

  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(desk_->createMenu(), _("S&ubscriber"));
  bar->Append(createMoneyMenu(this, desk_, connection_.pool, [this] { return staff_->permissions(); }), _("&Money"));
  bar->Append(createHomeMenu(this, desk_, connection_.pool, [this] { return staff_->permissions(); }),
              _("Home &internet"));
  bar->Append(staff_->createMenu(), _("&Administration"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);

  Bind(wxEVT_MENU, &MainFrame::onSettings, this, wxID_PREFERENCES);
  Bind(wxEVT_MENU, &MainFrame::onSignOut, this, kSignOutId);
  Bind(wxEVT_MENU, &MainFrame::onQuit, this, wxID_EXIT);
  Bind(wxEVT_MENU, &MainFrame::onAbout, this, wxID_ABOUT);
}

void MainFrame::updateStatus() {
  SetStatusText(staff_->statusText(), 0);
  wxString state = _("Not connected");
  if (connection_.pool && !connection_.pool->closed()) {
    state = connection_.pool->usesTls()
                ? wxString::Format(_("Connected (encrypted): %s"), connection_.serverLabel)
                : wxString::Format(_("Connected (not encrypted): %s"), connection_.serverLabel);
  }
  SetStatusText(state, 1);
}

void MainFrame::closeSession() {
  idleTimer_.Stop();
  if (connection_.pool) connection_.pool->close();
  if (connection_.readerPool) connection_.readerPool->close();
  updateStatus();
}

void MainFrame::onIdleCheck(wxTimerEvent&) {
  if (locked_ || !IsShown()) return;
  if (idleMilliseconds() >= idleLockMs()) lock();
}

namespace {

// A modal dialog hidden through wxDialog::Show(false) ends its modal loop (wxGTK cancels
// it), which would throw away what the agent typed; the top-level window's own Show only
// hides it on screen, and the dialog's loop goes on under the lock window.
void showWithoutEndingModal(wxTopLevelWindow* window, bool show) {
  window->wxTopLevelWindow::Show(show);
}

}  // namespace

std::vector<wxWeakRef<wxTopLevelWindow>> MainFrame::hideWindowsForLock() {
  std::vector<wxWeakRef<wxTopLevelWindow>> hidden;
  hidden.emplace_back(this);
  Hide();
  for (wxWindow* window : wxTopLevelWindows) {
    auto* top = dynamic_cast<wxTopLevelWindow*>(window);
    if (!top || top == this || !top->IsShown()) continue;
    hidden.emplace_back(top);
    showWithoutEndingModal(top, false);
  }
  return hidden;
}

void MainFrame::showAfterLock(wxTopLevelWindow* window) {
  if (window == this) {
    Show();
    return;
  }
  showWithoutEndingModal(window, true);
}

void MainFrame::lock() {
  if (locked_) return;
  locked_ = true;
  // Nothing of the subscriber stays on screen for a passer-by while the desk is locked:
  // the main window, the desk's other windows, and a dialog the agent left open (a
  // half-typed payment keeps its fields and comes back as it was).
  const std::vector<wxWeakRef<wxTopLevelWindow>> hidden = hideWindowsForLock();
  guiProbe("desk", "locked");
  UnlockDialog dialog(connection_.login, connection_.serverConninfo);
  const bool unlocked = dialog.ShowModal() == wxID_OK;
  locked_ = false;
  if (unlocked) {
    guiProbe("desk", "unlocked");
    noteActivity();
    // Back in the order they were hidden: the main window first, a dialog on top of it.
    for (const auto& window : hidden) {
      if (window) showAfterLock(window.get());
    }
    Raise();
    if (!hidden.empty() && hidden.back()) hidden.back()->Raise();
  } else {
    wxGetApp().signOut(this);
  }
}

void MainFrame::onSettings(wxCommandEvent&) {
  SettingsDialog dialog(this, wxGetApp().settings());
  dialog.ShowModal();
}

void MainFrame::onSignOut(wxCommandEvent&) {
  wxGetApp().signOut(this);
}

void MainFrame::onQuit(wxCommandEvent&) {
  Close();
}

void MainFrame::onAbout(wxCommandEvent&) {
  AboutDialog dialog(this);
  dialog.ShowModal();
}

}  // namespace subdesk::ui
