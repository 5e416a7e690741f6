#pragma once
// Finds a payment card number in text a person typed, so that it is refused before it
// is stored, sent or logged (issue 7: only the last four digits of a card may be kept).
// A card number here is a run of 13-19 digits, single spaces or dashes allowed between
// them, whose Luhn check digit is right: "4111 1111 1111 1111", "5500-0000-0000-0004".
// A terminal's RRN (12 digits), phone numbers ("+380 67 123 45 67") and account numbers
// are shorter and never match. The database runs the same rule (card_number_suspect(),
// migration 0024) on the free-text columns the desk writes.
#include <string>
#include <string_view>

namespace subdesk {

// True when `text` holds what looks like a full card number.
bool containsCardNumber(std::string_view text);

// The translated sentence a field shows when it refuses a card number.
std::string cardNumberRefusal();

}  // namespace subdesk
