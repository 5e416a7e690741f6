#include "core/util/i18n.h"

#include <mutex>
#include <shared_mutex>

namespace subdesk {
namespace {
std::shared_mutex g_mutex;
Translator g_translator;
PluralTranslator g_plural;
}  // namespace

void setTranslator(Translator t, PluralTranslator p) {
  std::unique_lock lock(g_mutex);
  g_translator = std::move(t);
  g_plural = std::move(p);
}

std::string tr(const char* msgid) {
  std::shared_lock lock(g_mutex);
  return g_translator ? g_translator(msgid) : std::string(msgid);
}

std::string trn(const char* singular, const char* plural, unsigned long n) {
  std::shared_lock lock(g_mutex);
  if (g_plural) return g_plural(singular, plural, n);
  return n == 1 ? singular : plural;
}

std::string format(std::string pattern, std::initializer_list<std::string> args) {
  std::size_t index = 0;
  for (const auto& arg : args) {
    const std::string key = "{" + std::to_string(index++) + "}";
    for (auto pos = pattern.find(key); pos != std::string::npos;
         pos = pattern.find(key, pos + arg.size())) {
      pattern.replace(pos, key.size(), arg);
    }
  }
  return pattern;
}

}  // namespace subdesk
