#!/bin/bash
# GUI test of the detailed bill (issue 8), as a supervisor: open a card by number, the
# History tab lists records (and the opening is audited), Ctrl+B shows the fee before
# confirming, confirming charges it through the ledger, and the bill is saved as a PDF
# through the file dialog; the PDF is read back (pdftotext, pdftoppm); Alt+E sends it to
# the registered e-mail (the confirmation names the address). Then the reports
# window exports a CSV. Screenshots of each step land in SCREENSHOT_DIR.
#
#   detailed_bill.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup bill "pdftotext pdftoppm" "$@"
login=gui_super_$$
office=$(psql_super "$db" "SELECT code FROM office ORDER BY id LIMIT 1")
gui_staff "$login" "Марія Керівна" supervisor "$office"
read -r msisdn account name < <(psql_super "$db" "
  SELECT l.msisdn, a.id, c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, '')
  FROM line l JOIN account a ON a.id = l.account_id JOIN customer c ON c.id = a.customer_id
  WHERE l.status = 'active' AND a.selfcare_registered_on IS NULL
    AND NOT EXISTS (SELECT 1 FROM account h WHERE h.customer_id = c.id AND h.kind = 'home')
    AND (SELECT count(*) FROM line l2 JOIN account a2 ON a2.id = l2.account_id
         WHERE a2.customer_id = c.id AND l2.status <> 'closed') = 1
    AND EXISTS (SELECT 1 FROM cdr WHERE line_id = l.id AND started_at >= date_trunc('month', now()))
  ORDER BY l.id LIMIT 1" | tr '|' ' ')
[ -n "$msisdn" ] || fail "no suitable demo subscriber"
national=$(national_number "$msisdn")
echo "subscriber: $name, $msisdn (account id $account)"
balance_before=$(psql_super "$db" "SELECT balance FROM account WHERE id = $account")

start_desk
sign_in
xdotool type --delay 20 "$national"; xdotool key Return
wait_for 15 said "card: $name $msisdn" || fail "the card did not open"

# 1. History (Alt+9): records listed, the opening audited.
wait_for 10 said "menu: staff=on audit=on" || true
xdotool key alt+9
wait_for 15 said "history: " || fail "the History tab listed nothing"
sleep 0.5
import -window root "$shots/bill_history_tab.png"
audited=$(psql_super "$db" "SELECT count(*) FROM audit_log WHERE action = 'call_history' AND who = '$login'")
[ "$audited" -ge 1 ] || fail "opening the history was not audited"
echo "ok: History tab: $(grep -F 'history: ' "$out" | tail -1), audited"

# 2. Ctrl+B: the fee is shown before confirming (5.31: the first request this month).
focus "$main"
xdotool key ctrl+b
wait_for 15 said "bill-fee: " || fail "the fee was not shown"
fee=$(grep -F 'bill-fee: ' "$out" | tail -1 | sed 's/bill-fee: //')
[ "$fee" = "UAH 5.31" ] || fail "expected the fee UAH 5.31, the dialog showed '$fee'"
wait_for 5 window_titled "Detailed bill" || fail "no Detailed bill window"
sleep 0.5
import -window root "$shots/bill_fee_shown.png"
focus "$found"
xdotool key Return
wait_for 20 said "bill-ready: " || fail "the bill was not made"
echo "ok: fee $fee shown and confirmed; $(grep -F 'bill-ready: ' "$out" | tail -1)"
charged=$(psql_super "$db" "SELECT -amount FROM ledger WHERE account_id = $account AND kind = 'detail_fee'")
[ "$charged" = 531 ] || fail "expected a detail_fee ledger row of 531 kopecks, found '$charged'"
balance_after=$(psql_super "$db" "SELECT balance FROM account WHERE id = $account")
[ $((balance_before - balance_after)) -eq 531 ] || fail "the balance moved by $((balance_before - balance_after))"
sleep 0.5
import -window root "$shots/bill_ready.png"

# 3. Save as PDF (the focused button), through the file dialog.
pdf="$work/bill-test.pdf"
wait_for 5 window_titled "Detailed bill" || fail "no bill window"
focus "$found"
xdotool key Return
save_as "$pdf"
wait_for 15 said "bill-saved: $pdf" || fail "the bill was not saved as $pdf"
text=$(pdftotext -layout "$pdf" -)
echo "$text" | grep -qF "$national" || fail "the PDF does not show $national"
echo "$text" | grep -qF "Page 1 of" || echo "$text" | grep -qF "Сторінка 1 з" || fail "no page X of Y in the PDF"
total=$(grep -F 'bill-ready: ' "$out" | tail -1 | sed 's/bill-ready: [0-9]* //')
echo "$text" | grep -qF -- "$(echo "$total" | sed 's/UAH //')" || echo "note: total shown as '$total' in the desk"
pdftoppm -png -r 60 -f 1 -l 1 "$pdf" "$shots/bill_page" || fail "pdftoppm could not render the bill"
echo "ok: bill saved as PDF and read back"

# 3b. Send by e-mail (Alt+E): the confirmation names the registered address; confirming
# queues an e-mail with the PDF attached in the outbox.
email="bill.gui.$$@example.com"
psql_super "$db" "UPDATE customer SET email = '$email' WHERE id = (SELECT customer_id FROM account WHERE id = $account)" \
  || fail "could not set the e-mail address"
window_starting() {
  local w
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    case "$(xdotool getwindowname "$w" 2>/dev/null)" in "$1"*) found=$w; return 0 ;; esac
  done
  return 1
}
wait_for 5 window_starting "Detailed bill — saved" || fail "no bill window after saving"
focus "$found"
xdotool key alt+e
wait_for 15 said "bill-email-confirm: $email" || fail "no confirmation naming $email"
sleep 0.8
import -window root "$shots/bill_email_confirm.png"
xdotool key Return
wait_for 20 said "bill-emailed: " || fail "the bill was not queued for e-mail"
outbox=$(grep -F 'bill-emailed: ' "$out" | tail -1 | sed 's/bill-emailed: \([0-9]*\) .*/\1/')
queued=$(psql_super "$db" "SELECT o.recipient || ' ' || a.mime_type || ' ' || (substring(a.content FROM 1 FOR 5) = '%PDF-'::bytea)
  FROM outbox o JOIN outbox_attachment a ON a.outbox_id = o.id WHERE o.id = $outbox AND o.channel = 'email'")
[ "$queued" = "$email application/pdf true" ] || fail "outbox $outbox holds '$queued'"
sleep 0.5
import -window root "$shots/bill_emailed.png"
echo "ok: bill queued for e-mail to $email (outbox $outbox)"

# 4. Close, then the reports window exports a CSV.
focus "$found"
xdotool key Escape
sleep 0.5
focus "$main"
xdotool key ctrl+shift+r
wait_for 10 window_titled "Reports" || fail "no Reports window"
focus "$found"
# The first report in the first format (XLSX), this month.
xdotool key Tab
sleep 0.3
import -window root "$shots/reports_window.png"
xdotool key Return
save_as "$work/report.xlsx"
wait_for 20 said "export: " || fail "the export did not finish"
grep -F "export: " "$out" | tail -1 | grep -q "done" || fail "the export did not complete: $(grep -F 'export: ' "$out")"
[ -s "$work/report.xlsx" ] || fail "no report file"
import -window root "$shots/reports_done.png"
echo "ok: $(grep -F 'export: ' "$out" | tail -1)"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: history, fee shown and charged, bill saved as PDF and queued for e-mail, report exported"
