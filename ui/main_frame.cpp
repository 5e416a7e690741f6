#include "main_frame.h"

#include <soci/soci.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>

#include "about_dialog.h"
#include "app.h"
#include "icon.h"
#include "search_panel.h"
#include "settings_dialog.h"
#include "translate.h"

namespace subdesk::ui {
namespace {
constexpr int kSignOutId = wxID_HIGHEST + 1;
}

MainFrame::MainFrame(std::unique_ptr<soci::session> session, const wxString& login,
                     const wxString& server)
    : wxFrame(nullptr, wxID_ANY, wxString::Format(_("subdesk — %s"), login)),
      session_(std::move(session)),
      login_(login),
      server_(server) {
  SetIcons(appIcons());
  buildMenu();
  CreateStatusBar(2);
  const int widths[] = {-1, -1};
  GetStatusBar()->SetStatusWidths(2, widths);
  updateStatus();

  search_ = new SearchPanel(this);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(search_, wxSizerFlags(1).Expand());
  SetSizer(sizer);

  SetMinSize(FromDIP(wxSize(640, 420)));
  SetSize(FromDIP(wxSize(1100, 720)));
  CentreOnScreen();
  search_->focusSearch();
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
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);

  Bind(wxEVT_MENU, &MainFrame::onSettings, this, wxID_PREFERENCES);
  Bind(wxEVT_MENU, &MainFrame::onSignOut, this, kSignOutId);
  Bind(wxEVT_MENU, &MainFrame::onQuit, this, wxID_EXIT);
  Bind(wxEVT_MENU, &MainFrame::onAbout, this, wxID_ABOUT);
}

void MainFrame::updateStatus() {
  SetStatusText(wxString::Format(_("Signed in as %s"), login_), 0);
  SetStatusText(session_ ? wxString::Format(_("Connected: %s"), server_) : _("Not connected"),
                1);
}

void MainFrame::closeSession() {
  session_.reset();
  updateStatus();
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
