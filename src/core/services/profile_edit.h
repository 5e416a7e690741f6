#pragma once
// Editing a subscriber's personal data at the desk (issue 7): names, e-mail, contact
// phone (libphonenumber, stored E.164), address, notification preferences, and the code
// word. The database allows it only in a verified interaction (SD001) and only over the
// version the desk read: a second desk saving over a stale version is refused with
// "changed by NAME at TIME — reload" (SD003), never silently overwriting.
#include <string>

#include <soci/soci.h>

namespace subdesk::services {

struct ProfileChanges {
  std::string lastName, firstName, patronymic;
  std::string email;         // empty: none
  std::string contactPhone;  // as typed; empty: none
  std::string address;
  bool notifySms = true, notifyEmail = false;
};

class ProfileEdit {
 public:
  explicit ProfileEdit(soci::session& sql) : sql_(sql) {}

  // Empty when the changes can be sent, else the translated sentence about the first
  // problem (missing name, malformed e-mail or phone, a card number in any field). A new
  // contact phone must be a mobile number (SMS go to it); the one on file (`storedPhone`,
  // E.164), whatever it is, may stay as it is, so that a landline from before does not
  // block editing the rest.
  static std::string problem(const ProfileChanges& changes, const std::string& storedPhone = {});

  // What is on file now, and its version (for a command line that changes a field or two).
  ProfileChanges current(std::int64_t customerId, int& version);

  // Saves over `version` (ProfileTab::version); returns the new version.
  int save(std::int64_t customerId, int version, const ProfileChanges& changes);

  // Sets the code word (at least 4 characters); an empty word removes it.
  void setCodeWord(std::int64_t customerId, const std::string& codeWord);

 private:
  soci::session& sql_;
};

}  // namespace subdesk::services
