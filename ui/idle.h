#pragma once
// When the person last touched the desk (keyboard or mouse), for the idle lock: after
// 10 minutes without input the main window hides and asks for the password again.
// $SUBDESK_IDLE_LOCK_SECONDS shortens or lengthens the time (tests, kiosk desks).
namespace subdesk::ui {

void noteActivity();        // called by the application for every key and mouse event
long idleMilliseconds();    // since the last noteActivity()
long idleLockMs();          // the idle time after which the desk locks
int idleCheckIntervalMs();  // how often the main window looks

}  // namespace subdesk::ui
