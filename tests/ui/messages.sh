#!/bin/sh
# Messages and help readable on small screens: a message longer than the bottom line
# (a damaged state file, with its paths) is shown whole, wrapped over the rows above
# it; help at 40x12 wraps its text and scrolls to its end.
set -u
. "$SRCDIR/tests/ui/lib.sh"

state=$XDG_STATE_HOME/relview/state

# A damaged state file at 80 columns: both paths and the end of the sentence show.
mkdir -p "${state%/*}"
printf 'relview-state 1\nthis is not a mark\n' >"$state"
KEEP_STATE=1 start 80 24 -- "$RELVIEW" "$BUNDLE"
wait_for "marks start afresh"
[ ${#state} -lt 70 ] || skip "the state file's path is too long to show on one row"
screen | grep -qF -- "$state.bad" || fail "the damaged-state message does not name $state.bad"
screen | grep -qF -- "$state was damaged" || fail "the damaged-state message does not name $state"
# The status line stays, above the message.
expect_shown "$TOTAL"
# Gone at the next key, the status line back.
keys j
wait_gone "marks start afresh"
expect_shown "$TOTAL"
keys q
expect_restored 0

# Help at 40x12: no line cut, and every row of help reachable.
start 40 12 -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys '?'
wait_for "List and reader"
wait_for "scroll down a line"
seen=$TMP/help-seen
: >"$seen"
for page in $(seq 1 60); do
	screen | sed -n '2,10p' >>"$seen"
	keys PageDown
	sleep 0.05
done
screen | sed -n '2,10p' >>"$seen"
grep -qF "…" "$seen" && fail "help cuts lines at 40 columns: $(grep -F "…" "$seen" | head -3)"
# Its last words: the query language's last form, reached by scrolling.
last=$("$RELVIEW" --help | awk '/is made of:/ { f = 1; next } f && /^$/ { exit } f { w = $NF } END { print w }')
[ -n "$last" ] || hard_error "no last word of the query language in --help"
grep -qF -- "$last" "$seen" || fail "help never shows its last words ('$last') at 40x12"
keys q Q
expect_restored 0
