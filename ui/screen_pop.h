#pragma once
// Screen pop: what a PBX or softphone runs on an incoming call, `subdesk --caller NUMBER`
// (or a tel: link), reaches the desk the person already has open. The first desk of a
// user listens on a Unix-domain socket in the user's runtime folder (wx IPC); a later one
// hands its caller over and ends, or becomes the desk itself when none is running.
// $SUBDESK_INSTANCE names the instance (tests run several desks side by side).
#include <functional>
#include <memory>
#include <string>

#include <wx/defs.h>
#include <wx/snglinst.h>

namespace subdesk::ui {

class ScreenPop {
 public:
  using OnCaller = std::function<void(const std::string& number)>;
  ScreenPop();
  ~ScreenPop();

  // True when a desk of this user is already running.
  bool anotherDeskRuns() const;
  // Hands `number` to the running desk ("" just brings it forward); true if it took it.
  bool handOver(const std::string& number) const;
  // Starts listening; `onCaller` runs on the UI thread for every call handed over.
  void listen(OnCaller onCaller);

 private:
  class Server;
  std::string socketPath() const;
  std::string name_;
  std::unique_ptr<wxSingleInstanceChecker> checker_;
  std::unique_ptr<Server> server_;
};

}  // namespace subdesk::ui
