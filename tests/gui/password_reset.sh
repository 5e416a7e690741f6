#!/bin/bash
# GUI test of a call-centre agent resetting a self-care password: the card of a demo
# subscriber, F8 before the caller is verified is refused with the reason, F7 verifies the
# caller by the code word (a call is opened for it), F8 sends a code ("Sent at .., valid
# until .."), Resend twice more, then Resend is disabled by the 3-per-hour limit; the SIM
# restore (F9) is not the agent's; Ctrl+F7 closes the call with a wrap-up note.
#
#   password_reset.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup reset "" "$@"
login=gui_agent_$$
office=$(psql_super "$db" "SELECT code FROM office WHERE is_callcentre ORDER BY id LIMIT 1")
gui_staff "$login" "Оксана Тестова" agent "$office"
IFS='|' read -r msisdn name customer < <(psql_super "$db" "
  SELECT l.msisdn, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, ''), c.id
  FROM line l JOIN account a ON a.id = l.account_id JOIN customer c ON c.id = a.customer_id
  WHERE l.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM account h WHERE h.customer_id = c.id AND h.kind = 'home')
    AND (SELECT count(*) FROM line l2 JOIN account a2 ON a2.id = l2.account_id
         WHERE a2.customer_id = c.id AND l2.status <> 'closed') = 1
  ORDER BY l.id LIMIT 1")
[ -n "$msisdn" ] || fail "no suitable demo subscriber"
# The code word the caller will say (the demo data keeps only hashes).
psql_super "$db" "UPDATE customer SET code_word_hash = crypt('sunflower', gen_salt('bf', 4)) WHERE id = $customer" >/dev/null
national=$(national_number "$msisdn")
echo "subscriber: $name, $msisdn"

cd "$work" || exit 1
start_desk
sign_in
xdotool type --delay 20 "$national"; xdotool key Return
wait_for 15 said "card: $name $msisdn" || fail "the card of $name did not open"
wait_for 10 said "interaction-state: No interaction with this customer is open" || fail "the card shows no interaction state"

# The SIM restore is office work: F9 opens nothing for an agent.
xdotool key F9
sleep 1
said "sim-wizard-step" && fail "F9 opened the SIM restore wizard for an agent"

# Not verified yet: the reset is refused with the reason, nothing is sent.
xdotool key F8
wait_for 10 said "dialog: Reset the self-care password" || fail "F8 did not open the password reset dialog"
wait_for 10 said "password-reset: No code was sent to this number yet." || fail "the dialog did not read the code state"
focus_dialog "Reset the self-care password"
xdotool key alt+s
wait_for 10 said "error: Verify the caller first" || fail "an unverified reset was not refused with the reason"
shot 1_refused
xdotool key Escape
sleep 0.5

# F7: a call is opened and the caller verified by the code word (case does not matter).
xdotool key F7
wait_for 10 said "dialog: Verify the caller" || fail "F7 did not open the verify dialog"
focus_dialog "Verify the caller"
xdotool type --delay 20 "SunFlower"
shot 2_verify
xdotool key Return
wait_for 10 said "verified: yes" || fail "the code word was not accepted"
wait_for 10 said "interaction-state: Call since" || fail "the strip does not show the call"
wait_for 10 said "Caller verified by the code word" || fail "the strip does not show the verification"
shot 3_verified

# F8: send, resend, resend; then the hourly limit disables Resend.
xdotool key F8
wait_for 10 said_times "dialog: Reset the self-care password" 2 || fail "F8 did not open the dialog again"
wait_for 10 said_times "password-reset: No code was sent to this number yet." 2 || fail "no state read"
focus_dialog "Reset the self-care password"
xdotool key alt+s
wait_for 10 said "Codes sent to this number in the last hour: 1 of 3." || fail "the first code was not sent"
wait_for 5 said "| resend allowed" || fail "Resend is not offered after the first code"
xdotool key alt+r
wait_for 10 said "Codes sent to this number in the last hour: 2 of 3." || fail "the second code was not sent"
xdotool key alt+r
wait_for 10 said "Three codes were sent in the last hour: the next may be sent at" || fail "the limit was not shown"
grep -F "password-reset: Sent at" "$out" | tail -1 | grep -q "valid until" || fail "no 'sent at, valid until'"
grep -F "password-reset: " "$out" | tail -1 | grep -q "resend disabled" || fail "Resend is still enabled after three codes"
shot 4_limit
xdotool key Escape
sleep 0.5
sent=$(psql_super "$db" "SELECT count(*) FROM outbox o JOIN line l ON l.msisdn = o.recipient WHERE l.msisdn = '$msisdn' AND o.channel = 'sms'")
[ "$sent" = 3 ] || fail "expected three SMS to $msisdn, found $sent"

# Ctrl+F7 closes the call with a wrap-up note.
xdotool key ctrl+F7
wait_for 10 said "dialog: Close the interaction" || fail "Ctrl+F7 did not ask for the wrap-up note"
focus_dialog "Close the interaction"
xdotool type --delay 10 "Password reset codes sent"
shot 5_close
xdotool key alt+l
wait_for 10 said "interaction-closed: " || fail "the interaction was not closed"
wait_for 10 said_times "interaction-state: No interaction with this customer is open" 2 || fail "the strip still shows the call"
closed=$(psql_super "$db" "SELECT count(*) FROM interaction WHERE staff_login = '$login' AND channel = 'call'
  AND verified_by = 'code_word' AND closed_at IS NOT NULL AND wrap_up = 'Password reset codes sent'")
[ "$closed" = 1 ] || fail "expected the verified call closed with the note, found $closed"
shot 6_closed

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: verify by code word, password reset with its hourly limit, close with a note"
