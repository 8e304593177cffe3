#!/bin/sh
# The first screen: relview shows the inputs loading (which input, bytes and
# releases read) at once, then the catalog; q while loading stops it, gives the
# terminal back and leaves no reader process behind. The input is a pipe fed
# late, so that loading takes as long as the test needs.
set -u
. "$SRCDIR/tests/ui/lib.sh"

mkfifo "$TMP/slow"
feed() { # after SECONDS, write the bundle into the pipe
	(sleep "$1" && cat "$BUNDLE" >"$TMP/slow") &
}

feed 3
start -- "$RELVIEW" "$TMP/slow"
wait_for "loading 1 of 1: $TMP/slow" 2
wait_for "releases" 1
wait_for "q: stop and quit" 1
# When the data comes, the catalog takes the screen.
wait_for "$TOTAL releases" 10
expect_shown "$TOTAL"
keys q
expect_restored 0

# Ctrl-Z while the reader waits on the pipe, then fg (here: SIGCONT to both
# processes): the wait goes on and nothing is lost.
feed 3
start -- "$RELVIEW" "$TMP/slow"
wait_for "loading 1 of 1" 2
sleep 1 # the reader is forked and blocked opening the pipe
keys C-z
sleep 0.5
pkill -CONT -f "$RELVIEW $TMP/slow"
wait_for "$TOTAL releases" 10
keys q
expect_restored 0

# A pipe whose writer takes longer than the stall limit (5 s) is waited for.
feed 7
start -- "$RELVIEW" "$TMP/slow"
wait_for "$TOTAL releases" 15
keys q
expect_restored 0

feed 3
start -- "$RELVIEW" "$TMP/slow"
wait_for "loading 1 of 1" 2
keys q
expect_restored 0
sleep 0.3
pgrep -f "$RELVIEW $TMP/slow" >/dev/null && fail "a relview process is left behind"
# the feeder is still waiting for a reader: let it go
cat "$TMP/slow" >/dev/null
wait
exit 0
