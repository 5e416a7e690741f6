#!/bin/bash
# GUI test: the login window tells a wrong password, a locked login and an expired login
# apart; a good password opens the desk; after the idle time the desk locks (the main
# window hides) and the password unlocks it again.
#
#   login_refusals.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
#
# Needs the test server (SUBDESK_TEST_PG) and an X display (scripts/test provides both).
set -u
[ $# -eq 3 ] || { echo "usage: $0 SUBDESK SUBDESK_CLI SCREENSHOT_DIR" >&2; exit 2; }
subdesk=$1 cli=$2 shots=$3
[ -n "${SUBDESK_TEST_PG:-}" ] || { echo "SKIP: SUBDESK_TEST_PG not set"; exit 77; }
[ -n "${DISPLAY:-}" ] || { echo "SKIP: no DISPLAY"; exit 77; }
for tool in xdotool import psql; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done

export GDK_BACKEND=x11 NO_AT_BRIDGE=1 SUBDESK_GUI_TEST=1 SUBDESK_IDLE_LOCK_SECONDS=4
work=$(mktemp -d)
db=gui_refusals_$$
login=gui_ann_$$
password='Gui-password-42'
export SUBDESK_CONFIG="$work/subdesk.ini"
out="$work/desk.out"
pid=
psql_super() { psql "$SUBDESK_TEST_PG dbname=$1" -v ON_ERROR_STOP=1 -qtA -c "$2"; }
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  psql_super postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  psql_super postgres "DROP ROLE IF EXISTS $login" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  echo "--- output of subdesk ---" >&2
  cat "$out" >&2
  import -window root "$shots/login_refusals_failure.png" 2>/dev/null
  exit 1
}
mkdir -p "$shots"

psql_super postgres "CREATE DATABASE $db TEMPLATE subdesk_template_demo" || exit 1
office=$(psql_super "$db" "SELECT code FROM office ORDER BY id LIMIT 1")
echo "$password" | "$cli" --db "$SUBDESK_TEST_PG dbname=$db" staff add "$login" \
  --name "Анна Тестова" --group agent --office "$office" >/dev/null || exit 1
conninfo="host=$(echo "$SUBDESK_TEST_PG" | sed -n 's/.*host=\([^ ]*\).*/\1/p') port=$(echo "$SUBDESK_TEST_PG" | sed -n 's/.*port=\([^ ]*\).*/\1/p') dbname=$db"
start_desk() {
  "$subdesk" --lang en --db "$conninfo" --login "$login" >>"$out" 2>&1 &
  pid=$!
  wait_for 20 window_titled "Sign in — subdesk" || fail "no login window"
  login_window=$found
}

# wait_for SECONDS CONDITION...: polls the condition every 0.1 s.
wait_for() {
  local limit=$(( $1 * 10 )) n=0
  shift
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail "subdesk ended early"
    [ $n -ge $limit ] && return 1
    sleep 0.1; n=$((n + 1))
  done
}
window_titled() {
  local w
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    [ "$(xdotool getwindowname "$w" 2>/dev/null)" = "$1" ] && { found=$w; return 0; }
  done
  return 1
}
said() { grep -qF "$1" "$out"; }
type_password() {
  xdotool windowactivate --sync "$login_window" 2>/dev/null || xdotool windowfocus --sync "$login_window"
  sleep 0.3
  xdotool type --delay 20 "$1"
  xdotool key Return
}

start_desk
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
start_desk
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
