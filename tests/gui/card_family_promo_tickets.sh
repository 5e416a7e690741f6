#!/bin/bash
# GUI test of the card's issue-7 operations (promotions, feedback tickets, family
# profile) as a call-centre agent, by keyboard:
#   0. A tariff change scheduled beforehand is listed on the Current package tab and
#      cancelled there after a confirmation.
#   1. Ctrl+Shift+P: the promotions dialog lists what the line may join; a promotion that
#      stopped running meanwhile is refused with the reason in words; joining it once it
#      runs again lists it on the card's Current package tab.
#   2. Ctrl+Shift+K: a call is opened and a complaint recorded in it; the Overview lists
#      the open ticket; Answer sends the answer to the registered e-mail (outbox) and the
#      ticket leaves the card.
#   3. Ctrl+Shift+F: the owner is verified by the code word, the family group is created
#      with the card's account, another customer's account is added (a wrong code word
#      of that customer refused, then the right one); the owner's card lists the member's
#      balance, and the member's card names the group and its owner.
#
#   card_family_promo_tickets.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup family "" "$@"
login=gui_agent_$$
office=$(psql_super "$db" "SELECT code FROM office WHERE is_callcentre ORDER BY id LIMIT 1")
gui_staff "$login" "Оксана Тестова" agent "$office"

# Customers with one open mobile line on an active account, no home internet, in no
# family group and owning none. The owner's line may join at least one promotion now.
candidates="
  FROM line l JOIN account a ON a.id = l.account_id JOIN customer c ON c.id = a.customer_id
  WHERE l.status = 'active' AND a.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM account x WHERE x.customer_id = c.id
                    AND (x.kind = 'home' OR x.family_group_id IS NOT NULL))
    AND NOT EXISTS (SELECT 1 FROM family_group g WHERE g.owner_customer_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.customer_id = c.id AND t.status = 'open')
    AND (SELECT count(*) FROM line l2 JOIN account a2 ON a2.id = l2.account_id
         WHERE a2.customer_id = c.id AND l2.status <> 'closed') = 1"
IFS='|' read -r owner owner_account owner_line owner_msisdn owner_name < <(psql_super "$db" "
  SELECT c.id, a.number, l.id, l.msisdn, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, '')
  $candidates
    AND EXISTS (SELECT 1 FROM promotion_offers(l.id))
    AND NOT EXISTS (SELECT 1 FROM promotion_enrollment e WHERE e.line_id = l.id AND e.left_at IS NULL)
  ORDER BY l.id LIMIT 1")
[ -n "${owner_msisdn:-}" ] || fail "no suitable demo subscriber for the owner"
IFS='|' read -r member member_account member_msisdn member_balance member_name < <(psql_super "$db" "
  SELECT c.id, a.number, l.msisdn, a.balance, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, '')
  $candidates AND c.id <> $owner ORDER BY l.id DESC LIMIT 1")
[ -n "${member_msisdn:-}" ] || fail "no suitable demo subscriber for the member"
owner_email="owner.$$@example.com"
psql_super "$db" "UPDATE customer SET code_word_hash = crypt('sunflower', gen_salt('bf', 4)),
                  email = '$owner_email' WHERE id = $owner" >/dev/null
psql_super "$db" "UPDATE customer SET code_word_hash = crypt('viburnum', gen_salt('bf', 4)) WHERE id = $member" >/dev/null
# A tariff change of the owner's line scheduled for the next billing period (as the agent).
as_agent="$(echo "$SUBDESK_TEST_PG" | sed 's/user=[^ ]*//; s/password=[^ ]*//') dbname=$db user=$login password=$password"
new_tariff=$("$cli" --db "$as_agent" tariff "$owner_msisdn" | head -1 | cut -d' ' -f1)
[ -n "$new_tariff" ] || fail "no other tariff for $owner_msisdn"
"$cli" --db "$as_agent" tariff "$owner_msisdn" "$new_tariff" --next-period --yes >/dev/null \
  || fail "could not schedule a tariff change to $new_tariff"
change=$(psql_super "$db" "SELECT id FROM tariff_change WHERE line_id = $owner_line AND status = 'scheduled'")
[ -n "$change" ] || fail "no scheduled tariff change"
echo "owner: $owner_name, $owner_msisdn, account $owner_account; member: $member_name, $member_msisdn, account $member_account"

last() { grep "^$1: " "$out" | tail -1; }
last_is() { [ "$(last "$1")" = "$1: $2" ]; }
shot() { sleep 0.5; import -window root "$shots/card_family_$1.png"; }

cd "$work" || exit 1
start_desk
sign_in
wait_for 10 said "status: " || fail "the desk did not say who is signed in"

xdotool type --delay 20 "$(national_number "$owner_msisdn")"; xdotool key Return
wait_for 15 said "card: $owner_name $owner_msisdn" || fail "the card of $owner_name did not open"
wait_for 5 last_is card-promotions 0 || fail "the card lists promotions before any was joined: $(last card-promotions)"
wait_for 5 last_is card-tickets 0 || fail "the card lists open tickets before any: $(last card-tickets)"
wait_for 5 last_is card-family none || fail "the card shows a family before one was made: $(last card-family)"
wait_for 5 sh -c "grep '^card-tariff-changes: ' '$out' | tail -1 | grep -qF 'card-tariff-changes: 1: $owner_msisdn '" \
  || fail "the card does not list the scheduled tariff change: $(last card-tariff-changes)"
echo "ok: the card of $owner_name opened with no promotion, ticket or family"

# 1. Promotions. --------------------------------------------------------------------------
focus "$main"
xdotool key ctrl+shift+p
wait_for 10 said "dialog: promotions" || fail "Ctrl+Shift+P did not open the promotions dialog"
wait_for 10 said "promotions: joined [] offered [" || fail "the dialog did not list the offers"
code=$(last promotions | sed -n 's/.*offered \[\([^],]*\).*/\1/p')
[ -n "$code" ] || fail "no promotion offered: $(last promotions)"
focus_dialog "Promotions — subdesk"
shot 1_promotions
# The promotion stops running while the dialog is open: joining it is refused in words.
saved=$(psql_super "$db" "SELECT starts_on || '|' || coalesce(ends_on::text, '') FROM promotion WHERE code = '$code'")
psql_super "$db" "UPDATE promotion SET starts_on = current_date - 30, ends_on = current_date - 2 WHERE code = '$code'" >/dev/null
xdotool key Return
wait_for 10 said "error: This promotion is not running today." || fail "joining a promotion that ended was not refused in words"
shot 2_promotion_refused
[ "$(psql_super "$db" "SELECT count(*) FROM promotion_enrollment WHERE line_id = $owner_line")" = 0 ] \
  || fail "the refused join enrolled the line"
psql_super "$db" "UPDATE promotion SET starts_on = '${saved%%|*}', ends_on = NULLIF('${saved#*|}', '')::date WHERE code = '$code'" >/dev/null
xdotool key Return
wait_for 10 said "promotion-joined: $code" || fail "the promotion $code was not joined"
wait_for 10 said "promotions: joined [$code]" || fail "the dialog does not list $code as joined"
shot 3_promotion_joined
xdotool key Escape
wait_for 15 last_is card-promotions "1: $code" || fail "the card does not list $code: $(last card-promotions)"
[ "$(psql_super "$db" "SELECT count(*) FROM promotion_enrollment e JOIN promotion p ON p.id = e.promotion_id
                       WHERE e.line_id = $owner_line AND p.code = '$code' AND e.left_at IS NULL")" = 1 ] \
  || fail "the database does not hold one open enrolment in $code"
focus "$main"
xdotool key alt+3
wait_for 10 said "card-tab: Current package" || fail "Alt+3 did not show the Current package tab"
shot 4_card_package
echo "ok: promotion $code refused while ended, then joined and listed on the card"

# The scheduled tariff change is cancelled from the card, after a confirmation.
xdotool key alt+c
wait_for 10 said "confirm: Cancel the change of " || fail "Alt+C did not ask to confirm the cancellation"
sleep 0.5
shot 4b_cancel_confirm
xdotool key alt+c
wait_for 10 said "tariff-change-cancelled: $change" || fail "the tariff change $change was not cancelled"
wait_for 15 last_is card-tariff-changes 0 || fail "the card still lists a tariff change: $(last card-tariff-changes)"
[ "$(psql_super "$db" "SELECT status FROM tariff_change WHERE id = $change")" = cancelled ] \
  || fail "the change $change is not cancelled in the database"
echo "ok: the scheduled tariff change cancelled from the card"

# 2. Feedback tickets. --------------------------------------------------------------------
focus "$main"
xdotool key ctrl+shift+k
wait_for 10 said "dialog: ticket" || fail "Ctrl+Shift+K did not open the ticket dialog"
focus_dialog "New feedback ticket — subdesk"
xdotool type --delay 15 "Slow mobile internet every evening"
xdotool key Return
xdotool type --delay 15 "since last Monday, near the railway station"
shot 5_ticket
xdotool key alt+r
wait_for 10 said "ticket-opened: " || fail "the ticket was not recorded"
ticket=$(sed -n 's/^ticket-opened: \([0-9]*\) .*/\1/p' "$out" | head -1)
said "ticket-opened: $ticket " || fail "no ticket number"
row=$(psql_super "$db" "SELECT t.customer_id, t.status, t.subject LIKE '%: Slow mobile internet every evening',
                               t.body, i.staff_login = '$login' AND i.closed_at IS NULL
                        FROM ticket t JOIN interaction i ON i.id = t.interaction_id WHERE t.id = $ticket")
[ "$row" = "$owner|open|t|Slow mobile internet every evening
since last Monday, near the railway station|t" ] || fail "the ticket is not as expected: '$row'"
wait_for 15 said "card-tickets: 1: #$ticket " || fail "the card does not list ticket $ticket: $(last card-tickets)"
focus "$main"
xdotool key alt+1
wait_for 10 said "card-tab: Overview" || fail "Alt+1 did not show the Overview"
shot 6_card_ticket_open
echo "ok: ticket $ticket recorded in the open call and listed on the card"

focus "$main"
xdotool key alt+n
wait_for 10 said "dialog: ticket-answer" || fail "Alt+N did not open the answer dialog"
wait_for 10 said "ticket: $ticket open" || fail "the answer dialog did not load ticket $ticket"
focus_dialog "Answer a ticket — subdesk"
xdotool type --delay 15 "We have added capacity near the station. Thank you for telling us."
shot 7_ticket_answer
xdotool key alt+s
wait_for 10 said "ticket-answered: $ticket outbox " || fail "the answer was not sent"
wait_for 15 last_is card-tickets 0 || fail "the answered ticket is still on the card: $(last card-tickets)"
row=$(psql_super "$db" "SELECT t.status, o.channel, o.recipient, o.body
                        FROM ticket t JOIN outbox o ON o.id = t.answer_outbox_id WHERE t.id = $ticket")
[ "$row" = "answered|email|$owner_email|We have added capacity near the station. Thank you for telling us." ] \
  || fail "the answer is not queued to $owner_email: '$row'"
shot 8_card_ticket_answered
echo "ok: ticket $ticket answered by e-mail to $owner_email and gone from the card"

# 3. Family profile. ----------------------------------------------------------------------
focus "$main"
xdotool key ctrl+shift+f
wait_for 10 said "dialog: family" || fail "Ctrl+Shift+F did not open the family dialog"
wait_for 10 said "family: none" || fail "the dialog does not say there is no family yet"
wait_for 10 said "family-verified: no" || fail "the dialog did not read that the caller is not verified"
focus_dialog "Family profile — subdesk"
xdotool key alt+v
wait_for 10 said "dialog: Verify the caller" || fail "Alt+V did not open the verify dialog"
focus_dialog "Verify the caller"
xdotool type --delay 20 "sunflower"; xdotool key Return
wait_for 10 said "verified: yes" || fail "the owner's code word was not accepted"
wait_for 10 said "family-verified: yes" || fail "the family dialog does not show the owner verified"
focus_dialog "Family profile — subdesk"
xdotool type --delay 20 "Test family"
xdotool key Return
wait_for 10 said "family-created: Test family" || fail "the family group was not created"
wait_for 10 said "family: Test family [$owner_account]" || fail "the new group does not hold the owner's account"
xdotool type --delay 20 "$(national_number "$member_msisdn")"
xdotool key Tab
xdotool type --delay 20 "wrongword"
xdotool key Return
wait_for 10 said "error: The member's code word is wrong: nothing was changed." || fail "a wrong member code word was not refused"
[ -z "$(psql_super "$db" "SELECT family_group_id FROM account WHERE number = '$member_account'")" ] \
  || fail "the member's account joined with a wrong code word"
xdotool key ctrl+a
xdotool type --delay 20 "viburnum"
xdotool key Return
wait_for 10 said "family-added: " || fail "the member's account was not added"
wait_for 10 said "family: Test family [$owner_account,$member_account]" || fail "the dialog does not list the member"
shot 9_family_dialog
xdotool key Escape
expected="$member_account $(money_en "$member_balance")"
wait_for 15 sh -c "grep '^card-family: ' '$out' | tail -1 | grep -qF -- '$expected'" \
  || fail "the owner's card does not list the member's balance ($expected): $(last card-family)"
last card-family | grep -qF "card-family: Test family, owner $owner_name | $owner_account " \
  || fail "the owner's card does not show the group: $(last card-family)"
focus "$main"
xdotool key alt+1
shot 10_card_family_owner
row=$(psql_super "$db" "SELECT g.owner_customer_id, g.name, count(a.id), count(a.id) FILTER (WHERE a.number = '$member_account')
                        FROM family_group g JOIN account a ON a.family_group_id = g.id
                        WHERE g.owner_customer_id = $owner GROUP BY g.id")
[ "$row" = "$owner|Test family|2|1" ] || fail "the family group is not as expected: '$row'"
# The member's consent: a call with that customer verified by the code word, closed again.
[ "$(psql_super "$db" "SELECT count(*) FROM interaction WHERE customer_id = $member AND staff_login = '$login'
                       AND verified_by = 'code_word' AND closed_at IS NOT NULL")" = 1 ] \
  || fail "no closed, verified call with the member's customer"
echo "ok: family created, member added with their code word, the owner's card lists the member's balance"

# The member's card names the group and its owner, without the owner's money.
focus "$main"
xdotool key ctrl+f
sleep 0.3
xdotool type --delay 20 "$(national_number "$member_msisdn")"; xdotool key Return
wait_for 15 said "card: $member_name $member_msisdn" || fail "the member's card did not open"
wait_for 10 sh -c "grep '^card-family: ' '$out' | tail -1 | grep -qF -- 'card-family: Test family, owner $owner_name | $owner_account - | $member_account '" \
  || fail "the member's card does not show the family and its owner: $(last card-family)"
shot 11_card_family_member
echo "ok: the member's card names the family and its owner"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: promotion joined (and refused while ended), ticket opened and answered, family created with a member"
