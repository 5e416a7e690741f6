#pragma once
// Word lists for realistic Ukrainian demo data, in Ukrainian spelling with the typographic
// apostrophe (’, U+2019) where the language has one, and the national transliteration
// (Cabinet of Ministers resolution No 55 of 2010) for e-mail addresses.
#include <span>
#include <string>
#include <string_view>

namespace subdesk::demo {

struct Surname {
  const char* male;
  const char* female;  // the same as male for the many surnames that do not change
};

struct MaleName {
  const char* name;
  const char* sonOf;       // patronymic of his son: Олександрович
  const char* daughterOf;  // patronymic of his daughter: Олександрівна
};

struct ForeignName {
  const char* last;
  const char* first;
  bool female;
};

struct City {
  const char* name;        // "Київ"
  const char* areaCode;    // landline code after +380: "44"
  int weight;              // share of customers
  int office;              // index of the nearest sales office in offices()
  const char* streets[2];  // streets of this city, besides the common ones
};

struct OfficeInfo {
  const char* code;
  const char* nameUk;
  const char* nameEn;
  const char* city;
  const char* address;
  bool callCentre;
};

std::span<const Surname> surnames();
std::span<const int> surnameWeights();  // parallel to surnames(): common ones more often
std::span<const MaleName> maleNames();
std::span<const char* const> femaleNames();
std::span<const ForeignName> foreignNames();
std::span<const City> cities();
std::span<const int> cityWeights();
std::span<const char* const> commonStreets();
std::span<const OfficeInfo> offices();  // the call centre last
std::span<const char* const> deviceModels();
std::span<const char* const> emailDomains();
std::span<const int> emailDomainWeights();
// Upper-case Cyrillic letters used in the series of old passport books.
std::span<const char* const> passportLetters();
// Ukrainian names of the months in the nominative ("березень"), index 0 = January.
const char* monthName(unsigned month);

// Lower-case Latin transliteration for an e-mail address: "Мар’яна" -> "mariana",
// "Юлія" -> "yuliia", "Згурський" -> "zghurskyi". Characters outside Ukrainian Cyrillic and
// ASCII letters and digits are dropped.
std::string transliterate(std::string_view utf8);

}  // namespace subdesk::demo
