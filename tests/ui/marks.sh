#!/bin/sh
# Read marks and stars are saved soon after they change, not only when relview
# ends: killed with SIGKILL (no handler runs), it loses none of them.
set -u
. "$SRCDIR/tests/ui/lib.sh"
KEEP_STATE=1
rm -rf "$XDG_STATE_HOME"

first=$(list | sed -n 1p | cut -f4)
second=$(list | sed -n 2p | cut -f4)

start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys s
wait_for "Starred"
keys j m
wait_for "Marked read"
# Saved within a few seconds of the change, while relview runs on.
saved() {
	[ "$(list --starred | cut -f4)" = "$first" ] && [ "$(list --unread | wc -l)" -eq $((TOTAL - 1)) ]
}
eventually saved || fail "the marks were not saved within 5 s of the change"
note "saved after about $((tries * 50)) ms"
screen | grep -q "EXIT=" && fail "relview is not running any more"

# SIGKILL: no handler, no save at exit.
shell=$(t display -p '#{pane_pid}')
pid=$(pgrep -P "$shell")
[ -n "$pid" ] || hard_error "relview's process was not found"
kill -KILL "$pid"
wait_for "EXIT=137"

[ "$(list --starred | cut -f4)" = "$first" ] || fail "the star did not survive SIGKILL"
[ "$(list --unread | cut -f4 | grep -cxF "$second")" -eq 0 ] ||
	fail "the read mark did not survive SIGKILL"
[ "$(list --unread | wc -l)" -eq $((TOTAL - 1)) ] || fail "--unread lists $(list --unread | wc -l)"

# The next run shows them, and changes made after a save are saved again.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys g
expect_row 1
screen_line 2 | grep -qF "* $(printf %s "$first" | cut -c1-30)" || fail "no star after the restart"
keys s
wait_for "Star taken away"
no_star() {
	[ -z "$(list --starred)" ]
}
eventually no_star || fail "the star taken away was not saved within 5 s"
keys Q
expect_restored 0
pass
