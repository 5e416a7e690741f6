# Shared by the database-backed GUI tests (sourced, not run). Each test is run by ctest as
#   SCRIPT SUBDESK SUBDESK_CLI SCREENSHOT_DIR
# against a database cloned from the demo template, under the X display of scripts/test.
#
#   . "$(dirname "$0")/lib.sh"
#   gui_setup pay "pdftotext pdftoppm" "$@"     # NAME, extra tools, the script's arguments
#   gui_staff "$login" "Петро Касир" sales "$office"
#   start_desk; sign_in                         # $main is the main window afterwards
#
# gui_setup gives: $subdesk $cli $shots, $work (removed at the end, also $HOME and
# $XDG_RUNTIME_DIR, so no desk of the user's takes over the launch), $db and $conninfo (the
# clone), $out (what the desk printed), $password (of every login gui_staff adds). At exit
# the desk is killed and the database and logins dropped.

gui_password='Gui-password-42'

# gui_setup NAME TOOLS SUBDESK SUBDESK_CLI SCREENSHOT_DIR
gui_setup() {
  local name=$1 tools=$2 tool
  shift 2
  [ $# -eq 3 ] || { echo "usage: $0 SUBDESK SUBDESK_CLI SCREENSHOT_DIR" >&2; exit 2; }
  subdesk=$1 cli=$2 shots=$3
  [ -n "${SUBDESK_TEST_PG:-}" ] || { echo "SKIP: SUBDESK_TEST_PG not set"; exit 77; }
  [ -n "${DISPLAY:-}" ] || { echo "SKIP: no DISPLAY"; exit 77; }
  for tool in xdotool import psql $tools; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
  done
  gui_test=$(basename "$0" .sh)
  export GDK_BACKEND=x11 NO_AT_BRIDGE=1 SUBDESK_GUI_TEST=1 SUBDESK_INSTANCE=${name}test$$
  work=$(mktemp -d)
  chmod 755 "$work"
  export SUBDESK_CONFIG="$work/subdesk.ini" XDG_RUNTIME_DIR="$work" HOME="$work/home"
  mkdir -p "$HOME"
  export XDG_DOCUMENTS_DIR="$HOME" XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
  db=gui_${name}_$$
  password=$gui_password
  out="$work/desk.out"
  : >"$out"
  pid=
  gui_logins=()
  trap gui_cleanup EXIT
  mkdir -p "$shots"
  psql_super postgres "CREATE DATABASE $db TEMPLATE subdesk_template_demo" || exit 1
  conninfo="host=$(echo "$SUBDESK_TEST_PG" | sed -n 's/.*host=\([^ ]*\).*/\1/p') port=$(echo "$SUBDESK_TEST_PG" | sed -n 's/.*port=\([^ ]*\).*/\1/p') dbname=$db"
}

gui_cleanup() {
  local login
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  psql_super postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  for login in "${gui_logins[@]}"; do
    psql_super postgres "DROP ROLE IF EXISTS $login" >/dev/null 2>&1
  done
  rm -rf "$work"
}

psql_super() { psql "$SUBDESK_TEST_PG dbname=$1" -v ON_ERROR_STOP=1 -qtA -c "$2"; }

fail() {
  echo "FAIL: $*" >&2
  echo "--- output of subdesk ---" >&2
  cat "$out" >&2
  import -window root "$shots/${gui_test}_failure.png" 2>/dev/null
  exit 1
}

# gui_staff LOGIN "FULL NAME" GROUP OFFICE_CODE: a staff login with $password, dropped at exit.
gui_staff() {
  gui_logins+=("$1")
  echo "$password" | "$cli" --db "$SUBDESK_TEST_PG dbname=$db" staff add "$1" \
    --name "$2" --group "$3" --office "$4" >/dev/null || exit 1
}

# start_desk [ARGS...]: the desk in English as $login, its output appended to $out.
start_desk() {
  "$subdesk" --lang en --db "$conninfo" --login "$login" "$@" >>"$out" 2>&1 &
  pid=$!
}

# sign_in: types $password into the login window; $main is the main window afterwards.
sign_in() {
  wait_for 20 window_titled "Sign in — subdesk" || fail "no login window"
  focus "$found"
  xdotool type --delay 20 "$password"; xdotool key Return
  wait_for 20 window_titled "subdesk — $login" || fail "the main window did not open"
  main=$found
  focus "$main"
}

# wait_for SECONDS CONDITION...: polls the condition every 0.1 s while the desk runs.
wait_for() {
  local limit=$(( $1 * 10 )) n=0
  shift
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail "subdesk ended early"
    [ $n -ge $limit ] && return 1
    sleep 0.1; n=$((n + 1))
  done
}
# window_titled TITLE: a visible window of the desk with that title; its id in $found.
window_titled() {
  local w
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    [ "$(xdotool getwindowname "$w" 2>/dev/null)" = "$1" ] && { found=$w; return 0; }
  done
  return 1
}
window_gone() { ! window_titled "$1"; }
said() { grep -qF -- "$1" "$out"; }
said_re() { grep -Eq -- "$1" "$out"; }
said_times() { [ "$(grep -cF -- "$1" "$out")" -ge "$2" ]; }
focus() { xdotool windowactivate --sync "$1" 2>/dev/null || xdotool windowfocus --sync "$1"; sleep 0.3; }
# A dialog's probe line comes from its constructor, before it is on screen: wait for its
# window and give it the keyboard before typing into it.
focus_dialog() { wait_for 10 window_titled "$1" || fail "no window '$1'"; focus "$found"; }
# gone WINDOW: that window is no longer on screen.
gone() { ! xdotool search --onlyvisible --pid "$pid" 2>/dev/null | grep -qx "$1"; }
# quit: Ctrl+Q in the main window; the desk ends with status 0.
quit() {
  focus "$main"
  xdotool key --clearmodifiers ctrl+q
  local n=0 rc
  while kill -0 "$pid" 2>/dev/null; do
    [ $n -ge 100 ] && fail "subdesk still running 10 s after Ctrl+Q"
    sleep 0.1; n=$((n + 1))
  done
  wait "$pid"; rc=$?
  pid=
  [ $rc -eq 0 ] || fail "subdesk exited with code $rc after Ctrl+Q"
}
# shot NAME: a screenshot of the whole display as SCREENSHOT_DIR/<script>_NAME.png.
shot() { sleep 0.4; import -window root "$shots/${gui_test}_$1.png"; }
# Types a file name into the GTK file chooser that has the focus and confirms it.
save_as() {
  sleep 0.8
  xdotool key ctrl+a; xdotool type --delay 10 "$1"; sleep 0.3; xdotool key Return
}

# national_number +380671234567 -> "067 123 45 67", as people say it.
national_number() {
  local digits=${1#+380}
  echo "0${digits:0:2} ${digits:2:3} ${digits:5:2} ${digits:7:2}"
}
# money_en KOPECKS: how the desk prints money in English: "UAH 1,234.56", "-UAH 5.00".
money_en() {
  local k=$1 sign=
  [ "$k" -lt 0 ] && { sign=-; k=$((-k)); }
  printf '%sUAH %s.%02d' "$sign" "$(echo $((k / 100)) | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')" $((k % 100))
}
