// The desk's view of what each staff group may do (core/security/permissions.h); it
// mirrors tests/db/test_permissions.cpp, where the database is the authority.
#define BOOST_TEST_MODULE permissions_model
#include <boost/test/unit_test.hpp>

#include <array>

#include "core/security/permissions.h"

using subdesk::security::Action;
using subdesk::security::Permissions;
using subdesk::services::StaffGroup;

namespace {
struct Row {
  Action action;
  const char* name;
  bool agent, sales, supervisor, admin;
};
// clang-format off
constexpr std::array<Row, 21> kTable{{
// action                    name                 agent  sales  super  admin
{Action::FindSubscribers,  "find subscribers",   true,  true,  true,  false},
{Action::AdjustBalance,    "adjust balance",     true,  true,  true,  false},
{Action::RecordBankPayment, "record bank payment", true, true,  true,  false},
{Action::TakeOfficePayment, "take cash or POS",   false, true,  true,  false},
{Action::ChangeTariff,     "change tariff",      true,  true,  true,  false},
{Action::ChangeServices,   "change services",    true,  true,  true,  false},
{Action::EditProfile,      "edit profile",       true,  true,  true,  false},
{Action::RevealDocument,   "reveal document",    false, true,  true,  false},
{Action::VerifyByDocument, "verify by document", false, true,  true,  false},
{Action::RestoreSim,       "restore SIM",        false, true,  true,  false},
{Action::ExportReports,    "export reports",     false, false, true,  false},
{Action::WaiveDetailFee,   "waive detail fee",   false, false, true,  false},
{Action::ReadAudit,        "read audit log",     false, false, true,  true},
{Action::ManageStaff,      "manage staff",       false, false, false, true},
{Action::UnlockStaff,      "unlock staff",       false, false, true,  true},
{Action::EditCatalogue,    "edit catalogue",     false, false, false, true},
{Action::ResetSelfcarePassword, "reset self-care password", true, true, true, false},
{Action::SendVerificationCode,  "send verification code",   true, true, true, false},
{Action::SignContract,     "sign contract",      false, true,  true,  false},
{Action::ManageHomeInternet, "manage home internet", true, true, true, false},
{Action::ReissueHomePassword, "reissue home password", false, true, true, false},
}};
// clang-format on
}  // namespace

BOOST_AUTO_TEST_CASE(each_group_may_exactly_what_the_table_says) {
  for (const Row& row : kTable) {
    const std::array<std::pair<StaffGroup, bool>, 4> expected{{{StaffGroup::Agent, row.agent},
                                                               {StaffGroup::Sales, row.sales},
                                                               {StaffGroup::Supervisor, row.supervisor},
                                                               {StaffGroup::Admin, row.admin}}};
    for (const auto& [group, may] : expected) {
      BOOST_TEST_INFO(row.name << " for " << subdesk::services::groupRoleName(group));
      const Permissions p = Permissions::fromGroup(group);
      BOOST_TEST(p.may(row.action) == may);
      // A refusal always says why; an allowed action has nothing to explain.
      BOOST_TEST(p.whyNot(row.action).empty() == may);
    }
  }
}

BOOST_AUTO_TEST_CASE(nothing_is_allowed_before_the_desk_knows_who_is_signed_in) {
  const Permissions unknown;
  for (const Row& row : kTable) {
    BOOST_TEST_INFO(row.name);
    BOOST_TEST(!unknown.may(row.action));
    BOOST_TEST(!unknown.whyNot(row.action).empty());
  }
}

BOOST_AUTO_TEST_CASE(the_reason_names_who_may) {
  const Permissions agent = Permissions::fromGroup(StaffGroup::Agent);
  BOOST_TEST(agent.whyNot(Action::ManageStaff) == "Only administrators manage staff.");
  BOOST_TEST(agent.whyNot(Action::ReadAudit) == "Only supervisors and administrators read the audit log.");
  // An agent records bank transfers but takes no cash: the payment dialog says so.
  BOOST_TEST(agent.whyNot(Action::TakeOfficePayment) ==
             "Only office sales staff and supervisors take cash and card payments.");
  BOOST_TEST(agent.whyNot(Action::SignContract) ==
             "Only office sales staff and supervisors sign home-internet contracts.");
}
