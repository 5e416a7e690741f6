#pragma once
// The desk's main window: a menu, the panels, and a status bar that says who is signed in
// and whether the database connection is open. It owns the sessions opened at login (a
// pool shared with the workers it starts), and locks itself after the idle time.
#include <memory>
#include <string>
#include <vector>

#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include "core/db/session_pool.h"
#include "signed_in_staff.h"

namespace subdesk::ui {

class DeskBook;

class MainFrame : public wxFrame {
 public:
  struct Connection {
    std::shared_ptr<db::SessionPool> pool;
    wxString login;
    wxString serverLabel;
    std::string serverConninfo;  // without credentials: for unlocking
    std::shared_ptr<db::SessionPool> readerPool;  // reports, history, bills (may be pool)
  };
  explicit MainFrame(Connection connection);
  ~MainFrame() override;

  const wxString& login() const { return connection_.login; }
  // The sessions for worker jobs: capture the shared_ptr in the job, lease inside it.
  const std::shared_ptr<db::SessionPool>& pool() const { return connection_.pool; }

  // Closes every database session (signing out); the window shows it is disconnected.
  void closeSession();

  DeskBook& desk() { return *desk_; }

  // Hides the window and asks for the password; signs out if the person chooses to.
  void lock();
  std::vector<wxWeakRef<wxTopLevelWindow>> hideWindowsForLock();
  void showAfterLock(wxTopLevelWindow* window);

 private:
  void buildMenu();
  void updateStatus();

  void onSettings(wxCommandEvent& event);
  void onSignOut(wxCommandEvent& event);
  void onQuit(wxCommandEvent& event);
  void onAbout(wxCommandEvent& event);

  void onIdleCheck(wxTimerEvent& event);

  Connection connection_;
  wxTimer idleTimer_;
  bool locked_ = false;
  DeskBook* desk_ = nullptr;
  std::unique_ptr<SignedInStaff> staff_;  // who is signed in, and the Administration menu
};

}  // namespace subdesk::ui
