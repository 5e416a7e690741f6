#pragma once
// What a family shares: the surname and the address. Drawn from Stream::Household of the
// family's first customer (or of a customer who is in no family), so that the model (which
// needs the city, to pick the nearest office) and the customer stage agree.
#include <cstdint>
#include <string>

namespace subdesk::demo {

struct Context;

struct Household {
  int surname = 0;  // index into surnames()
  int city = 0;     // index into cities()
  const char* street = "";
  int house = 1;
  bool houseLetter = false;  // "12-А"
  int flat = -1;             // -1: a house, no flat
  bool foreign = false;      // a foreign national (only outside family groups)
  int foreignName = 0;       // index into foreignNames()
};

Household householdOf(const Context& ctx, std::int64_t root);

// Everything a customer row holds, from Stream::Person of customer i.
struct CustomerRecord {
  std::string last, first, patronymic;  // patronymic empty: NULL
  bool female = false;
  bool foreign = false;
  std::int64_t birth = 0;             // day
  const char* docKind = nullptr;      // nullptr: no document on file
  std::string docNumber, taxNumber;   // taxNumber empty: NULL
  std::string address, email, phone;  // email, phone empty: NULL
  const char* language = "uk";
  bool notifySms = true, notifyEmail = false;
  std::int64_t created = 0, updated = 0;
};
CustomerRecord customerOf(const Context& ctx, std::int64_t i);
// "м. Київ, вул. Хрещатик, 22, кв. 15"
std::string addressOf(const Household& h);

}  // namespace subdesk::demo
