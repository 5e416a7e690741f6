#!/bin/bash
# GUI test of "the desk shows who you are" and the administration windows, against a
# real database cloned from subdesk_template_demo:
#   - an administrator signs in; the status bar names them, their role and office, and
#     the Administration menu is enabled; Ctrl+Shift+S opens the staff window, which
#     lists the staff; Ctrl+Shift+L opens the audit window, which shows rows;
#   - a call-centre agent signs in; the status bar says so and both items are disabled.
# The desk reports what the screen cannot be asked (status bar text, row counts) on
# standard output when SUBDESK_GUI_TEST=1 (ui/gui_probe.h).
#
#   staff_admin_smoke.sh SUBDESK SUBDESK_CLI SCREENSHOT_DIR
set -u
. "$(dirname "$0")/lib.sh"
gui_setup staff "timeout" "$@"
admin=gui_admin_$$ agent=gui_agent_$$
admin_name="Ганна Тестова"
# Two staff logins, made the way an administrator's first setup is.
gui_staff "$admin" "$admin_name" admin KYIV-CENTRE
gui_staff "$agent" "Петро Агент" agent LVIV-1

# 1. The administrator.
login=$admin
start_desk
sign_in
wait_for 20 said_re "^status: $admin_name · Administrator · Київ, Хрещатик \(KYIV-CENTRE\) \| Connected" ||
  fail "the status bar does not name the administrator"
wait_for 20 said_re "^menu: staff=on audit=on" || fail "the Administration menu is not enabled for an administrator"
echo "admin signed in: $(grep '^status:' "$out" | tail -n 1)"
shot main

xdotool key --clearmodifiers ctrl+shift+s
wait_for 20 window_titled "Staff — subdesk" || fail "Ctrl+Shift+S did not open the staff window"
staff=$found
wait_for 20 said_re "^staff: ([2-9]|[1-9][0-9]+) rows" || fail "the staff window lists fewer than two staff"
echo "staff window: $(grep '^staff:' "$out" | tail -n 1)"
shot staff
focus "$staff"; xdotool key Escape
wait_for 10 gone "$staff" || fail "the staff window is still open after Escape"

focus "$main"
xdotool key --clearmodifiers ctrl+shift+l
wait_for 20 window_titled "Audit log — subdesk" || fail "Ctrl+Shift+L did not open the audit window"
audit=$found
wait_for 20 said_re "^audit: [1-9][0-9]* rows" || fail "the audit window shows no rows"
echo "audit window: $(grep '^audit:' "$out" | tail -n 1)"
shot audit
focus "$audit"; xdotool key Escape
wait_for 10 gone "$audit" || fail "the audit window is still open after Escape"
quit

# 2. The agent: who they are, and neither window.
login=$agent
start_desk
sign_in
wait_for 20 said_re "^status: Петро Агент · Call-centre agent · Львів, центр \(LVIV-1\) \| Connected" ||
  fail "the status bar does not name the agent"
wait_for 20 said_re "^menu: staff=off audit=off" || fail "the Administration menu is enabled for an agent"
# The Administration menu open, its items greyed out (a picture for the reader).
xdotool key --clearmodifiers alt+a
shot agent_menu
xdotool key Escape
focus "$main"
xdotool key --clearmodifiers ctrl+shift+s
sleep 1
window_titled "Staff — subdesk" && fail "the staff window opened for an agent"
quit
echo "PASS: status bar, Administration menu, staff and audit windows"
