#!/bin/sh
# The list and the reader: start-up order, opening and scrolling a release, the
# layout toggle, resize (and the key hints that fit), the help screen, and quitting
# gives the terminal back.
set -u
. "$SRCDIR/tests/ui/lib.sh"

first=$(list | sed -n 1p | cut -f4 | cut -c1-30)
second=$(list | sed -n 2p | cut -f4 | cut -c1-30)

start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
wait_for "$TOTAL releases"
# The newest release first, as --list orders them, and it shows in the reader.
screen_line 2 | grep -qF "$first" || fail "the first row is not the newest release"
screen_line 3 | grep -qF "$second" || fail "the second row is not the second release"
# The preview's header: the date, place and topics on one line.
screen | grep -q "^ [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] · " ||
	fail "the reader does not show the selected release"

# Moving the selection shows the next release in the reader at once.
keys j
wait_for " $second"
# A capture can land in the middle of a refresh on a busy machine: look again.
tries=0
until [ "$(screen | grep -c -F "$second")" -ge 2 ] || [ $tries -ge 100 ]; do
	sleep 0.05
	tries=$((tries + 1))
done
[ "$(screen | grep -c -F "$second")" -ge 2 ] || fail "the reader does not follow the selection"

# Tab: the reader has the keys; space scrolls it, g goes back to its top.
keys Tab
wait_for " reader "
rule=$(screen | grep -n "^─" | cut -d: -f1)
[ -n "$rule" ] || fail "no rule between the stacked panes"
below() {
	screen_line $((rule + 1))
}
top=$(below)
keys Space
tries=0
while [ "$(below)" = "$top" ] && [ $tries -lt 100 ]; do
	sleep 0.05
	tries=$((tries + 1))
done
[ "$(below)" != "$top" ] || fail "space did not scroll the release"
keys g
wait_for "$top"
keys Tab
wait_for " list "

# Enter: the reader full screen (the list is gone); q goes back to the list.
keys Enter
wait_for " reader "
wait_gone "$first"
keys q
wait_for "$first"
wait_for " list "

# v: the list alone (no rule), side by side (a vertical rule between the panes),
# and back to stacked.
keys v
wait_for "The list alone"
wait_gone "───"
keys v
wait_for "│"
keys v
wait_gone "│"
wait_for "───"

# Resize: everything reflows at once; no line is wider than the terminal.
t resize-window -x 60 -y 20
expect_shown "$TOTAL"
[ "$(screen | grep "^─" | LC_ALL=C.UTF-8 wc -m)" -eq 61 ] ||
	fail "the rule does not span the resized terminal"
screen_line 19 | grep -q '?:help *$' || fail "the status line does not end at the new width"
# The key hints: as many as fit whole, none cut; a wide terminal shows them all.
hints_are() {
	[ "$(screen_line "$1")" = "$2" ]
}
first_hints="q:quit  Enter:read  /:search  t:topics  l:locations  d:dates"
eventually hints_are 20 "$first_hints" || fail "the hints at 60 columns are not the first six, whole"
t resize-window -x 120 -y 30
wait_for "Tab:focus  T:timeline  r:related"
t resize-window -x 100 -y 30
wait_for "$first"
eventually hints_are 30 "$first_hints  c:clear  v:layout  Tab:focus" ||
	fail "the hints at 100 columns do not end whole"

# ?: the help, generated from the key table; q closes it.
keys '?'
wait_for "List and reader"
wait_for "choose topics"
wait_for "next match in the release"
keys q
wait_gone "List and reader"

keys q
expect_restored 0
echo "PASS: $TEST"
