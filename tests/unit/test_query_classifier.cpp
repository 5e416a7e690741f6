#define BOOST_TEST_MODULE query_classifier
#include <boost/test/unit_test.hpp>

#include "core/services/subscriber_lookup.h"

using subdesk::services::QueryKind;
using subdesk::services::SubscriberLookup;

BOOST_AUTO_TEST_CASE(recognises_what_was_typed) {
  const struct {
    std::string query;
    QueryKind kind;
  } cases[] = {
      {"067 123 45 67", QueryKind::Msisdn},
      {"+380671234567", QueryKind::Msisdn},
      {"(067) 123-45-67", QueryKind::Msisdn},
      {"100000009", QueryKind::Account},
      {"Коваленко", QueryKind::Name},
      {"Мар’яна Коваль", QueryKind::Name},
      {"'; DROP TABLE customer; --", QueryKind::Name},
      {"", QueryKind::Empty},
      {"   ", QueryKind::Empty},
      {"100000008", QueryKind::Empty},  // a wrong check digit is neither account nor name
      {std::string(10000, '7'), QueryKind::Empty},
  };
  for (const auto& c : cases) {
    BOOST_TEST_INFO(c.query.substr(0, 40));
    BOOST_TEST(static_cast<int>(SubscriberLookup::classify(c.query)) == static_cast<int>(c.kind));
  }
}
