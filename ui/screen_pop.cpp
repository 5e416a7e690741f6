#include "screen_pop.h"

#include <unistd.h>

#include <cstdlib>

#include <wx/filename.h>
#include <wx/ipc.h>
#include <wx/utils.h>

namespace subdesk::ui {
namespace {

const char* const kTopic = "subdesk";
const char* const kCallerPrefix = "caller ";

class PopConnection : public wxConnection {
 public:
  explicit PopConnection(ScreenPop::OnCaller onCaller) : onCaller_(std::move(onCaller)) {}
  bool OnExecute(const wxString&, const void* data, size_t size, wxIPCFormat) override {
    std::string command(static_cast<const char*>(data), size);
    while (!command.empty() && command.back() == '\0') command.pop_back();
    if (!command.starts_with(kCallerPrefix)) return false;
    onCaller_(command.substr(std::string(kCallerPrefix).size()));
    return true;
  }

 private:
  ScreenPop::OnCaller onCaller_;
};

}  // namespace

class ScreenPop::Server : public wxServer {
 public:
  explicit Server(OnCaller onCaller) : onCaller_(std::move(onCaller)) {}
  wxConnectionBase* OnAcceptConnection(const wxString& topic) override {
    return topic == kTopic ? new PopConnection(onCaller_) : nullptr;
  }

 private:
  OnCaller onCaller_;
};

ScreenPop::ScreenPop() {
  const char* instance = std::getenv("SUBDESK_INSTANCE");
  name_ = "subdesk-" + wxGetUserId().utf8_string() + (instance && *instance ? std::string("-") + instance : "");
  checker_ = std::make_unique<wxSingleInstanceChecker>(wxString::FromUTF8(name_));
}

ScreenPop::~ScreenPop() {
  if (server_) {
    server_.reset();
    ::unlink(socketPath().c_str());
  }
}

std::string ScreenPop::socketPath() const {
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::string dir = runtime && *runtime ? runtime : wxFileName::GetTempDir().utf8_string();
  return dir + "/" + name_ + ".sock";
}

bool ScreenPop::anotherDeskRuns() const {
  return checker_->IsAnotherRunning();
}

bool ScreenPop::handOver(const std::string& number) const {
  wxClient client;
  std::unique_ptr<wxConnectionBase> connection(
      client.MakeConnection("localhost", wxString::FromUTF8(socketPath()), kTopic));
  if (!connection) return false;
  const std::string command = kCallerPrefix + number;
  const bool ok = connection->Execute(command.c_str(), command.size() + 1);
  connection->Disconnect();
  return ok;
}

void ScreenPop::listen(OnCaller onCaller) {
  // A socket left behind by a desk that crashed: nobody else runs (the checker says so).
  ::unlink(socketPath().c_str());
  auto server = std::make_unique<Server>(std::move(onCaller));
  if (server->Create(wxString::FromUTF8(socketPath()))) server_ = std::move(server);
}

}  // namespace subdesk::ui
