#!/bin/sh
# GUI test of "the desk shows who you are" and the administration windows, against a
# real database cloned from subdesk_template_demo:
#   - an administrator signs in; the status bar names them, their role and office, and
#     the Administration menu is enabled; Ctrl+Shift+S opens the staff window, which
#     lists the staff; Ctrl+Shift+L opens the audit window, which shows rows;
#   - a call-centre agent signs in; the status bar says so and both items are disabled.
# The desk reports what the screen cannot be asked (status bar text, row counts) on
# standard output when SUBDESK_GUI_TEST=1 (ui/gui_probe.h).
#
#   staff_admin_smoke.sh SUBDESK SUBDESK_CLI ARTIFACTS_DIR
set -u

if [ $# -ne 3 ]; then
  echo "usage: $0 SUBDESK SUBDESK_CLI ARTIFACTS_DIR" >&2
  exit 2
fi
subdesk=$1 cli=$2 artifacts=$3

[ -n "${SUBDESK_TEST_PG:-}" ] || { echo "SKIP: SUBDESK_TEST_PG not set" >&2; exit 77; }
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || { echo "SKIP: no DISPLAY and no xvfb-run" >&2; exit 77; }
  exec xvfb-run -a -s '-screen 0 1280x1024x24' "$0" "$@"
fi
for tool in xdotool import timeout psql; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed" >&2; exit 77; }
done

export GDK_BACKEND=x11 NO_AT_BRIDGE=1 SUBDESK_GUI_TEST=1
work=$(mktemp -d)
export SUBDESK_CONFIG="$work/subdesk.ini"
suffix=$$
db="subdesk_gui_staff_$suffix"
admin="gui_admin_$suffix" agent="gui_agent_$suffix"
password="Gui-test-password-$suffix"
admin_name="Ганна Тестова"
log= pid=

psql_admin() { psql "$SUBDESK_TEST_PG dbname=postgres" -v ON_ERROR_STOP=1 -q -c "$1"; }
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; fi
  psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  psql_admin "DROP ROLE IF EXISTS $admin" >/dev/null 2>&1
  psql_admin "DROP ROLE IF EXISTS $agent" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  if [ -n "$log" ]; then
    echo "--- output of subdesk ---" >&2
    cat "$log" >&2
  fi
  import -window root "$artifacts/staff_admin_failure.png" 2>/dev/null
  exit 1
}
mkdir -p "$artifacts"

# The database and two staff logins, made the way an administrator's first setup is.
psql_admin "CREATE DATABASE $db TEMPLATE subdesk_template_demo" || fail "could not clone the demo template"
superuser="$SUBDESK_TEST_PG dbname=$db"
echo "$password" | "$cli" --db "$superuser" staff add "$admin" --name "$admin_name" --group admin \
  --office KYIV-CENTRE || fail "subdesk-cli staff add (admin) failed"
echo "$password" | "$cli" --db "$superuser" staff add "$agent" --name "Петро Агент" --group agent \
  --office LVIV-1 || fail "subdesk-cli staff add (agent) failed"
# The desk signs in as the staff member: the superuser's name and password are left out.
desk_db="$(echo "$SUBDESK_TEST_PG" | sed -e 's/user=[^ ]*//' -e 's/password=[^ ]*//') dbname=$db"

# wait_window TITLE: prints the id of the process's visible window with exactly that
# title (xdotool --name cannot match non-Latin titles), failing after 20 s.
wait_window() {
  waited=0
  while :; do
    kill -0 "$pid" 2>/dev/null || fail "subdesk ended while waiting for '$1'"
    for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
      if [ "$(xdotool getwindowname "$w" 2>/dev/null)" = "$1" ]; then echo "$w"; return 0; fi
    done
    [ "$waited" -ge 200 ] && fail "no window titled '$1' within 20 s"
    sleep 0.1
    waited=$((waited + 1))
  done
}
# wait_gone WINDOW: the window closed within 10 s.
wait_gone() {
  waited=0
  while xdotool search --onlyvisible --pid "$pid" 2>/dev/null | grep -qx "$1"; do
    [ "$waited" -ge 100 ] && fail "window $1 still open 10 s after Escape"
    sleep 0.1
    waited=$((waited + 1))
  done
}
# wait_line PATTERN: a line of the desk's output matches the extended regex, within 20 s.
wait_line() {
  waited=0
  until grep -Eq "$1" "$log"; do
    kill -0 "$pid" 2>/dev/null || fail "subdesk ended while waiting for output /$1/"
    [ "$waited" -ge 200 ] && fail "no output line matching /$1/ within 20 s"
    sleep 0.1
    waited=$((waited + 1))
  done
}
press() {
  timeout 5 xdotool windowactivate --sync "$1" >/dev/null 2>&1 ||
    timeout 5 xdotool windowfocus --sync "$1" || echo "warning: could not focus window $1" >&2
  xdotool key --clearmodifiers "$2"
}
shot() {
  sleep 0.7  # let the window finish drawing
  import -window root "$artifacts/$1" || echo "warning: no screenshot $1" >&2
}

# sign_in LOGIN: starts the desk, types the password into the login window, and sets
# $main to the main window's id (not in a subshell: $pid and $log must stay set).
sign_in() {
  log="$work/$1.log"
  "$subdesk" --db "$desk_db" --login "$1" --lang en >"$log" 2>&1 &
  pid=$!
  login_window=$(wait_window "Sign in — subdesk") || exit 1
  timeout 5 xdotool windowfocus --sync "$login_window" || echo "warning: could not focus login" >&2
  sleep 0.3
  xdotool type --delay 15 "$password"
  xdotool key --clearmodifiers Return
  main=$(wait_window "subdesk — $1") || exit 1
}
quit() {
  press "$1" ctrl+q
  waited=0
  while kill -0 "$pid" 2>/dev/null; do
    [ "$waited" -ge 100 ] && fail "subdesk still running 10 s after Ctrl+Q"
    sleep 0.1
    waited=$((waited + 1))
  done
  wait "$pid"
  rc=$?
  pid=
  [ "$rc" -eq 0 ] || fail "subdesk exited with code $rc after Ctrl+Q"
}

# 1. The administrator.
sign_in "$admin"
wait_line "^status: $admin_name · Administrator · Київ, Хрещатик \(KYIV-CENTRE\) \| Connected"
wait_line "^menu: staff=on audit=on"
echo "admin signed in: $(grep '^status:' "$log" | tail -n 1)"
shot staff_admin_main.png

press "$main" ctrl+shift+s
staff=$(wait_window "Staff — subdesk") || exit 1
wait_line "^staff: ([2-9]|[1-9][0-9]+) rows"
echo "staff window: $(grep '^staff:' "$log" | tail -n 1)"
shot staff_admin_staff.png
press "$staff" Escape
wait_gone "$staff"

press "$main" ctrl+shift+l
audit=$(wait_window "Audit log — subdesk") || exit 1
wait_line "^audit: [1-9][0-9]* rows"
echo "audit window: $(grep '^audit:' "$log" | tail -n 1)"
shot staff_admin_audit.png
press "$audit" Escape
wait_gone "$audit"
quit "$main"

# 2. The agent: who they are, and neither window.
sign_in "$agent"
wait_line "^status: Петро Агент · Call-centre agent · Львів, центр \(LVIV-1\) \| Connected"
wait_line "^menu: staff=off audit=off"
# The Administration menu open, its items greyed out (a picture for the reader).
press "$main" alt+a
shot staff_admin_agent_menu.png
xdotool key Escape
press "$main" ctrl+shift+s
sleep 1
xdotool search --onlyvisible --pid "$pid" 2>/dev/null | while read -r w; do
  [ "$(xdotool getwindowname "$w")" = "Staff — subdesk" ] && echo opened
done | grep -q opened && fail "the staff window opened for an agent"
quit "$main"
echo "PASS: status bar, Administration menu, staff and audit windows"
