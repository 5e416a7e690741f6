#include "core/security/permissions.h"

#include "core/util/i18n.h"

namespace subdesk::security {

using services::StaffGroup;

namespace {

// Which groups may take each action. Customer data is the front office's: admins keep
// staff and the catalogue, and read the audit log, but do not serve subscribers.
bool allowed(StaffGroup g, Action a) {
  const bool front = g == StaffGroup::Agent || g == StaffGroup::Sales || g == StaffGroup::Supervisor;
  const bool office = g == StaffGroup::Sales || g == StaffGroup::Supervisor;
  switch (a) {
    case Action::FindSubscribers:
      return front;
    case Action::AdjustBalance:
    case Action::RecordBankPayment:
    case Action::ChangeTariff:
    case Action::ChangeServices:
    case Action::EditProfile:
      return front;
    case Action::TakeOfficePayment:
      return office;
    case Action::RevealDocument:
      return office;
    case Action::VerifyByDocument:
      return office;
    case Action::RestoreSim:
      return office;
    case Action::ExportReports:
    case Action::WaiveDetailFee:
      return g == StaffGroup::Supervisor;
    case Action::ReadAudit:
      return g == StaffGroup::Supervisor || g == StaffGroup::Admin;
    case Action::ManageStaff:
      return g == StaffGroup::Admin;
    case Action::UnlockStaff:
      return g == StaffGroup::Supervisor || g == StaffGroup::Admin;
    case Action::EditCatalogue:
      return g == StaffGroup::Admin;
    case Action::ResetSelfcarePassword:
      return front;
    case Action::SendVerificationCode:
      return front;
    case Action::SignContract:
      return office;
    case Action::ManageHomeInternet:
      return front;
    case Action::ReissueHomePassword:
      return office;
  }
  return false;
}

std::string reason(Action a) {
  switch (a) {
    case Action::FindSubscribers:
      return tr("Only front-office staff and supervisors serve subscribers.");
    case Action::AdjustBalance:
      return tr("Only front-office staff and supervisors adjust balances.");
    case Action::RecordBankPayment:
      return tr("Only front-office staff and supervisors record payments.");
    case Action::TakeOfficePayment:
      return tr("Only office sales staff and supervisors take cash and card payments.");
    case Action::ChangeTariff:
      return tr("Only front-office staff and supervisors change tariffs.");
    case Action::ChangeServices:
      return tr("Only front-office staff and supervisors connect and disconnect services.");
    case Action::EditProfile:
      return tr("Only front-office staff and supervisors edit personal data.");
    case Action::RevealDocument:
      return tr("Only office sales staff and supervisors may see document numbers.");
    case Action::VerifyByDocument:
      return tr("Only office sales staff and supervisors check ID documents.");
    case Action::RestoreSim:
      return tr("Only office sales staff and supervisors hand out SIM cards.");
    case Action::ExportReports:
      return tr("Only supervisors export reports.");
    case Action::WaiveDetailFee:
      return tr("Only supervisors waive the fee of a detailed bill.");
    case Action::ReadAudit:
      return tr("Only supervisors and administrators read the audit log.");
    case Action::ManageStaff:
      return tr("Only administrators manage staff.");
    case Action::UnlockStaff:
      return tr("Only supervisors and administrators unlock staff.");
    case Action::EditCatalogue:
      return tr("Only administrators edit tariffs and services.");
    case Action::ResetSelfcarePassword:
      return tr("Only front-office staff and supervisors reset self-care passwords.");
    case Action::SendVerificationCode:
      return tr("Only front-office staff and supervisors verify callers.");
    case Action::SignContract:
      return tr("Only office sales staff and supervisors sign home-internet contracts.");
    case Action::ManageHomeInternet:
      return tr("Only front-office staff and supervisors manage home internet.");
    case Action::ReissueHomePassword:
      return tr("Only office sales staff and supervisors reissue home-internet passwords.");
  }
  return {};
}

}  // namespace

Permissions Permissions::fromGroup(StaffGroup group) { return Permissions(group); }

bool Permissions::may(Action action) const { return known_ && allowed(group_, action); }

std::string Permissions::whyNot(Action action) const {
  if (may(action)) return {};
  if (!known_) return tr("Not available until the desk knows who is signed in.");
  return reason(action);
}

}  // namespace subdesk::security
