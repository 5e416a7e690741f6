#!/bin/bash
# GUI test of finding the caller: type a demo subscriber's number, Enter, the card shows
# that subscriber; every tab is reached by keyboard; `subdesk --caller` with another
# notation of the number pops the same card and opens an interaction with the caller.
#
#   card_lookup.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup card "" "$@"
login=gui_agent_$$
office=$(psql_super "$db" "SELECT code FROM office WHERE is_callcentre ORDER BY id LIMIT 1")
gui_staff "$login" "Оксана Тестова" agent "$office"
# A subscriber with one open mobile line and no home internet.
read -r msisdn name < <(psql_super "$db" "
  SELECT l.msisdn, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, '')
  FROM line l JOIN account a ON a.id = l.account_id JOIN customer c ON c.id = a.customer_id
  WHERE l.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM account h WHERE h.customer_id = c.id AND h.kind = 'home')
    AND (SELECT count(*) FROM line l2 JOIN account a2 ON a2.id = l2.account_id
         WHERE a2.customer_id = c.id AND l2.status <> 'closed') = 1
  ORDER BY l.id LIMIT 1" | tr '|' ' ')
[ -n "$msisdn" ] || fail "no suitable demo subscriber"
digits=${msisdn#+380}                                   # 671234567
national=$(national_number "$msisdn")                  # 067 123 45 67
spaced="380 ${digits:0:2} ${digits:2:3} ${digits:5:2} ${digits:7:2}"  # 380 67 123 45 67
echo "subscriber: $name, $msisdn"

start_desk
sign_in

# 1. The search box has the focus: type the number as people say it, Enter.
xdotool type --delay 20 "$national"; xdotool key Return
wait_for 15 said_times "card: $name $msisdn" 1 || fail "the card of $name did not open for '$national'"
echo "ok: '$national' opened the card of $name"

# 2. Every tab by keyboard (Alt+1 ... Alt+7; no home internet here, so no Alt+6).
focus "$main"
for t in "2 Balance" "3 Current package" "4 Expenses" "5 Profile" "7 Timeline" "1 Overview"; do
  key=${t%% *} title=${t#* }
  xdotool key "alt+$key"
  wait_for 10 said_times "card-tab: $title" 1 || fail "Alt+$key did not show the $title tab"
  [ "$title" = "Balance" ] && import -window root "$shots/card_balance.png"
done
import -window root "$shots/card_overview.png"
echo "ok: every tab reached by keyboard"

# 3. Screen pop: the telephony runs another subdesk with the number in another notation;
#    it hands the call over and ends; the running desk opens an interaction and the card.
xdotool key ctrl+w
"$subdesk" --caller "$spaced" >"$work/second.out" 2>&1
rc=$?
[ $rc -eq 0 ] || fail "the second subdesk exited with $rc: $(cat "$work/second.out")"
wait_for 15 said_times "card: $name $msisdn" 2 || fail "'subdesk --caller $spaced' did not pop the card"
wait_for 5 said_times "interaction: " 1 || fail "no interaction was opened for the caller"
count=$(psql_super "$db" "SELECT count(*) FROM interaction i JOIN line l ON l.msisdn = i.caller_number
  JOIN account a ON a.id = l.account_id
  WHERE i.staff_login = '$login' AND i.channel = 'call' AND i.caller_number = '$msisdn'
    AND i.customer_id = a.customer_id AND i.closed_at IS NULL")
[ "$count" = 1 ] || fail "expected one open call interaction with $msisdn for the customer, found $count"
import -window root "$shots/card_screen_pop.png"
echo "ok: 'subdesk --caller $spaced' popped the card and opened interaction"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: lookup by number, keyboard tabs, screen pop"
