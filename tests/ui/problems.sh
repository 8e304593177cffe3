#!/bin/sh
# Problems reading the inputs can be read while relview runs: a count in the status
# line with the key that lists them (as bound), a pane of them a line each that
# scrolls and closes with q or Esc; they are still printed when relview ends.
set -u
. "$SRCDIR/tests/ui/lib.sh"

# No problems: no count, and the key says there are none.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
screen_line 29 | grep -q "problem" && fail "a problem count with no problems"
keys '!'
wait_for "No problems reading the inputs"
keys q
expect_restored 0

# 40 inputs that are no releases, and the bundle: 40 problems.
mkdir -p "$TMP/bad"
for i in $(seq -w 1 40); do
	printf '\000\001\002binary' >"$TMP/bad/b$i"
done
start -- "$RELVIEW" "$TMP"/bad/b* "$BUNDLE"
expect_shown "$TOTAL"
wait_for "Problems reading the inputs: press ! to list them"
wait_for "40 problems: !"
keys '!'
wait_for "40 problems reading the inputs; printed again when relview ends"
wait_for "$TMP/bad/b01: not an archive or a text file"
screen | grep -qF "relview: $TMP/bad/b01" && fail "the pane's lines keep the 'relview: ' of stderr"
screen | grep -qF "$TMP/bad/b40:" && fail "all 40 fit on 30 rows?"
# It scrolls to the last one.
keys G
wait_for "$TMP/bad/b40: not an archive or a text file"
screen_line 30 | grep -qF "q:close" || fail "the problems pane's keys are not on the bottom line"
# q closes it, back to the list.
keys q
wait_gone "problems reading the inputs;"
wait_for "q:quit"
# Esc closes it too.
keys '!'
wait_for "40 problems reading the inputs"
keys Escape
wait_gone "problems reading the inputs;"
keys q
expect_restored 0
# Still printed on stderr at the end, for scripts.
screen_joined | grep -qF "relview: $TMP/bad/b40: not an archive or a text file" ||
	fail "the problems were not printed when relview ended"

# The key as bound: rebound, the status line names the new one.
mkdir -p "$TMP/conf"
printf '[keys]\nproblems = P\n' >"$TMP/conf/keys.ini"
start -- "$RELVIEW" --config "$TMP/conf/keys.ini" "$TMP/bad/b01" "$BUNDLE"
expect_shown "$TOTAL"
wait_for "1 problem: P"
keys P
wait_for "1 problem reading the inputs"
keys q q
expect_restored 0

# A line wider than the pane loses its middle: the reason at its end is still read.
long=$TMP/a-folder-with-a-name-long-enough-to-fill-the-line/and-another-one-inside
mkdir -p "$long"
printf '\000\001\002binary' >"$long/b01"
start 60 20 -- "$RELVIEW" "$long/b01" "$BUNDLE"
expect_shown "$TOTAL"
keys '!'
wait_for "1 problem reading the inputs"
wait_for "b01: not an archive or a text file"
screen | grep -qF "$TMP" || fail "the line lost the start of the input's name"
keys q q
expect_restored 0
