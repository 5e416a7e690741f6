// Customers and family groups: Ukrainian names with patronymics matching the gender,
// documents, taxpayer numbers consistent with the birth date and gender, addresses and
// e-mail addresses in the national transliteration.
#include "core/demo/person.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/demo/calendar.h"
#include "core/demo/copy_writer.h"
#include "core/demo/generation.h"
#include "core/demo/names.h"
#include "core/util/i18n.h"

namespace subdesk::demo {

Household householdOf(const Context& ctx, std::int64_t root) {
  Rng rng(ctx.options.seed, Stream::Household, static_cast<std::uint64_t>(root));
  Household h;
  h.surname = static_cast<int>(rng.weighted(surnameWeights()));
  h.city = static_cast<int>(rng.weighted(cityWeights()));
  const City& city = cities()[static_cast<std::size_t>(h.city)];
  h.street = rng.chance(0.35) ? city.streets[rng.below(2)] : rng.pick(commonStreets());
  h.house = static_cast<int>(rng.between(1, 150));
  h.houseLetter = rng.chance(0.05);
  h.flat = rng.chance(0.7) ? static_cast<int>(rng.between(1, 240)) : -1;
  h.foreign = rng.chance(0.01);
  h.foreignName = static_cast<int>(rng.below(foreignNames().size()));
  return h;
}

std::string addressOf(const Household& h) {
  std::string out = "м. ";
  out += cities()[static_cast<std::size_t>(h.city)].name;
  out += ", ";
  out += h.street;
  out += ", " + std::to_string(h.house);
  if (h.houseLetter) out += "-А";
  if (h.flat > 0) out += ", кв. " + std::to_string(h.flat);
  return out;
}

namespace {

struct Person {
  std::string last, first, patronymic;
  bool female = false;
  bool foreign = false;
};

Person nameOf(std::int64_t i, const Household& h, bool inFamily, Rng& rng) {
  if (i == 0) return {"Коваленко", "Олена", "Петрівна", true, false};
  if (i == 1) return {"Мар’яненко", "Мар’яна", "Андріївна", true, false};
  if (h.foreign && !inFamily) {
    const ForeignName& f = foreignNames()[static_cast<std::size_t>(h.foreignName)];
    return {f.last, f.first, "", f.female, true};
  }
  Person p;
  p.female = rng.chance(0.53);
  const Surname& s = surnames()[static_cast<std::size_t>(h.surname)];
  p.last = p.female ? s.female : s.male;
  p.first = p.female ? rng.pick(femaleNames()) : rng.pick(maleNames()).name;
  const MaleName& father = rng.pick(maleNames());
  if (!rng.chance(0.02)) p.patronymic = p.female ? father.daughterOf : father.sonOf;
  return p;
}

std::string emailOf(const Person& p, std::int64_t birthDay, Rng& rng) {
  const std::string first = transliterate(p.first);
  const std::string last = transliterate(p.last);
  const auto year = static_cast<unsigned>(civilFromDays(birthDay).year);
  std::string local;
  switch (rng.below(5)) {
    case 0:
      local = first + "." + last;
      break;
    case 1:
      local = last + "." + first;
      break;
    case 2:
      local = first + "." + last + std::to_string(year % 100 / 10) + std::to_string(year % 10);
      break;
    case 3:
      local = first.substr(0, 1) + last + std::to_string(rng.between(1, 999));
      break;
    default:
      local = last + "_" + first + std::to_string(year);
      break;
  }
  return local + "@" + emailDomains()[rng.weighted(emailDomainWeights())];
}

}  // namespace

CustomerRecord customerOf(const Context& ctx, std::int64_t i) {
  static const std::int64_t born1950 = daysFromCivil(1950, 1, 1);
  static const std::int64_t born2006 = daysFromCivil(2006, 12, 31);
  static const std::int64_t born1999 = daysFromCivil(1999, 1, 1);
  const Model& m = ctx.model;
  const CustomerM& c = m.customers[static_cast<std::size_t>(i)];
  Rng rng(ctx.options.seed, Stream::Person, static_cast<std::uint64_t>(i));
  const std::int64_t root = c.family >= 0 ? m.families[static_cast<std::size_t>(c.family)].owner : i;
  const Household h = householdOf(ctx, root);
  const Person p = nameOf(i, h, c.family >= 0, rng);
  CustomerRecord r;
  r.last = p.last;
  r.first = p.first;
  r.patronymic = p.patronymic;
  r.female = p.female;
  r.foreign = p.foreign;
  // Of age (16) when the first contract was signed.
  r.birth = rng.between(born1950, std::min<std::int64_t>(born2006, c.since - 16 * 365 - 4));
  if (p.foreign) {  // a residence permit: an ID card's nine digits
    r.docKind = "residence_permit";
    r.docNumber = std::to_string(rng.between(100'000'000, 999'999'999));
  } else if (rng.chance(0.02)) {
    r.docKind = nullptr;
  } else if (r.birth >= born1999 || rng.chance(0.4)) {
    r.docKind = "id_card";
    r.docNumber = std::to_string(rng.between(100'000'000, 999'999'999));
  } else if (rng.chance(0.03)) {  // travel passport: two Latin letters
    r.docKind = "foreign_passport";
    r.docNumber = {static_cast<char>(rng.chance(0.5) ? 'F' : 'E'), static_cast<char>('A' + rng.below(26))};
    r.docNumber += std::to_string(rng.between(100'000, 999'999));
  } else {  // an old passport book: two Cyrillic letters and six digits, "КВ123456"
    r.docKind = "passport";
    r.docNumber = std::string(rng.pick(passportLetters())) + rng.pick(passportLetters()) +
                  std::to_string(rng.between(100'000, 999'999));
  }
  if (!p.foreign && !rng.chance(0.05)) r.taxNumber = toString(taxNumber(r.birth, r.female, rng));
  r.address = addressOf(h);
  const bool hasEmail = p.foreign || rng.chance(0.5);
  if (hasEmail) r.email = emailOf(p, r.birth, rng);
  if (rng.chance(0.08)) {  // a landline of the city as the contact phone
    const char* area = cities()[static_cast<std::size_t>(h.city)].areaCode;
    std::int64_t limit = 1;
    for (std::size_t k = std::strlen(area); k < 9; ++k) limit *= 10;
    r.phone = std::string("+380") + area + std::to_string(rng.between(limit / 10 * 2, limit - 1));
  }
  r.language = p.foreign || (rng.chance(0.01) && i >= 2) ? "en" : "uk";
  r.notifySms = rng.chance(0.9);
  r.notifyEmail = hasEmail && rng.chance(0.4);
  r.created = openingTime(c.since, i);
  r.updated = rng.chance(0.2) ? rng.between(r.created, ctx.now) : r.created;
  return r;
}

void writeCustomers(Context& ctx) {
  const auto total = static_cast<long>(ctx.model.customers.size());
  CopyWriter copy(ctx.conn, "customer",
                  "id, last_name, first_name, patronymic, birth_date, doc_kind, doc_number, "
                  "tax_number, address, email, contact_phone, language, notify_sms, notify_email, "
                  "created_at, updated_at");
  auto textOrNull = [&](const std::string& v) -> CopyWriter& {
    return v.empty() ? copy.null() : copy.text(v);
  };
  for (long i = 0; i < total; ++i) {
    const CustomerRecord r = customerOf(ctx, i);
    copy.integer(ctx.base.customer + i + 1).text(r.last).text(r.first);
    textOrNull(r.patronymic).date(r.birth);
    if (r.docKind)
      copy.raw(r.docKind).text(r.docNumber);
    else
      copy.null().null();
    textOrNull(r.taxNumber).text(r.address);
    textOrNull(r.email);
    textOrNull(r.phone).raw(r.language).boolean(r.notifySms).boolean(r.notifyEmail);
    copy.timestamp(r.created).timestamp(r.updated);
    copy.endRow();
    if ((i & 0x3FFF) == 0) ctx.report(tr("customers"), i, total);
  }
  ctx.count("customer", copy.finish());
  ctx.report(tr("customers"), total, total);
}

void writeFamilies(Context& ctx) {
  const Model& m = ctx.model;
  CopyWriter copy(ctx.conn, "family_group", "id, name, owner_customer_id, created_at");
  for (std::size_t g = 0; g < m.families.size(); ++g) {
    const FamilyM& f = m.families[g];
    const Household h = householdOf(ctx, f.owner);
    copy.integer(ctx.base.family + static_cast<std::int64_t>(g) + 1)
        .text(std::string("Родина ") + surnames()[static_cast<std::size_t>(h.surname)].male)
        .integer(ctx.base.customer + f.owner + 1)
        .timestamp(openingTime(f.created, static_cast<std::int64_t>(g)));
    copy.endRow();
  }
  ctx.count("family_group", copy.finish());
  ctx.report(tr("family groups"), static_cast<long>(m.families.size()), static_cast<long>(m.families.size()));
}

}  // namespace subdesk::demo
