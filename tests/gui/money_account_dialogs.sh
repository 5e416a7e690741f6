#!/bin/bash
# GUI test of the Money menu's account dialogs (issue 7), by keyboard as office sales:
#  1. Adjust the balance (Ctrl+J): a missing reason is refused, an amount above the role's
#     limit is refused by the database, one within it goes through; the Balance tab shows
#     it and the ledger holds exactly that row with its reason.
#  2. Change the tariff (Ctrl+T): the dialog shows the monthly fee difference before
#     confirming; the change is scheduled for the next period and listed when the dialog
#     opens again.
#  3. Services (Ctrl+E): one service is connected; another of its exclusive group is
#     refused with the database's reason and nothing is written.
#  4. Personal data (Ctrl+D), after F7 verified the caller: the e-mail is edited and saved;
#     then a colleague saves the profile from another session (subdesk-cli), and the
#     desk's save over the version it read is refused with "changed by NAME at TIME —
#     reload"; Reload shows the colleague's data.
# Screenshots of every step go to SCREENSHOT_DIR.
#
#   money_account_dialogs.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup acct "" "$@"
login=gui_sales_$$
colleague=gui_colleague_$$
office=$(psql_super "$db" "SELECT code FROM office WHERE NOT is_callcentre ORDER BY id LIMIT 1")
gui_staff "$login" "Петро Касир" sales "$office"
gui_staff "$colleague" "Марія Колега" sales "$office"
# A subscriber with one open mobile line on an active account, no home internet, no
# services on the line and no scheduled tariff change.
read -r customer account_id account line msisdn balance name < <(psql_super "$db" "
  SELECT c.id, a.id, a.number, l.id, l.msisdn, a.balance,
         c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, '')
  FROM line l JOIN account a ON a.id = l.account_id JOIN customer c ON c.id = a.customer_id
  WHERE l.status = 'active' AND a.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM account h WHERE h.customer_id = c.id AND h.kind = 'home')
    AND (SELECT count(*) FROM line l2 JOIN account a2 ON a2.id = l2.account_id
         WHERE a2.customer_id = c.id AND l2.status <> 'closed') = 1
    AND NOT EXISTS (SELECT 1 FROM line_service s WHERE s.line_id = l.id)
    AND NOT EXISTS (SELECT 1 FROM tariff_change t WHERE t.line_id = l.id AND t.status = 'scheduled')
  ORDER BY l.id LIMIT 1" | tr '|' ' ')
[ -n "$msisdn" ] || fail "no suitable demo subscriber"
# The code word the caller will say (the demo data keeps only hashes), and a mobile contact
# number (the desk accepts no other; some demo customers have a landline).
psql_super "$db" "UPDATE customer SET code_word_hash = crypt('sunflower', gen_salt('bf', 4)),
                  contact_phone = '+380671234567' WHERE id = $customer" >/dev/null || exit 1
national=$(national_number "$msisdn")
echo "subscriber: $name, $msisdn, account $account, balance $(money_en "$balance")"

shot() { sleep 0.5; import -window root "$shots/money_account_$1.png"; }
ledger_rows() { psql_super "$db" "SELECT count(*) FROM ledger WHERE created_by = '$login'"; }

cd "$work" || exit 1
start_desk
sign_in
wait_for 10 said "status: " || fail "the desk did not say who is signed in"
xdotool type --delay 20 "$national"; xdotool key Return
wait_for 15 said "card: $name $msisdn" || fail "the card of $name did not open"
wait_for 5 said "balance: $(money_en "$balance")" || fail "the Balance tab did not show $(money_en "$balance")"
echo "ok: the card of $name shows $(money_en "$balance")"

# --- 1. Balance adjustment -------------------------------------------------------------
focus "$main"
xdotool key ctrl+j
wait_for 10 said "dialog: adjust" || fail "Ctrl+J did not open the adjustment dialog"
wait_for 10 said "adjust-limit: UAH 1,000.00" || fail "the dialog did not show the sales limit of UAH 1,000.00"
focus_dialog "Balance adjustment — subdesk"
# The amount has the cursor; no reason: refused, nothing sent.
xdotool type --delay 20 "25.50"
xdotool key alt+j
wait_for 10 said "error: Say why the balance is adjusted: the reason is required." \
  || fail "an adjustment without a reason was not refused"
shot 1_adjust_no_reason
[ "$(ledger_rows)" = 0 ] || fail "something reached the ledger without a reason"
echo "ok: an adjustment without a reason is refused, nothing sent"
# The reason has the cursor now. Above the limit: the database refuses.
xdotool type --delay 20 "Dropped calls on 14 May"
xdotool key shift+Tab ctrl+a
xdotool type --delay 20 "1000.01"
xdotool key alt+j
wait_for 10 said "error: an adjustment of 1,000.01 UAH exceeds your limit of 1,000.00 UAH per operation" \
  || fail "an adjustment above the limit was not refused with the limit: $(grep '^error:' "$out" | tail -1)"
shot 1_adjust_above_limit
[ "$(ledger_rows)" = 0 ] || fail "an adjustment above the limit reached the ledger"
echo "ok: an adjustment above the role's limit is refused"
# The refused amount has the cursor.
focus_dialog "Balance adjustment — subdesk"
xdotool key ctrl+a
xdotool type --delay 20 "25.50"
shot 1_adjust_dialog
xdotool key alt+j
wait_for 10 said "adjusted: UAH 25.50" || fail "the adjustment within the limit was not made"
adjusted=$((balance + 2550))
wait_for 15 said "balance: $(money_en "$adjusted")" || fail "the Balance tab did not show $(money_en "$adjusted")"
row=$(psql_super "$db" "SELECT l.amount, l.kind, l.description, a.balance,
                               a.balance = (SELECT sum(amount) FROM ledger WHERE account_id = a.id AND wallet = 'main')
                        FROM ledger l JOIN account a ON a.id = l.account_id
                        WHERE l.created_by = '$login' AND l.account_id = $account_id")
[ "$row" = "2550|adjustment|Dropped calls on 14 May|$adjusted|t" ] || fail "the ledger does not hold the adjustment: '$row'"
[ "$(ledger_rows)" = 1 ] || fail "more than one ledger row was written"
focus "$main"
xdotool key alt+2
wait_for 10 said "card-tab: Balance" || fail "Alt+2 did not show the Balance tab"
shot 1_balance_tab
echo "ok: UAH 25.50 adjusted; the Balance tab shows $(money_en "$adjusted"), the ledger adds up"

# --- 2. Tariff change -------------------------------------------------------------------
read -r fee_now < <(psql_super "$db" "SELECT t.monthly_fee FROM line l JOIN tariff_plan t ON t.id = l.tariff_id
                                       WHERE l.id = $line")
IFS='|' read -r new_id new_fee new_name < <(psql_super "$db" "
  SELECT t.id, t.monthly_fee, t.name_en FROM tariff_plan t
  WHERE t.active AND t.kind = 'mobile' AND t.id <> (SELECT tariff_id FROM line WHERE id = $line)
  ORDER BY t.monthly_fee, t.code LIMIT 1")
diff=$((new_fee - fee_now))
want_diff=$(money_en "$diff")
[ "$diff" -gt 0 ] && want_diff="+$want_diff"
next_period=$(psql_super "$db" "SELECT to_char(date_trunc('month', kyiv_today()) + interval '1 month', 'DD.MM.YYYY')")
focus "$main"
xdotool key ctrl+t
wait_for 10 said "dialog: tariff" || fail "Ctrl+T did not open the tariff dialog"
focus_dialog "Tariff change — subdesk"
wait_for 10 said "tariff-preview: From $next_period: " || fail "no preview for the next period ($next_period)"
wait_for 5 said "Monthly fee: $want_diff ($(money_en "$fee_now") → $(money_en "$new_fee"))" \
  || fail "the preview does not show the fee difference $want_diff: $(grep -A2 '^tariff-preview:' "$out" | tail -3)"
said "→ $new_name" || fail "the preview does not name $new_name"
wait_for 5 said "tariff-scheduled: 0" || fail "the dialog did not list the scheduled changes"
shot 2_tariff_preview
echo "ok: the preview shows the fee difference $want_diff to $new_name from $next_period"
xdotool key alt+h
wait_for 10 said "tariff-change: " || fail "the tariff change was not recorded"
change=$(sed -n 's/^tariff-change: //p' "$out" | head -1)
row=$(psql_super "$db" "SELECT status, new_tariff_id, to_char(effective_on, 'DD.MM.YYYY') FROM tariff_change
                        WHERE id = $change AND line_id = $line AND created_by = '$login'")
[ "$row" = "scheduled|$new_id|$next_period" ] || fail "the change is not scheduled as expected: '$row'"
[ "$(psql_super "$db" "SELECT tariff_id <> $new_id FROM line WHERE id = $line")" = t ] \
  || fail "the tariff changed now instead of at the next period"
wait_for 10 window_gone "Tariff change — subdesk" || fail "the tariff dialog did not close"
focus "$main"
xdotool key ctrl+t
wait_for 10 said_times "dialog: tariff" 2 || fail "Ctrl+T did not open the tariff dialog again"
focus_dialog "Tariff change — subdesk"
wait_for 10 said "tariff-scheduled: 1" || fail "the scheduled change is not listed"
shot 2_tariff_scheduled
xdotool key Escape
wait_for 10 window_gone "Tariff change — subdesk" || fail "Escape did not close the tariff dialog"
echo "ok: change $change scheduled for $next_period and listed"

# --- 3. Services --------------------------------------------------------------------------
# The catalogue is ordered by code: ANTISPAM, DATA-10, DATA-30, ... (DATA-10 and DATA-30
# are the exclusive group extra_data); the first row is chosen when the list loads.
focus "$main"
xdotool key ctrl+e
wait_for 10 said "dialog: services" || fail "Ctrl+E did not open the services dialog"
focus_dialog "Services — subdesk"
wait_for 10 said "services: 0 connected" || fail "the services dialog did not load"
xdotool key Down
sleep 0.3
xdotool key alt+c
wait_for 10 said "service-connect: DATA-10" || fail "DATA-10 was not the chosen service: $(grep '^service-connect' "$out")"
wait_for 10 said "services: 1 connected" || fail "DATA-10 was not connected"
[ "$(psql_super "$db" "SELECT count(*) FROM line_service s JOIN service v ON v.id = s.service_id
                        WHERE s.line_id = $line AND v.code = 'DATA-10' AND s.starts_on = kyiv_today()")" = 1 ] \
  || fail "the line has no DATA-10 from today"
shot 3_services_connected
echo "ok: DATA-10 connected"
focus_dialog "Services — subdesk"
xdotool key Down Down
sleep 0.3
xdotool key alt+c
wait_for 10 said "service-connect: DATA-30" || fail "DATA-30 was not the chosen service"
wait_for 10 said "error: The service cannot be connected: " || fail "the exclusive DATA-30 was not refused"
said "both belong to the group extra_data" || fail "the refusal does not name the exclusive group: $(grep '^error:' "$out" | tail -1)"
shot 3_services_exclusive_refused
[ "$(psql_super "$db" "SELECT count(*) FROM line_service WHERE line_id = $line")" = 1 ] \
  || fail "the refused service was written"
xdotool key Escape
wait_for 10 window_gone "Services — subdesk" || fail "Escape did not close the services dialog"
echo "ok: DATA-30 refused (exclusive group extra_data), nothing written"

# --- 4. Personal data ---------------------------------------------------------------------
focus "$main"
xdotool key F7
wait_for 10 said "dialog: Verify the caller" || fail "F7 did not open the verify dialog"
focus_dialog "Verify the caller"
# Office staff start on the ID document: Alt+C chooses the code word.
xdotool key alt+c
sleep 0.3
xdotool type --delay 20 "sunflower"
shot 4_verify
xdotool key Return
wait_for 10 said "verified: yes" || fail "the code word was not accepted"
cards=$(grep -cF "card: $name $msisdn" "$out")
focus "$main"
xdotool key ctrl+d
wait_for 10 said "dialog: profile version " || fail "Ctrl+D did not open the personal data dialog"
focus_dialog "Personal data — subdesk"
# Last name has the cursor: Tab to first name, patronymic, e-mail.
xdotool key Tab Tab Tab ctrl+a
xdotool type --delay 20 "olena.desk@example.com"
shot 4_profile_edit
xdotool key alt+s
wait_for 10 said "profile: saved version " || fail "the personal data was not saved: $(grep '^error:' "$out" | tail -1)"
[ "$(psql_super "$db" "SELECT email FROM customer WHERE id = $customer")" = "olena.desk@example.com" ] \
  || fail "the e-mail was not stored"
echo "ok: the e-mail saved"
# The card reloads with the new version before the dialog opens again.
wait_for 15 said_times "card: $name $msisdn" $((cards + 1)) || fail "the card did not reload after the save"
focus "$main"
xdotool key ctrl+d
wait_for 10 said_times "dialog: profile version " 2 || fail "Ctrl+D did not open the dialog again"
focus_dialog "Personal data — subdesk"
# Meanwhile a colleague saves the profile from another session.
SUBDESK_DB="$conninfo user=$colleague password=$password" "$cli" profile "$account" --code-word sunflower \
  --address "Київ, вул. Липська, 5" >"$work/cli.out" 2>&1 || fail "the colleague's save failed: $(cat "$work/cli.out")"
focus_dialog "Personal data — subdesk"
xdotool key Tab Tab Tab ctrl+a
xdotool type --delay 20 "late@example.com"
xdotool key alt+s
wait_for 10 said "profile: stale" || fail "the stale save was not refused"
when=$(psql_super "$db" "SELECT to_char(updated_at AT TIME ZONE 'Europe/Kyiv', 'DD.MM.YYYY HH24:MI') FROM customer
                         WHERE id = $customer")
said "error: changed by Марія Колега at $when — reload" \
  || fail "the refusal does not say who and when: $(grep '^error:' "$out" | tail -1)"
shot 4_profile_stale
row=$(psql_super "$db" "SELECT email || '|' || address FROM customer WHERE id = $customer")
[ "$row" = "olena.desk@example.com|Київ, вул. Липська, 5" ] || fail "the stale save overwrote the profile: '$row'"
echo "ok: the stale save refused: changed by Марія Колега at $when — reload"
focus_dialog "Personal data — subdesk"
xdotool key alt+r
wait_for 10 said "profile: reloaded version " || fail "Reload did not read the profile again"
shot 4_profile_reloaded
xdotool key Escape
wait_for 10 window_gone "Personal data — subdesk" || fail "Escape did not close the personal data dialog"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: adjustment (reason, limit, balance tab), tariff fee difference and scheduled change, services (exclusive refused), personal data (saved; stale save refused with who and when)"
