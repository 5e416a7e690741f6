// The card-number detector of the desk's fields (and, as card_number_suspect(), of the
// database): refuses full card numbers however they are typed, and nothing else that
// people type at the desk (RRNs, phone numbers, account numbers, amounts, dates).
#define BOOST_TEST_MODULE card_number
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/domain/card_number.h"

using subdesk::containsCardNumber;

BOOST_AUTO_TEST_CASE(refuses_card_numbers_however_typed) {
  for (const std::string text : {
           "4111111111111111",                     // Visa test card, plain
           "4111 1111 1111 1111",                  // grouped by spaces
           "4111-1111-1111-1111",                  // grouped by dashes
           "5500 0000 0000 0004",                  // Mastercard
           "378282246310005",                      // Amex, 15 digits
           "3782 822463 10005",                    // Amex as printed
           "4222222222222",                        // 13 digits
           "6011000990139424",                     // Discover
           "6759 6498 2643 8453 3",                // 17 digits, Luhn valid
           "6759649826438453003",                  // 19 digits, Luhn valid
           "paid by card 4111 1111 1111 1111 ok",  // inside a sentence
           "RRN 123456789012, card 5500-0000-0000-0004",
           "123456789012 4111 1111 1111 1111",     // typed right after an RRN
           "4111 1111 1111 1111 2024-05-14",       // right before a date
       }) {
    BOOST_TEST(containsCardNumber(text), text);
  }
}

BOOST_AUTO_TEST_CASE(does_not_refuse_rrns_phones_and_other_numbers) {
  for (const std::string text : {
           "123456789012",           // an RRN: 12 digits
           "4012 3456 7890",         // an RRN typed in groups
           "+380671234567",          // E.164
           "+380 67 123 45 67",      // international, spaced
           "067 123-45-67",          // national
           "(067) 123-45-67",
           "100000017",              // account number
           "4111",                   // the last four digits
           "4111 1111 1111 1112",    // 16 digits, wrong check digit
           "1 234,56 грн",           // an amount
           "2024-05-14 14:02",       // a moment
       }) {
    BOOST_TEST(!containsCardNumber(text), text);
  }
  BOOST_TEST(!containsCardNumber(""));
  BOOST_TEST(!containsCardNumber("Олена Коваленко, вул. Хрещатик, 1, кв. 15"));
}

BOOST_AUTO_TEST_CASE(twenty_digit_runs_and_separated_groups) {
  // A 20-digit ICCID with its Luhn digit is longer than any card: not refused.
  BOOST_TEST(!containsCardNumber("89380010000000000107"));
  // Two phone numbers separated by a comma are two runs, not one long number.
  BOOST_TEST(!containsCardNumber("0671234567, 0501112233"));
}
