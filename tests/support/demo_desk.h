#pragma once
// A database cloned from the demo template with one staff login per desk group (agent,
// sales, supervisor) at the first office, sessions per group, and the account and customer
// of demo line 1. Tests derive from it and plant what they need on top.
#include <map>
#include <memory>
#include <string>

#include <soci/soci.h>

#include "test_database.h"

namespace subdesk::test {

struct DemoDesk {
  TestDatabase db{Template::Demo};
  std::unique_ptr<soci::session> admin = db.admin();
  std::map<std::string, std::unique_ptr<soci::session>> sessions;
  long long line = 1, account = 0, customer = 0;

  DemoDesk() {
    *admin << "SELECT l.account_id, a.customer_id FROM line l JOIN account a ON a.id = l.account_id WHERE l.id = 1",
        soci::into(account), soci::into(customer);
    long long office = 0;
    *admin << "SELECT min(id) FROM office", soci::into(office);
    for (const std::string group : {"agent", "sales", "supervisor"}) db.addStaff(group, group, office, "Test " + group);
  }
  std::string login(const std::string& group) const { return db.login(group); }
  soci::session& as(const std::string& group) {
    auto& s = sessions[group];
    if (!s) s = db.connectAs(group);
    return *s;
  }
  // A number or a text of the first row, as superuser (NULL: 0 or "").
  long long number(const std::string& query) {
    long long n = 0;
    soci::indicator ind = soci::i_ok;
    *admin << query, soci::into(n, ind);
    return ind == soci::i_null ? 0 : n;
  }
  std::string text(const std::string& query) {
    std::string s;
    soci::indicator ind = soci::i_ok;
    *admin << query, soci::into(s, ind);
    return ind == soci::i_null ? std::string() : s;
  }
};

}  // namespace subdesk::test
