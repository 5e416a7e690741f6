#define BOOST_TEST_MODULE settings
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>

#include "core/config/settings.h"

using subdesk::config::Settings;

BOOST_AUTO_TEST_CASE(reads_every_server_profile_and_the_language) {
  const std::string path = "settings_test.ini";
  {
    std::ofstream out(path);
    out << "[server]\nconninfo = host=db.example.net dbname=subdesk\nreplica = host=replica\n\n"
           "[server.training]\nconninfo = host=training dbname=subdesk\n\n[ui]\nlanguage = en\n";
  }
  auto s = Settings::load(path);
  auto profiles = s.profiles();
  BOOST_TEST_REQUIRE(profiles.size() == 2u);
  BOOST_TEST(profiles[0].name == "default");
  BOOST_TEST(profiles[0].replica == "host=replica");
  BOOST_TEST(s.profile("training")->conninfo == "host=training dbname=subdesk");
  BOOST_TEST(s.language() == "en");
  s.setLanguage("uk");
  s.save(path);
  auto again = Settings::load(path);
  BOOST_TEST(again.language() == "uk");
  BOOST_TEST(again.profiles().size() == 2u);
  std::remove(path.c_str());
}

BOOST_AUTO_TEST_CASE(a_missing_file_gives_the_defaults) {
  auto s = Settings::load("/nonexistent/subdesk.ini");
  BOOST_TEST(s.language() == "uk");
  BOOST_TEST(s.profiles().size() == 1u);
}
