#pragma once
// The core is translatable without depending on wx: it calls subdesk::tr(), and the
// program points the hook at its catalogue (the desk at wxGetTranslation, the CLI at
// gettext). xgettext keywords: tr, trn:1,2, trc:1c,2.
#include <functional>
#include <string>

namespace subdesk {

using Translator = std::function<std::string(const char* msgid)>;
using PluralTranslator =
    std::function<std::string(const char* singular, const char* plural, unsigned long n)>;

void setTranslator(Translator t, PluralTranslator p = {});

// Translates a source (English) message; the identity until a translator is set.
std::string tr(const char* msgid);
std::string trn(const char* singular, const char* plural, unsigned long n);

// Replaces {0}, {1}, ... in a translated pattern (order-independent for translators).
std::string format(std::string pattern, std::initializer_list<std::string> args);

}  // namespace subdesk
