#include "core/demo/catalogue.h"

#include <array>

namespace subdesk::demo {

namespace {

// Prices are in line with Ukrainian operators' 2024 prepaid offers.
constexpr std::array kMobile = std::to_array<Tariff>({
    {"CLASSIC", false, "Класичний", "Classic", 0, 0, 0, 0, 0, 0, 0, 0, false, 8, 150, 100, 10},
    {"KIDS", false, "Дитячий", "Kids", 7500, 100, 100, 3072, 0, 0, 0, 0, true, 5, 150, 100, 10},
    {"CARE", false, "Турбота", "Care", 10000, 500, 50, 1024, 0, 0, 0, 0, true, 9, 150, 100, 10},
    {"LIGHT", false, "Легкий", "Light", 15000, 300, 50, 6144, 0, 0, 0, 0, true, 18, 150, 100, 5},
    {"SMART", false, "Смарт", "Smart", 22500, 1000, 100, 20480, 0, 0, 0, 0, true, 30, 150, 100, 5},
    {"SMART-PLUS", false, "Смарт Плюс", "Smart Plus", 30000, -1, 300, 40960, 0, 0, 0, 0, true, 20, 0, 100, 5},
    {"MAXIMUM", false, "Максимум", "Maximum", 45000, -1, -1, -1, 0, 0, 0, 0, true, 10, 0, 0, 0},
});
constexpr std::array kMobileWeights = [] {
  std::array<int, kMobile.size()> w{};
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = kMobile[i].weight;
  return w;
}();

constexpr std::array kHome = std::to_array<Tariff>({
    {"HOME-50", true, "Домашній 50", "Home 50", 12000, -1, -1, -1, 50, 300, 700, 2000, false, 5, 0, 0, 0},
    {"HOME-100", true, "Домашній 100", "Home 100", 18000, -1, -1, -1, 100, 500, 1000, 2500, true, 25, 0, 0,
     0},
    {"HOME-300", true, "Домашній 300", "Home 300", 22000, -1, -1, -1, 300, 500, 1000, 2500, true, 35, 0, 0,
     0},
    {"HOME-300-TV", true, "Домашній 300 + ТБ", "Home 300 + TV", 30000, -1, -1, -1, 300, 500, 1000, 2500, true,
     10, 0, 0, 0},
    {"HOME-500", true, "Домашній 500", "Home 500", 27000, -1, -1, -1, 500, 700, 1500, 3500, true, 15, 0, 0,
     0},
    {"HOME-1000", true, "Домашній Гігабіт", "Home Gigabit", 35000, -1, -1, -1, 1000, 1000, 2000, 5000, true,
     10, 0, 0, 0},
});
constexpr std::array kHomeWeights = [] {
  std::array<int, kHome.size()> w{};
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = kHome[i].weight;
  return w;
}();

// The mobile ones first (kMobileServiceCount), roaming Europe at kServiceRoamingEurope.
constexpr std::array kServices = std::to_array<Service>({
    {"ROAM-EUROPE", false, "Роумінг: Європа 3 ГБ", "Roaming: Europe 3 GB", 19900, "roaming"},
    {"ROAM-WORLD", false, "Роумінг: Світ 1 ГБ", "Roaming: World 1 GB", 29900, "roaming"},
    {"DATA-10", false, "Додаткові 10 ГБ", "Extra 10 GB", 5000, "extra_data"},
    {"DATA-30", false, "Додаткові 30 ГБ", "Extra 30 GB", 10000, "extra_data"},
    {"ANTISPAM", false, "Антиспам", "Spam filter", 1000, nullptr},
    {"RINGBACK", false, "Замість гудка", "Ringback tone", 1500, nullptr},
    {"HIDE-NUMBER", false, "Антивизначник", "Caller ID restriction", 2000, nullptr},
    {"STATIC-IP", true, "Статична IP-адреса", "Static IP address", 5000, nullptr},
    {"IPTV", true, "Телебачення, 150 каналів", "TV, 150 channels", 9900, nullptr},
});

constexpr std::array kPromotions = std::to_array<Promotion>({
    {"DOUBLE-DATA",
     "Подвійний інтернет",
     "Double data",
     75,
     120,
     {"SMART", "SMART-PLUS", nullptr},
     "Удвічі більше мобільного інтернету на тарифах «Смарт» і «Смарт Плюс».",
     "Twice the mobile data on the Smart and Smart Plus tariffs."},
    {"FAMILY",
     "Родинна знижка",
     "Family discount",
     700,
     -1,
     {nullptr, nullptr, nullptr},
     "Знижка 10% на абонплату для кожного номера родинної групи.",
     "10% off the monthly fee for every number of a family group."},
    {"HOME-WELCOME",
     "Перший місяць за 1 грн",
     "First month for 1 UAH",
     400,
     365,
     {"HOME-300", "HOME-500", "HOME-1000"},
     "Перший місяць домашнього інтернету за 1 грн при підключенні.",
     "The first month of home internet for 1 UAH on connection."},
});

}  // namespace

std::span<const Tariff> mobileTariffs() { return kMobile; }
std::span<const int> mobileTariffWeights() { return kMobileWeights; }
std::span<const Tariff> homeTariffs() { return kHome; }
std::span<const int> homeTariffWeights() { return kHomeWeights; }
std::span<const Service> services() { return kServices; }
std::span<const Promotion> promotions() { return kPromotions; }

}  // namespace subdesk::demo
