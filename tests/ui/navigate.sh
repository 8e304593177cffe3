#!/bin/sh
# Moving through the list and the releases: a list made anew shows its first screen
# when the selection is on it, else scrolls as little as it must (after a filter, a
# picker, and at start-up on the release remembered).
set -u
. "$SRCDIR/tests/ui/lib.sh"
SAMPLE=$SRCDIR/sample/releases.tar.gz
[ -f "$SAMPLE" ] || hard_error "no sample bundle"
sample_total=$("$RELVIEW" --list "$SAMPLE" | wc -l)

# Row N of the sample's list as the screen starts it: the date and the location.
sample_row() {
	"$RELVIEW" --list "$@" "$SAMPLE" | cut -f1 | sed -n "${ROW}p"
}

# Line N of the screen holds TEXT.
line_has() {
	screen_line "$1" | grep -qF -- "$2"
}

# At 80x24 the stacked list has 8 rows, on screen lines 2 to 9.
start 80 24 -- "$RELVIEW" "$SAMPLE"
wait_for " 400 releases "
keys j j j j j j j j j j j j j j j j j j j j j j j
wait_for "$(ROW=24 sample_row)"
# The location picker: Texas. The selection (row 24, a Texas release) is the
# second Texas release: the list shows its first, newer one above it.
keys l
wait_for "Locations: 0 chosen"
type_text texas
wait_for "] Texas"
keys Tab Enter
wait_for "place: "
ROW=1 newest=$(sample_row --location texas)
ROW=2 second=$(sample_row --location texas)
eventually line_has 2 "$newest" ||
	fail "after a location filter the list does not start at its newest release ($newest)"
screen_line 3 | grep -qF "$second" || fail "the second Texas release is not on the second row"

# The same with a topic: the selection stays on its release, the list shows its top.
keys c
wait_for "Filters and search cleared"
keys t
wait_for "Topics: 0 chosen"
type_text smuggling
wait_for "] Human Smuggling"
keys Tab Enter
wait_for "topic: "
ROW=1 newest=$(sample_row --topic 'human smuggling')
eventually line_has 2 "$newest" ||
	fail "after a topic filter the list does not start at its newest release ($newest)"
keys Q
expect_restored 0

# At start-up, on the release the list was on last time: row 30 is below the first
# screen, so the list scrolls just far enough to show it on its last row.
KEEP_STATE=1
rm -rf "$XDG_STATE_HOME"
start 80 24 -- "$RELVIEW" "$SAMPLE"
wait_for " 400 releases "
keys : 30 Enter
wait_for "$(ROW=30 sample_row)"
keys Q
expect_restored 0
start 80 24 -- "$RELVIEW" "$SAMPLE"
wait_for " 400 releases "
ROW=23 first=$(sample_row)
ROW=30 resumed=$(sample_row)
eventually line_has 9 "$resumed" ||
	fail "the release remembered ($resumed) is not on the list's last row"
screen_line 2 | grep -qF "$first" || fail "the list scrolled further than it needed"
keys Q
expect_restored 0

# The preview shows a release from its top, title first, even one left part way
# down; read full screen, it is taken up where it was left, and the bottom line
# says so and how to go to the top. At 60x20 (stacked: below 20 lines the
# list is alone) the preview begins on line 9.
rm -rf "$XDG_STATE_HOME"
start 60 20 -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys Enter
wait_for " reader "
keys G
wait_for " reader 100% "
keys Q
expect_restored 0
start 60 20 -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
title=$(title_of_row 1 | cut -c1-20)
eventually line_has 9 "$title" || fail "the preview does not start at the release's title"
screen | grep -q "Resumed" && fail "the preview said it resumed"
keys Enter
wait_for " reader 100% "
wait_for "Resumed at line "
wait_for "(g: the top)"
keys g
eventually line_has 2 "$title" || fail "g did not go to the top"
# Back in the preview, the release shows its top again; read again, it is taken
# up where it was left.
keys G q
wait_for " list "
eventually line_has 9 "$title" || fail "back from full screen, the preview is not at the top"
keys Enter
wait_for " reader 100% "
wait_for "Resumed at line "
keys Q
expect_restored 0
unset KEEP_STATE

# From the full-screen reader, J and K read the next and the previous release of
# the list, and u the next unread one; the reader stays full screen.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys Enter
wait_for " reader "
keys J
expect_row 2
wait_for "$(title_of_row 2)"
wait_for " reader "
screen | grep -qF "$(title_of_row 3)" && fail "J left the full-screen reader"
keys K
expect_row 1
wait_for " reader "
# Rows 1 and 2 were read: u goes to row 3.
keys u
expect_row 3
wait_for " reader "
keys K K K
wait_for "No previous release: this is the first of the list"
expect_row 1
keys Q
expect_restored 0

# A marks every release of the list read, once y answers its question; n or Esc
# change nothing. The marks are saved as m's are.
rm -rf "$XDG_STATE_HOME"
KEEP_STATE=1
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys A
wait_for "Mark $TOTAL releases read? (y/n)"
# Its keys are y and n, which it says: no hint of an Enter that does nothing.
screen | grep -q "Enter:done" && fail "the question offers Enter"
keys n
wait_gone "(y/n)"
keys U
expect_shown "$TOTAL" # still every one unread
keys U
sentenced=$(list --search sentenced | wc -l)
[ "$sentenced" -gt 0 ] && [ "$sentenced" -lt "$TOTAL" ] || hard_error "no search to narrow with"
keys /
type_text sentenced
keys Enter
expect_shown "$sentenced"
keys A
wait_for "Mark $sentenced releases read? (y/n)"
keys y
wait_for "Marked $sentenced releases read"
unread_left() {
	[ "$(list --unread | wc -l)" -eq $((TOTAL - sentenced)) ]
}
eventually unread_left || fail "the marks were not saved: $(list --unread | wc -l) unread"
[ -z "$(list --unread --search sentenced)" ] || fail "a release of the list was left unread"
keys c
expect_shown "$TOTAL"
keys A
wait_for "Mark the $((TOTAL - sentenced)) unread of the list's $TOTAL releases read? (y/n)"
keys Escape
wait_gone "(y/n)"
keys U
expect_shown $((TOTAL - sentenced))
keys Q
expect_restored 0
unread_left || fail "Esc marked releases read"
unset KEEP_STATE
pass
