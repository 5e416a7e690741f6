#pragma once
// The two languages the desk speaks; Ukrainian is the default of the UI, English is the
// source language of every message.

namespace subdesk {

enum class Language { Uk, En };

}  // namespace subdesk
