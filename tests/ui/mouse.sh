#!/bin/sh
# The mouse: off by default, and then relview never turns the terminal's mouse
# reporting on; with --mouse or [ui] mouse = true, the wheel scrolls the pane under
# the pointer and a click selects a row or gives a pane the keys.
set -u
. "$SRCDIR/tests/ui/lib.sh"

# What the terminal in the pane was asked to report (tmux keeps the modes).
mouse_modes() {
	t display -p '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag}'
}
# wheel up|down COL ROW, click COL ROW: mouse events as xterm sends them in SGR
# mode, at a 1-based cell (the wheel is buttons 64 and 65; a click, the first
# button's press and release).
wheel() {
	t send-keys -l "$(printf '\033[<%d;%d;%dM' "$([ "$1" = up ] && echo 64 || echo 65)" "$2" "$3")"
}
click() {
	t send-keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"
}
# Off: no mode is ever set, whatever the keys do.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys j Enter q t Escape
wait_for " list "
[ "$(mouse_modes)" = 0000 ] || fail "mouse reporting is on without --mouse: $(mouse_modes)"
keys Q
expect_restored 0

# On. 100x30, stacked: the list on screen lines 2-11, the reader from line 13.
start -- "$RELVIEW" --mouse "$BUNDLE"
expect_shown "$TOTAL"
[ "$(mouse_modes)" = 1101 ] || fail "--mouse did not turn SGR mouse reporting on: $(mouse_modes)"
# The wheel over the list moves the selection three rows a notch.
wheel down 10 5
expect_selected 4
wheel down 10 5
wheel up 10 5
expect_selected 4
# A click selects the row under it (line 8: the seventh row).
click 30 8
expect_selected 7
wait_for " list "
# The wheel over the reader scrolls it, the list keeps its selection.
top=$(screen_line 13)
expect_contains "$top" "$(title_of_row 7)"
wheel down 30 20
reader_moved() {
	[ "$(screen_line 13)" != "$top" ]
}
eventually reader_moved || fail "the wheel did not scroll the reader"
screen_line 8 | grep -qF "$(title_of_row 7)" || fail "the list moved with the reader"
expect_row 7 # still the seventh
# A click in the reader gives it the keys.
click 30 20
wait_for " reader "
# In a picker the wheel moves the cursor: Space then chooses the fourth item.
keys t
wait_for "Topics: 0 chosen"
wheel down 30 10
keys Space
wait_for "Topics: 1 chosen"
screen_line 6 | grep -qF "[x]" || fail "the wheel did not move the picker's cursor"
# A click on a picker row puts the cursor there.
click 30 8
keys Space
wait_for "Topics: 2 chosen"
screen_line 8 | grep -qF "[x]" || fail "the click did not move the picker's cursor"
keys Escape
wait_gone " chosen."
keys Q
expect_restored 0
[ "$(mouse_modes)" = 0000 ] || fail "mouse reporting stayed on after relview ended"

# A pager has the terminal as relview found it: no mouse reporting meanwhile.
start -- env PAGER="until [ -e '$TMP/go' ]; do sleep 0.05; done" "$RELVIEW" --mouse "$BUNDLE"
expect_shown "$TOTAL"
keys p
wait_gone " list "
[ "$(mouse_modes)" = 0000 ] || fail "mouse reporting stayed on while the pager ran"
touch "$TMP/go"
wait_for " list "
[ "$(mouse_modes)" = 1101 ] || fail "mouse reporting did not come back after the pager"
keys Q
expect_restored 0

# The configuration turns it on too.
printf '[ui]\nmouse = true\n' >"$TMP/mouse.ini"
start -- "$RELVIEW" --config "$TMP/mouse.ini" "$BUNDLE"
expect_shown "$TOTAL"
[ "$(mouse_modes)" = 1101 ] || fail "mouse = true did not turn mouse reporting on"
wheel down 10 5
expect_selected 4
keys Q
expect_restored 0
pass
