#!/bin/bash
# GUI test of the home-internet contract wizard, end to end, as an office sales login:
# Ctrl+N; a search that finds nobody; a new customer; address and tariff; the summary;
# Sign; the contract sheet saved through the file dialog (into $SUBDESK_SHEET_DIR); the
# new customer's card opens. Then the database holds the contract, the home account, the
# login and its RADIUS rows (a Crypt-Password hash, no Cleartext-Password), and the sheet
# (pdftotext) holds the contract number, the login and a password that the desk never
# printed anywhere else. Last, turbo from the card's Home internet tab shows the time left.
# Screenshots of every step (and the sheet rendered by pdftoppm) go to SCREENSHOT_DIR.
#
#   home_contract.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup home "pdftotext pdftoppm python3" "$@"
export SUBDESK_SHEET_DIR="$work/sheets"
mkdir -p "$SUBDESK_SHEET_DIR"
login=gui_sales_$$
rm -f "$shots"/home_*.png "$shots"/home_*.pdf
office=$(psql_super "$db" "SELECT code FROM office WHERE NOT is_callcentre ORDER BY id LIMIT 1")
gui_staff "$login" "Ірина Продажна" sales "$office"
shot() { sleep 0.4; import -window root "$shots/home_$1.png"; }

start_desk
sign_in
sleep 1  # the desk learns the role (the menu item is enabled for sales)

# 1. Ctrl+N: the wizard, the search box first. A name nobody has: the new customer's
#    fields get the name, the cursor goes to the birth date. (The name is typed in Latin
#    letters: xdotool drops Cyrillic letters it has to remap when the machine is busy.)
xdotool key ctrl+n
wait_for 15 window_titled "Sign a home-internet contract" || fail "Ctrl+N did not open the contract wizard"
wizard=$found
wait_for 10 said "wizard: tariffs " || fail "the wizard did not load the tariffs"
focus "$wizard"
xdotool type --delay 30 "Zinchuk Myroslava"; xdotool key Return
wait_for 15 said "wizard: found 0" || fail "the search for a new customer found someone (or did not finish)"
sleep 0.3
xdotool type --delay 30 "14.02.1993"
xdotool key Tab Tab                         # the document kind (passport) -> its number
xdotool type --delay 30 "MK765432"
xdotool key Tab; xdotool type --delay 30 "067 555 12 34"
xdotool key Tab; xdotool type --delay 30 "myroslava@example.net"
shot 1_customer
xdotool key Return
wait_for 15 said "wizard: step connection" || fail "Next did not lead to the connection page"

# 2. The connection: the address; the first tariff; the login is the account number.
xdotool type --delay 30 "м. Київ, вул. Ярославів Вал, 9, кв. 4"
shot 2_connection
xdotool key Return
wait_for 10 said "wizard: step summary" || fail "Next did not lead to the summary"
shot 3_summary

# 3. Sign; the file dialog offers the contract number as the name, in the sheet folder.
xdotool key Return
wait_for 20 said "wizard: signed HI-" || fail "signing did not succeed"
contract=$(sed -n 's/^wizard: signed \(HI-[0-9-]*\).*/\1/p' "$out" | head -1)
echo "signed: $contract"
wait_for 15 window_titled "Save the contract sheet (it holds the password)" || fail "no file dialog for the sheet"
focus "$found"
sleep 1
shot 4_save_dialog
xdotool key Return
wait_for 15 said "wizard: sheet " || fail "the sheet was not saved"
sheet=$(sed -n 's/^wizard: sheet //p' "$out" | head -1)
[ "$sheet" = "$SUBDESK_SHEET_DIR/$contract.pdf" ] || fail "the sheet went to '$sheet', not $SUBDESK_SHEET_DIR/$contract.pdf"
wait_for 10 said "wizard: step done" || fail "no final page"
shot 5_done

# 4. Close: the new customer's card.
focus "$wizard"
xdotool key Return
wait_for 15 said "card: Zinchuk Myroslava" || fail "the new customer's card did not open"
focus "$main"
xdotool key alt+6
wait_for 10 said "card-tab: Home internet" || fail "Alt+6 did not show the Home internet tab"
shot 6_card_home

# 5. The database: contract, home account, login, RADIUS rows with a hash only.
row=$(psql_super "$db" "
  SELECT a.number || '|' || h.login || '|' || c.last_name
  FROM contract k JOIN home_internet h ON h.contract_id = k.id JOIN account a ON a.id = h.account_id
  JOIN customer c ON c.id = a.customer_id
  WHERE k.number = '$contract' AND a.kind = 'home' AND h.status = 'active'")
[ -n "$row" ] || fail "no contract $contract with a home account and login in the database"
IFS='|' read -r account hlogin last <<<"$row"
[ "$hlogin" = "$account" ] || fail "the login $hlogin is not the personal account $account"
[ "$last" = "Zinchuk" ] || fail "the contract's customer is $last"
[ "$(psql_super "$db" "SELECT count(*) FROM radcheck WHERE username = '$hlogin' AND attribute = 'Crypt-Password' AND value LIKE '\$y\$%'")" = 1 ] \
  || fail "radcheck has no yescrypt Crypt-Password for $hlogin"
[ "$(psql_super "$db" "SELECT count(*) FROM radcheck WHERE attribute = 'Cleartext-Password'")" = 0 ] \
  || fail "radcheck holds a Cleartext-Password"
echo "ok: contract $contract, account and login $hlogin, RADIUS hash only"

# 6. The sheet: contract number, login and the password; the password is nowhere else.
pdftotext -layout "$sheet" "$work/sheet.txt" || fail "pdftotext could not read the sheet"
grep -qF "$contract" "$work/sheet.txt" || fail "the sheet does not name the contract $contract"
grep -qF "$hlogin" "$work/sheet.txt" || fail "the sheet does not show the login $hlogin"
grep -qF "0 800 300-466" "$work/sheet.txt" || fail "the sheet does not give the hotline"
# The password is the 12-character word of the sheet that matches the login's RADIUS hash
# (crypt(3), as FreeRADIUS's PAP checks it).
hash=$(psql_super "$db" "SELECT value FROM radcheck WHERE username = '$hlogin' AND attribute = 'Crypt-Password'")
pw=$(python3 -W ignore - "$work/sheet.txt" "$hash" <<'PY'
import crypt, re, sys
text, hashed = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
for word in re.findall(r"\b[A-Za-z2-9]{12}\b", text):
    if crypt.crypt(word, hashed) == hashed:
        print(word)
        break
PY
)
[ -n "$pw" ] || fail "no word on the sheet matches the login's password hash"
grep -qF "$pw" "$out" && fail "the desk printed the password on its output"
[ "$(psql_super "$db" "SELECT count(*) FROM radcheck WHERE value = '$pw'")" = 0 ] || fail "the password is stored in clear"
cp "$sheet" "$shots/home_sheet.pdf"
pdftoppm -png -r 60 -f 1 -l 1 "$sheet" "$shots/home_7_sheet" || fail "pdftoppm could not render the sheet"
echo "ok: the sheet has the contract, the login and the password; the desk never showed it"

# 7. Turbo from the Home internet tab: 100 UAH on the account first (a ledger row written
#    by the test), then the menu's Turbo, 1 hour: the tab shows the time left.
psql_super "$db" "INSERT INTO ledger(account_id, wallet, amount, kind, idempotency_key, description)
                  SELECT id, 'main', 10000, 'payment', 'gui-test-topup-$$', 'GUI test top-up'
                  FROM account WHERE number = '$account'" >/dev/null || fail "could not put money on the account"
focus "$main"
xdotool key F5
sleep 1.5
xdotool key alt+i; sleep 0.5; xdotool key t
wait_for 10 window_titled "Turbo: twice the speed" || fail "the menu did not open the turbo dialog"
turbo=$found
sleep 1
shot 8_turbo
focus "$turbo"
xdotool key Return
wait_for 15 said "home: Turbo is on for $hlogin." || fail "turbo was not bought"
wait_for 15 said "home-turbo: Turbo on: 1 h 00 min left" || fail "the tab does not show the turbo's time left"
shot 9_turbo_left
echo "ok: turbo bought from the Home internet menu; the tab shows 1 h left"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: contract wizard end to end, sheet, RADIUS rows, turbo"
