#!/bin/bash
# GUI test: the login window tells a wrong password, a locked login and an expired login
# apart; a good password opens the desk; after the idle time the desk locks (the main
# window hides) and the password unlocks it again.
#
#   login_refusals.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
#
# Needs the test server (SUBDESK_TEST_PG) and an X display (scripts/test provides both).
set -u
. "$(dirname "$0")/lib.sh"
gui_setup refusals "" "$@"
export SUBDESK_IDLE_LOCK_SECONDS=4
login=gui_ann_$$
office=$(psql_super "$db" "SELECT code FROM office ORDER BY id LIMIT 1")
gui_staff "$login" "Анна Тестова" agent "$office"
open_login_window() {
  start_desk
  wait_for 20 window_titled "Sign in — subdesk" || fail "no login window"
  login_window=$found
}
type_password() {
  xdotool windowactivate --sync "$login_window" 2>/dev/null || xdotool windowfocus --sync "$login_window"
  sleep 0.3
  xdotool type --delay 20 "$1"
  xdotool key Return
}

open_login_window
# 1. A wrong password.
type_password "not-my-password"
wait_for 15 said "error: Wrong login or password." || fail "no 'wrong password' message"
import -window root "$shots/login_wrong_password.png"
echo "ok: wrong password"

# 2. The right password of a locked login.
psql_super "$db" "ALTER ROLE $login NOLOGIN"
type_password "$password"
wait_for 15 said "error: This login is locked." || fail "no 'locked' message"
echo "ok: locked login"

# 3. The right password of an expired login. PostgreSQL answers it like a wrong password;
#    the desk tells it apart by the expiry it remembered at the last sign-in on this
#    computer (written to subdesk.ini), so a new desk starts with that remembered.
xdotool key Escape
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Escape did not close the login window"
pid=
printf '[login_expiry]\n%s = 2020-01-01\n' "$login" > "$SUBDESK_CONFIG"
psql_super "$db" "ALTER ROLE $login LOGIN VALID UNTIL '2020-01-01'"
open_login_window
type_password "$password"
wait_for 15 said "error: Your login expired on 2020-01-01." || fail "no 'expired' message"
import -window root "$shots/login_expired.png"
echo "ok: expired login"

# 4. Extended again: the desk opens.
psql_super "$db" "ALTER ROLE $login VALID UNTIL 'infinity'"
type_password "$password"
wait_for 20 window_titled "subdesk — $login" || fail "the main window did not open"
main_window=$found
echo "ok: signed in"

# 5. Idle: the desk locks itself (main window hidden, lock window shown), the password
#    unlocks it. A dialog left open (here About, F1) hides too and comes back still open.
xdotool windowactivate --sync "$main_window" 2>/dev/null || xdotool windowfocus --sync "$main_window"
xdotool key F1
wait_for 10 window_titled "About subdesk" || fail "F1 did not open the About window"
wait_for 20 window_titled "Locked — subdesk" || fail "the desk did not lock when idle"
login_window=$found
said "desk: locked" || fail "the desk did not report locking"
window_titled "subdesk — $login" && fail "the main window is still visible while locked"
window_titled "About subdesk" && fail "a dialog left open is still visible while locked"
import -window root "$shots/desk_locked.png"
type_password "$password"
wait_for 15 said "desk: unlocked" || fail "the password did not unlock the desk"
wait_for 10 window_titled "subdesk — $login" || fail "the main window did not come back"
wait_for 10 window_titled "About subdesk" || fail "the dialog left open did not come back"
about_window=$found
import -window root "$shots/desk_unlocked.png"
xdotool windowactivate --sync "$about_window" 2>/dev/null || xdotool windowfocus --sync "$about_window"
xdotool key Escape
wait_for 10 bash -c "! xdotool search --onlyvisible --name '^About subdesk\$' >/dev/null" ||
  fail "the dialog did not close after the unlock"
window_titled "subdesk — $login" || fail "the main window went away with the dialog"
echo "ok: idle lock and unlock, with a dialog open"

kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "PASS: wrong password, locked, expired told apart; idle lock works"
