#pragma once
// The desk's main window: a menu, the panels, and a status bar that says who is signed in
// and whether the database connection is open. It owns the session opened at login.
#include <memory>

#include <wx/frame.h>

namespace soci {
class session;
}

namespace subdesk::ui {

class SearchPanel;

class MainFrame : public wxFrame {
 public:
  MainFrame(std::unique_ptr<soci::session> session, const wxString& login,
            const wxString& server);
  ~MainFrame() override;

  const wxString& login() const { return login_; }

  // Closes the database session (signing out); the window shows it is disconnected.
  void closeSession();

 private:
  void buildMenu();
  void updateStatus();

  void onSettings(wxCommandEvent& event);
  void onSignOut(wxCommandEvent& event);
  void onQuit(wxCommandEvent& event);
  void onAbout(wxCommandEvent& event);

  std::unique_ptr<soci::session> session_;
  wxString login_;
  wxString server_;
  SearchPanel* search_ = nullptr;
};

}  // namespace subdesk::ui
