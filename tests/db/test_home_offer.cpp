// The tariff of one home-internet login as an agent reads it (the desk's turbo dialog).
#define BOOST_TEST_MODULE home_offer
#include <boost/test/unit_test.hpp>

#include "core/services/home_offer.h"
#include "home_fixture.h"

using subdesk::services::homeTariffOf;
using subdesk::test::HomeFixture;
using subdesk::test::RequireServer;
BOOST_TEST_GLOBAL_FIXTURE(RequireServer);

BOOST_FIXTURE_TEST_CASE(an_agent_reads_the_tariff_and_turbo_prices_of_a_login, HomeFixture) {
  const auto signed_ = signForOlena();
  const auto t = homeTariffOf(as("agent1"), signed_.homeInternetId);
  BOOST_TEST_REQUIRE(t.has_value());
  BOOST_TEST(t->code == "home100");
  BOOST_TEST(t->nameEn == "Home 100");
  BOOST_TEST(t->speedMbps == 100);
  BOOST_TEST(t->monthlyFee == 20000);
  BOOST_TEST(t->turbo1h.value_or(0) == 500);
  BOOST_TEST(t->turbo3h.value_or(0) == 1200);
  BOOST_TEST(t->turbo24h.value_or(0) == 3000);
  BOOST_TEST(!homeTariffOf(as("agent1"), signed_.homeInternetId + 1000).has_value());
}
