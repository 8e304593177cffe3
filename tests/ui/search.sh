#!/bin/sh
# Incremental search in the list (narrows as you type, Backspace widens, Enter keeps,
# Esc restores the list and the selection) and find in the release (every match
# highlighted, n/N with wrapping).
set -u
. "$SRCDIR/tests/ui/lib.sh"

fra=$(list --search fra | wc -l)
fraud=$(list --search fraud | wc -l)
[ "$fraud" -gt 0 ] && [ "$fra" -gt "$fraud" ] || hard_error "the bundle does not suit the test"
third=$(list | sed -n 3p | cut -f4 | cut -c1-40)

start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys j j
wait_for "$third"

keys /
wait_for "Search:"
type_text fra
wait_for "[$fra matches]"
expect_shown "$fra"
type_text ud
wait_for "[$fraud match"
expect_shown "$fraud"
keys BSpace BSpace
wait_for "[$fra matches]"
# Esc: the whole list again, the same release selected.
keys Escape
expect_shown "$TOTAL"
rule=$(screen | grep -n "^─" | cut -d: -f1)
screen_line $((rule + 1)) | grep -qF "$third" || fail "Esc did not restore the selection"

# Enter keeps the result; the status line says what is searched.
keys /
type_text fraud
keys Enter
expect_shown "$fraud"
wait_for "/fraud"
keys c
expect_shown "$TOTAL"

# Find in the release: the first release, full screen.
keys g Enter
wait_for " reader "
matches=$("$RELVIEW" --print=1 --width=98 "$BUNDLE" | grep -oi the | wc -l)
[ "$matches" -gt 2 ] || hard_error "the first release has too few matches"
keys /
wait_for "Find:"
type_text the
wait_for "[$matches in this release]"
t capture-pane -e -p | grep -q "43mthe" || fail "matches are not highlighted"
keys Enter
keys n
wait_for "Match 2 of $matches"
keys N
wait_for "Match 1 of $matches"
keys N
wait_for "Match $matches of $matches (wrapped to the bottom)"
keys n
wait_for "Match 1 of $matches (wrapped to the top)"

keys q q
expect_restored 0
echo "PASS: $TEST"
