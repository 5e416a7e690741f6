#pragma once
// What the signed-in member of staff's role may do, as the desk sees it: the desk uses it
// to disable what the role may not take and to say why. It mirrors the grants of the
// database (tests/db/test_permissions.cpp is the authority); the database still refuses
// anything forced past the desk.
#include <string>

#include "core/services/staff_administration.h"

namespace subdesk::security {

enum class Action {
  FindSubscribers,   // look up and read subscriber cards
  RevealDocument,    // show an ID document number in full (audited)
  VerifyByDocument,  // verify an office visitor by their ID document
  RestoreSim,        // take a SIM from the own office's stock
  AdjustBalance,     // manual balance adjustment (limited per role by the database)
  RecordBankPayment, // record a payment that came by bank transfer
  TakeOfficePayment, // take cash or a card at the office's POS terminal
  ChangeTariff,      // request and cancel a line's tariff change
  ChangeServices,    // connect and disconnect add-on services
  EditProfile,       // personal data and the code word (the database wants a verified caller)
  ExportReports,     // reports and exports
  WaiveDetailFee,    // waive the fee of a detailed bill (with a reason, audited)
  ReadAudit,         // the audit window
  ManageStaff,       // add staff, lock, set passwords, move between offices
  UnlockStaff,       // unlock a locked login
  EditCatalogue,     // tariffs and services
  ResetSelfcarePassword,  // send a self-care password-reset code to a verified caller's line
  SendVerificationCode,   // verify a caller by a one-time SMS code
  SignContract,        // sign a home-internet contract and issue its login (office)
  ManageHomeInternet,  // suspend, resume, turbo, bonus transfer of home internet
  ReissueHomePassword, // a new home-internet password at the office
};

class Permissions {
 public:
  // Nothing allowed: before the desk knows who is signed in, or for a non-staff role.
  Permissions() = default;
  static Permissions fromGroup(services::StaffGroup group);

  bool may(Action action) const;
  // Why the role may not (translated, for a tooltip or help line); empty when it may.
  std::string whyNot(Action action) const;

 private:
  explicit Permissions(services::StaffGroup group) : group_(group), known_(true) {}
  services::StaffGroup group_ = services::StaffGroup::Agent;
  bool known_ = false;
};

}  // namespace subdesk::security
