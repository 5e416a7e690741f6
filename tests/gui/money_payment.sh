#!/bin/bash
# GUI test of a payment at the desk (issue 7): an office sales login opens a demo
# subscriber's card, presses Ctrl+P, types a card number into the amount (refused, nothing
# sent, nothing logged), then a cash payment of 150.00 by keyboard; the card reloads: the
# Balance tab shows the new balance and the Timeline lists the payment; the ledger holds
# exactly one payment row with the dialog's key; the receipt is saved as PDF through the
# file dialog, read back with pdftotext and drawn to PNG with pdftoppm, then printed
# through the print dialog (the printed page reads like the saved file).
#
#   money_payment.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup pay "pdftotext pdftoppm" "$@"
login=gui_sales_$$
card='4111 1111 1111 1111'
office=$(psql_super "$db" "SELECT code FROM office WHERE NOT is_callcentre ORDER BY id LIMIT 1")
gui_staff "$login" "Петро Касир" sales "$office"
# A subscriber with one open mobile line on an active account and no home internet.
read -r account_id account msisdn balance name < <(psql_super "$db" "
  SELECT a.id, a.number, l.msisdn, a.balance,
         c.last_name || ' ' || c.first_name || coalesce(' ' || c.patronymic, '')
  FROM line l JOIN account a ON a.id = l.account_id JOIN customer c ON c.id = a.customer_id
  WHERE l.status = 'active' AND a.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM account h WHERE h.customer_id = c.id AND h.kind = 'home')
    AND (SELECT count(*) FROM line l2 JOIN account a2 ON a2.id = l2.account_id
         WHERE a2.customer_id = c.id AND l2.status <> 'closed') = 1
  ORDER BY l.id LIMIT 1" | tr '|' ' ')
[ -n "$msisdn" ] || fail "no suitable demo subscriber"
national=$(national_number "$msisdn")
expected=$((balance + 15000))
echo "subscriber: $name, $msisdn, account $account, balance $(money_en "$balance")"

cd "$work" || exit 1
start_desk
sign_in
wait_for 10 said "status: " || fail "the desk did not say who is signed in"

xdotool type --delay 20 "$national"; xdotool key Return
wait_for 15 said "card: $name $msisdn" || fail "the card of $name did not open"
wait_for 5 said "balance: $(money_en "$balance")" || fail "the Balance tab did not show $(money_en "$balance")"
echo "ok: the card of $name shows $(money_en "$balance")"

# 1. Ctrl+P opens the payment dialog with the cursor in the amount.
focus "$main"
xdotool key ctrl+p
wait_for 10 said "dialog: payment" || fail "Ctrl+P did not open the payment dialog"
wait_for 10 window_titled "Payment — subdesk" || fail "no payment window"
dialog=$found
focus "$dialog"

# 2. A card number typed into a field is refused before anything is sent.
xdotool type --delay 20 "$card"; xdotool key Return
wait_for 10 said "error: This looks like a full card number" || fail "a card number in the amount was not refused"
sleep 0.3
import -window root "$shots/money_payment_card_refused.png"
[ "$(psql_super "$db" "SELECT count(*) FROM payment WHERE created_by = '$login'")" = 0 ] \
  || fail "something was paid after the card-number refusal"
grep -q "${card// /}\|$card" "$out" && fail "the card number reached the desk's output"
echo "ok: a card number in the amount refused, nothing sent"

# 3. A cash payment of 150.00 (cash is the default method for office staff).
xdotool type --delay 20 "150.00"
sleep 0.3
import -window root "$shots/money_payment_dialog.png"
xdotool key Return
wait_for 15 said "payment: " || fail "the payment was not taken"
payment_id=$(sed -n 's/^payment: \([0-9]*\) .*/\1/p' "$out" | head -1)
said "payment: $payment_id UAH 150.00" || fail "the dialog did not report UAH 150.00"
echo "ok: payment $payment_id taken"

# 4. The card reloads: the Balance tab shows the new balance.
wait_for 15 said "balance: $(money_en "$expected")" || fail "the Balance tab did not show $(money_en "$expected")"
echo "ok: the Balance tab shows $(money_en "$expected")"

# 5. The receipt: saved as PDF through the file dialog, by keyboard.
wait_for 15 said "receipt: $payment_id" || fail "the receipt window did not load"
wait_for 10 window_titled "Payment taken — subdesk" || fail "no receipt window"
receipt_window=$found
focus "$found"
import -window root "$shots/money_receipt_dialog.png"
xdotool key Return
wait_for 15 window_titled "Save the receipt" || fail "no file dialog for the receipt"
focus "$found"
sleep 0.5
import -window root "$shots/money_receipt_save.png"
xdotool key Return
wait_for 15 said "receipt-saved: " || fail "the receipt was not saved"
pdf=$(sed -n 's/^receipt-saved: //p' "$out" | head -1)
[ -s "$pdf" ] || fail "no receipt file at $pdf"
text=$(pdftotext -layout "$pdf" -) || fail "pdftotext cannot read $pdf"
for want in "Payment receipt No. $payment_id" "$account" "UAH 150.00" "Cash" "Петро Касир"; do
  grep -qF -- "$want" <<<"$text" || fail "the receipt lacks '$want': $text"
done
pdftoppm -png -r 80 -singlefile "$pdf" "$shots/money_receipt" || fail "pdftoppm cannot draw the receipt"
echo "ok: receipt saved to $pdf and read back"
# Printed through the print dialog (Alt+P). Under Xvfb the only printer is GTK's "Print to
# File" (output.pdf in the working folder): the page is PdfDocument::drawPage on the
# printer's cairo context, so it must read exactly like the saved receipt.
focus "$receipt_window"
xdotool key alt+p
wait_for 10 said "print-dialog: Payment receipt No. $payment_id" || fail "Alt+P did not open the print dialog"
sleep 2
import -window root "$shots/money_receipt_print_dialog.png"
xdotool key Down
sleep 0.5
xdotool key Return
wait_for 20 said "print: " || fail "the print dialog did not close"
said "print: done" || fail "printing did not succeed: $(grep -F 'print: ' "$out" | tail -1)"
wait_for 10 test -s "$work/output.pdf" || fail "the printer wrote no $work/output.pdf"
sleep 1
[ "$(pdftotext -layout "$work/output.pdf" - 2>&1)" = "$(pdftotext -layout "$pdf" - 2>&1)" ] ||
  fail "the printed receipt differs from the saved one: $(pdftotext -layout "$work/output.pdf" - 2>&1)"
pdftoppm -png -r 80 -singlefile "$work/output.pdf" "$shots/money_receipt_printed"
echo "ok: the receipt printed through the print dialog reads like the saved one"
# The print preview (Alt+V) shows the same one page in its own window.
focus "$receipt_window"
xdotool key alt+v
wait_for 10 said "print-preview: Payment receipt No. $payment_id, 1 pages" || fail "Alt+V did not open the print preview"
wait_for 10 window_titled "Print preview — Payment receipt No. $payment_id" || fail "no print preview window"
sleep 1
import -window root "$shots/money_receipt_preview.png"
focus "$found"
xdotool key Escape
wait_for 5 window_gone "Print preview — Payment receipt No. $payment_id" || {
  xdotool key alt+F4
  wait_for 5 window_gone "Print preview — Payment receipt No. $payment_id" || fail "the print preview did not close"
}
echo "ok: the print preview shows the receipt"
sleep 0.5
focus "$receipt_window"
import -window root "$shots/money_receipt_after_preview.png"
xdotool key Escape
wait_for 10 window_gone "Payment taken — subdesk" || fail "Escape did not close the receipt window"
sleep 0.5

# 6. The card after: Balance and Timeline tabs.
focus "$main"
xdotool key alt+2
wait_for 10 said "card-tab: Balance" || fail "Alt+2 did not show the Balance tab"
sleep 0.5
import -window root "$shots/money_card_balance.png"
xdotool key alt+7
wait_for 10 said_times "card-tab: Timeline" 1 || fail "Alt+7 did not show the Timeline tab"
said "timeline: Payment in cash, account $account | UAH 150.00" \
  || fail "the Timeline's newest row is not the payment: $(grep '^timeline:' "$out" | tail -1)"
sleep 0.5
import -window root "$shots/money_card_timeline.png"
echo "ok: the Timeline lists the payment"

# 7. The ledger: one payment row under the dialog's key (the ledger's is 'payment:KEY'),
#    and the balance moved by exactly 150.00.
row=$(psql_super "$db" "SELECT p.amount, p.method, l.kind, l.amount, l.idempotency_key = 'payment:' || p.idempotency_key,
                               a.balance
                        FROM payment p JOIN ledger l ON l.id = p.ledger_id JOIN account a ON a.id = p.account_id
                        WHERE p.id = $payment_id AND p.account_id = $account_id AND p.created_by = '$login'")
[ "$row" = "15000|cash|payment|15000|t|$expected" ] || fail "the ledger does not hold the payment as expected: '$row'"
[ "$(psql_super "$db" "SELECT count(*) FROM payment WHERE created_by = '$login'")" = 1 ] \
  || fail "more than one payment was taken"
[ "$(psql_super "$db" "SELECT count(*) FROM ledger WHERE created_by = '$login'")" = 1 ] \
  || fail "more than one ledger row was written"
grep -q "${card// /}\|$card" "$out" && fail "the card number reached the desk's output"
echo "ok: one ledger row of UAH 150.00, balance $(money_en "$expected")"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: payment by keyboard, card number refused, balance and timeline, ledger, receipt PDF"
