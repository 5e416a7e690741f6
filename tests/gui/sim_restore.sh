#!/bin/bash
# GUI test of restoring a lost SIM at the office, end to end, as a sales login: the card
# of a demo subscriber, F9 opens the wizard, (1) a visit is opened and the ID document
# checked (the test reads the number from the database as superuser, as the customer
# would show it), (2) an ICCID with a wrong check digit is refused as typed, a stock SIM
# of the login's office is accepted, (3) the summary, the restore, (4) the receipt saved
# as PDF (read back with pdftotext, drawn with pdftoppm) and the print dialog; the card
# then warns of the recent SIM swap, and the database shows the swap.
#
#   sim_restore.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup sim "pdftotext pdftoppm" "$@"
login=gui_sales_$$
receipt="$work/receipt.pdf"
# An office with SIM cards in stock, and one of them.
read -r office stock_iccid < <(psql_super "$db" "
  SELECT o.code, s.iccid FROM office o JOIN sim s ON s.office_id = o.id AND s.status = 'in_stock'
  WHERE NOT o.is_callcentre ORDER BY o.id, s.id LIMIT 1" | tr '|' ' ')
[ -n "$stock_iccid" ] || fail "no office with SIM cards in stock in the demo data"
gui_staff "$login" "Марія Продаж" sales "$office"
# A subscriber with one open mobile line with an active SIM and no recent swap, an ID card
# on file (digits: typed as is) and no home internet.
IFS='|' read -r msisdn name doc_kind doc_number old_iccid < <(psql_super "$db" "
  SELECT l.msisdn, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, ''),
         c.doc_kind, c.doc_number, s.iccid
  FROM line l JOIN account a ON a.id = l.account_id JOIN customer c ON c.id = a.customer_id
  JOIN sim s ON s.line_id = l.id AND s.status = 'active'
  WHERE l.status = 'active' AND c.doc_number IS NOT NULL AND c.doc_kind = 'id_card'
    AND NOT EXISTS (SELECT 1 FROM sim_swap sw WHERE sw.line_id = l.id AND sw.swapped_at > now() - interval '4 days')
    AND NOT EXISTS (SELECT 1 FROM account h WHERE h.customer_id = c.id AND h.kind = 'home')
    AND (SELECT count(*) FROM line l2 JOIN account a2 ON a2.id = l2.account_id
         WHERE a2.customer_id = c.id AND l2.status <> 'closed') = 1
  ORDER BY l.id LIMIT 1")
[ -n "$msisdn" ] || fail "no suitable demo subscriber"
national=$(national_number "$msisdn")
# The stock ICCID with a wrong check digit.
bad_iccid="${stock_iccid:0:${#stock_iccid}-1}$(( (${stock_iccid: -1} + 1) % 10 ))"
echo "subscriber: $name, $msisdn, SIM $old_iccid; new SIM $stock_iccid from $office"

# In the work folder: GTK's "Print to File" writes output.pdf into the working folder.
cd "$work" || exit 1
start_desk
sign_in
xdotool type --delay 20 "$national"; xdotool key Return
wait_for 15 said "card: $name $msisdn" || fail "the card of $name did not open"
wait_for 10 said "interaction-state: No interaction with this customer is open" || fail "the card shows no interaction state"
shot 0_card

# Step 1: no visit yet: the wizard says the document must be checked first.
xdotool key F9
wait_for 10 said "sim-wizard-step: 1" || fail "F9 did not open the SIM restore wizard"
wait_for 10 said "sim-wizard-verification: Check the customer's ID document first" || fail "step 1 did not ask for the document"
focus_dialog "Restore the SIM"
shot 1_not_verified
xdotool key alt+i
wait_for 10 said "dialog: Verify the caller" || fail "the verify dialog did not open"
focus_dialog "Verify the caller"
xdotool type --delay 20 "$doc_number"
shot 1_verify_dialog
xdotool key Return
wait_for 10 said "verified: yes" || fail "the ID document was not accepted"
wait_for 10 said "sim-wizard-verification: ✔" || fail "step 1 did not see the checked document"
shot 1_verified
count=$(psql_super "$db" "SELECT count(*) FROM interaction WHERE staff_login = '$login' AND channel = 'visit'
  AND verified_by = 'document' AND verified_doc_kind = '$doc_kind' AND closed_at IS NULL")
[ "$count" = 1 ] || fail "expected one open visit verified by $doc_kind, found $count"
focus_dialog "Restore the SIM"
xdotool key Return

# Step 2: a wrong check digit is refused as typed; the stock SIM is accepted.
wait_for 10 said "sim-wizard-step: 2" || fail "Next did not lead to step 2"
xdotool type --delay 15 "$bad_iccid"
wait_for 10 said "iccid: ✖ The ICCID check digit is wrong" || fail "a wrong check digit was not refused as typed"
shot 2_wrong_check_digit
xdotool key BackSpace
xdotool type --delay 15 "${stock_iccid: -1}"
wait_for 10 said "iccid: ✔" || fail "the right ICCID was not accepted"
wait_for 10 said "sim-stock: ✔" || fail "the stock SIM was not found in the office's stock"
shot 2_stock_sim
xdotool key Return

# Step 3: the summary, then the restore.
wait_for 10 said "sim-wizard-step: 3" || fail "Next did not lead to the summary"
shot 3_summary
xdotool key Return
wait_for 15 said "sim-restored: " || fail "the SIM was not restored"
swap=$(grep -F "sim-restored: " "$out" | head -1 | awk '{print $2}')
wait_for 10 said "sim-wizard-step: 4" || fail "no receipt step"
shot 4_receipt

# Step 4: the receipt saved where the person says, then the print dialog.
xdotool key ctrl+a
xdotool type --delay 10 "$receipt"
xdotool key alt+s
wait_for 10 said "receipt-saved: $receipt" || fail "the receipt was not saved to $receipt"
text=$(pdftotext -layout "$receipt" - 2>&1)
text=$(sed "s/\xc2\xa0/ /g" <<<"$text")
for want in "SIM restore receipt No. $swap" "$national" "$old_iccid" "$stock_iccid" "0 800 300-466"; do
  grep -qF -- "$want" <<<"$text" || fail "the receipt lacks '$want': $text"
done
pdftoppm -png -r 80 -singlefile "$receipt" "$shots/sim_restore_receipt_pdf"
echo "ok: receipt No. $swap saved and read back"
xdotool key alt+p
wait_for 10 said "print-dialog: " || fail "no print dialog"
sleep 2
shot 4_print_dialog
# Under Xvfb the only printer is GTK's "Print to File" (output.pdf in the working folder):
# choose it and print. The printed page is PdfDocument::drawPage on the printer's cairo
# context, so it must read exactly like the saved receipt.
xdotool key Down
sleep 0.5
xdotool key Return
wait_for 20 said "print: " || fail "the print dialog did not close"
said "print: done" || fail "printing did not succeed: $(grep -F 'print: ' "$out" | tail -1)"
wait_for 10 test -s "$work/output.pdf" || fail "the printer wrote no $work/output.pdf"
sleep 1
[ "$(pdftotext -layout "$work/output.pdf" - 2>&1)" = "$(pdftotext -layout "$receipt" - 2>&1)" ] ||
  fail "the printed page differs from the saved receipt: $(pdftotext -layout "$work/output.pdf" - 2>&1)"
pdftoppm -png -r 80 -singlefile "$work/output.pdf" "$shots/sim_restore_receipt_printed"
echo "ok: printed through the print dialog, same text as the saved receipt"
shot 4_after_print
xdotool key Return
# The card reloads and warns of the recent swap.
wait_for 15 said_times "card: $name $msisdn" 2 || fail "the card did not reload after the restore"
wait_for 10 said "card-warnings: ⚠" || fail "the card shows no warning after the swap"
grep -F "card-warnings: " "$out" | tail -1 | grep -qi "SIM" || fail "the warning band does not mention the SIM: $(grep -F card-warnings "$out" | tail -1)"
shot 5_card_after
# The Messages tab: the SMS about the swap, queued (no notifier runs here).
xdotool key alt+8
wait_for 10 said "card-tab: Messages" || fail "Alt+8 did not show the Messages tab"
wait_for 10 said "messages: 1 queued" || fail "the Messages tab does not show the queued SMS: $(grep -F messages: "$out" | tail -1)"
shot 6_messages

# The database: old SIM lost, new SIM active on the line, the swap row, the SMS.
state=$(psql_super "$db" "SELECT (SELECT status FROM sim WHERE iccid = '$old_iccid') || ' ' ||
  (SELECT status || ':' || (line_id = (SELECT id FROM line WHERE msisdn = '$msisdn'))::text FROM sim WHERE iccid = '$stock_iccid')")
[ "$state" = "lost active:true" ] || fail "expected the old SIM lost and the new one active on the line, got '$state'"
swaps=$(psql_super "$db" "SELECT count(*) FROM sim_swap sw JOIN sim n ON n.id = sw.new_sim_id
  WHERE sw.id = $swap AND n.iccid = '$stock_iccid' AND sw.staff_login = '$login' AND sw.doc_kind = '$doc_kind'")
[ "$swaps" = 1 ] || fail "no sim_swap row $swap for $stock_iccid by $login"
sms=$(psql_super "$db" "SELECT count(*) FROM outbox WHERE channel = 'sms' AND recipient = '$msisdn'
  AND created_at > now() - interval '10 minutes'")
[ "$sms" = 1 ] || fail "expected one SMS to $msisdn about the swap, found $sms"
echo "ok: old SIM lost, new SIM active, swap $swap recorded, SMS queued"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: SIM restore wizard end to end"
