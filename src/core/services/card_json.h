#pragma once
// The JSON of `subdesk-cli find --json` and `subdesk-cli card --json` (documented in
// README.md), built here so that the CLI, its tests and any other consumer print exactly
// the same document. Field names are stable: fields are only ever added.
#include <string>

#include <Poco/JSON/Object.h>

#include "core/services/card_tabs.h"
#include "core/services/subscriber_lookup.h"

namespace subdesk::services {

Poco::JSON::Object::Ptr lookupToJson(const std::string& query, const LookupResult& result);
Poco::JSON::Object::Ptr cardToJson(const CardData& card);

}  // namespace subdesk::services
