#!/bin/sh
# GUI smoke test: the desk starts, shows its login window (titled in the language asked
# for), and leaves with exit code 0 when the person presses Escape. No database needed.
#
#   login_smoke.sh SUBDESK LANG EXPECTED_TITLE SCREENSHOT
#
# Uses the X display it is given (scripts/test runs Xvfb + openbox for the whole run);
# without one, it re-runs itself under xvfb-run.
set -u

if [ $# -ne 4 ]; then
  echo "usage: $0 SUBDESK LANG EXPECTED_TITLE SCREENSHOT" >&2
  exit 2
fi
subdesk=$1 lang=$2 expected=$3 screenshot=$4

if [ -z "${DISPLAY:-}" ]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIP: no DISPLAY and no xvfb-run" >&2
    exit 77
  fi
  exec xvfb-run -a -s '-screen 0 1280x1024x24' "$0" "$@"
fi
for tool in xdotool import timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed" >&2
    exit 77
  fi
done

export GDK_BACKEND=x11 NO_AT_BRIDGE=1
work=$(mktemp -d)
# The person's own subdesk.ini must not steer the test.
# Its own runtime folder: a desk another test (or worktree) left running on the default
# screen-pop socket would take the launch over, and this one would exit at once.
export SUBDESK_CONFIG="$work/subdesk.ini" XDG_RUNTIME_DIR="$work"
log="$work/subdesk.log"
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  echo "--- output of subdesk ---" >&2
  cat "$log" >&2
  exit 1
}

"$subdesk" --lang "$lang" --login smoke.test >"$log" 2>&1 &
pid=$!

# 1. The login window appears (bounded wait), found among the process's visible windows
#    by its exact title. (xdotool's --name cannot match non-Latin titles: GTK then sets
#    only _NET_WM_NAME, which getwindowname reads.)
window=
waited=0
while [ -z "$window" ]; do
  kill -0 "$pid" 2>/dev/null || fail "subdesk ended before showing the login window"
  [ "$waited" -ge 200 ] && fail "no window titled '$expected' within 20 s"
  for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
    if [ "$(xdotool getwindowname "$w" 2>/dev/null)" = "$expected" ]; then window=$w; fi
  done
  [ -n "$window" ] || { sleep 0.1; waited=$((waited + 1)); }
done
echo "login window $window: $expected (after ~$((waited / 10)) s)"

# 2. A picture for the person reading the test results.
sleep 0.5  # let the window finish drawing
mkdir -p "$(dirname "$screenshot")"
import -window root "$screenshot" || echo "warning: no screenshot taken" >&2

# 3. Escape cancels the login window; the application must end with exit code 0.
timeout 5 xdotool windowfocus --sync "$window" || echo "warning: could not focus the window" >&2
xdotool key --clearmodifiers Escape

waited=0
while kill -0 "$pid" 2>/dev/null; do
  [ "$waited" -ge 100 ] && fail "subdesk still running 10 s after Escape"
  sleep 0.1
  waited=$((waited + 1))
done
wait "$pid"
rc=$?
pid=
[ "$rc" -eq 0 ] || fail "subdesk exited with code $rc after Escape (expected 0)"
echo "PASS: login window shown, Escape closed subdesk with exit code 0"
