#pragma once
// The common base of the desk's dialogs: standard margins, an inline error line and the
// button row (affirmative = default button, Enter; Cancel = Escape), so that every dialog
// looks and behaves the same. A derived dialog fills content(), then calls finishLayout(),
// and overrides onAccept() when the affirmative button does more than close.
//
// The buttons deliberately have their own ids, not wxID_OK/wxID_CANCEL: wxGTK swaps a
// button with a stock id and label for GTK's stock button, whose text follows the C
// locale instead of the desk's language.
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace subdesk::ui {

class DeskDialog : public wxDialog {
 public:
  // Shows `message` in red under the content (an empty message hides the line).
  void showError(const wxString& message);

 protected:
  DeskDialog(wxWindow* parent, const wxString& title);

  wxBoxSizer* content() { return content_; }

  // Adds the error line and the buttons, and sizes the dialog. Without a cancelLabel the
  // dialog has only the affirmative button, which Escape then presses too.
  void finishLayout(const wxString& okLabel, const wxString& cancelLabel);

  // The affirmative button (or Enter) was pressed; the default ends with wxID_OK.
  virtual void onAccept();
  // Cancel (or Escape, or closing the window); the default ends with wxID_CANCEL.
  virtual void onCancel();

  wxButton* okButton() const { return ok_; }
  wxButton* cancelButton() const { return cancel_; }

  // A label in the dialog's font, made bold and larger: the dialog's heading.
  wxStaticText* makeHeading(wxWindow* parent, const wxString& text);

 private:
  wxBoxSizer* content_;
  wxStaticText* error_ = nullptr;
  wxButton* ok_ = nullptr;
  wxButton* cancel_ = nullptr;
};

}  // namespace subdesk::ui
