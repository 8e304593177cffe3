#!/bin/sh
# Loading: the reader opens at once and the inputs load behind it. The title line
# shows the progress (which input, bytes and releases read) until every release is
# in; the list grows as releases arrive, every key works meanwhile, the selection
# stays on its release as others are inserted above it, and the list at the end is
# --list's. q while loading stops it, gives the terminal back and leaves no reader
# process behind. The inputs are pipes the test feeds when it is ready, so that
# loading takes as long as the test needs: a pipe is read whole before its
# releases come, so the releases of one input arrive while the next is waited for.
set -u
. "$SRCDIR/tests/ui/lib.sh"

other_bundle

mkfifo "$TMP/slow" "$TMP/first" "$TMP/second"
feed() { # after SECONDS, write the bundle into the pipe
	(sleep "$1" && cat "$BUNDLE" >"$TMP/slow") &
}
# into PIPE BUNDLE: write the bundle into the pipe (waits for the reader).
into() {
	cat "$2" >"$1"
}
# The title of row N of --list of the bundles given.
title_of() {
	n=$1
	shift
	"$RELVIEW" --list "$@" | sed -n "${n}p" | cut -f4
}
# The first 30 characters of a title: what the list and reader show of it.
head30() {
	printf %s "$1" | cut -c1-30
}

feed 3
start -- "$RELVIEW" "$TMP/slow"
wait_for "loading 1 of 1: $TMP/slow" 2
wait_for "MiB read" 1
wait_for "0 releases" 1
wait_for "No releases." 1
# When the data comes, the list fills and the title says how many there are.
wait_for "$TOTAL releases  $TMP/slow" 10
expect_shown "$TOTAL"
keys q
expect_restored 0

# A pipe's size is not known: while it is read, the title says the bytes read, with
# no total, share or time left (it had the first input's size as the whole's, the
# bytes read above it and 100%); on 80 columns the releases read stay in sight.
start 80 24 -- "$RELVIEW" --no-cache "$BUNDLE" "$TMP/first"
wait_for "loading 2 of 2" 5
wait_for "$TOTAL releases" 2
title=$(screen_line 1)
case $title in
*"MiB read ("* | *%* | *left*) fail "the loading line gives a share of a pipe: $title" ;;
*" MiB read "*) ;;
*) fail "the loading line does not say the bytes read: $title" ;;
esac
into "$TMP/first" "$OTHER"
wait_for "$BOTH releases  " 10
keys q
expect_restored 0

# The first input's releases are listed, and browsed, while the second is waited
# for; its newer releases arrive above the selected one, which stays where it is.
start -- "$RELVIEW" "$TMP/first" "$TMP/second"
wait_for "loading 1 of 2: $TMP/first" 2
into "$TMP/first" "$BUNDLE"
wait_for "loading 2 of 2: $TMP/second" 5
expect_shown "$TOTAL" "$TOTAL" 5
[ "$(screen_line 2 | cut -c1-10)" = "$(list | sed -n 1p | cut -f1)" ] ||
	fail "the first row is not the newest release of the first input"
keys j j j j
fifth=$(head30 "$(title_of 5 "$BUNDLE")")
wait_for " $fifth"
screen_line 6 | grep -qF -- "$fifth" || fail "the fifth release is not on the fifth row"
fifth_date=$(list | sed -n 5p | cut -f1)
newer=$("$RELVIEW" --list "$OTHER" | awk -F'\t' -v d="$fifth_date" '$1 > d' | wc -l)
[ "$newer" -gt 0 ] || hard_error "no release of the second input is newer than the fifth"
into "$TMP/second" "$OTHER"
wait_for "$BOTH releases  $TMP/first, $TMP/second" 10
expect_shown "$BOTH" "$BOTH" 2
# Still on its release, in the reader and on the same row of the list.
screen_line 13 | grep -qF -- "$fifth" || fail "the reader left the selected release"
screen_line 6 | grep -qF -- "$fifth" || fail "the selected release moved on the screen"
keys k
sixth_from_top=$(head30 "$(title_of $((newer + 4)) "$BUNDLE" "$OTHER")")
wait_for " $sixth_from_top"
# The list at the end is --list's.
keys E
wait_for "Save the list to"
type_text "$TMP/all.jsonl"
keys Enter
wait_for "Saved "
keys q
expect_restored 0
rm "$TMP/first" "$TMP/second"
cp "$BUNDLE" "$TMP/first"
cp "$OTHER" "$TMP/second"
"$RELVIEW" --list --format=json --body --no-cache "$TMP/first" "$TMP/second" | cmp -s - "$TMP/all.jsonl" ||
	fail "the list loaded live differs from --list"
rm "$TMP/first" "$TMP/second"
mkfifo "$TMP/first" "$TMP/second"

# A search typed while loading counts the first input's matches, then takes in
# the second's as they arrive.
count() {
	"$RELVIEW" --list "$@" | wc -l
}
start -- "$RELVIEW" "$TMP/first" "$TMP/second"
into "$TMP/first" "$BUNDLE"
expect_shown "$TOTAL" "$TOTAL" 5
keys /
type_text sentenced
keys Enter
wait_match "$(count_re "$(count --search sentenced "$BUNDLE")" "$TOTAL")/sentenced" 5
wait_for "loading 2 of 2" 1
into "$TMP/second" "$OTHER"
wait_match "$(count_re "$(count --search sentenced "$BUNDLE" "$OTHER")" "$BOTH")/sentenced" 10
keys q
expect_restored 0

# A release opened from a search while loading stays open as releases arrive,
# although the release the list was on when the search began is not a match.
start -- "$RELVIEW" "$TMP/first" "$TMP/second"
into "$TMP/first" "$BUNDLE"
expect_shown "$TOTAL" "$TOTAL" 5
word=charged  # the second bundle has a match between the first's newest release and its first match
[ "$(list | head -1)" != "$(list --search $word | head -1)" ] ||
	hard_error "the newest release matches '$word'"
keys /
type_text "$word"
keys Enter
wait_for "  /$word" 5
keys Enter
wait_for "reader" 5
before=$(screen | sed -n '2,6p')
into "$TMP/second" "$OTHER"
wait_for " $BOTH releases" 10
[ "$(screen | sed -n '2,6p')" = "$before" ] ||
	fail "the release opened from a search changed as releases arrived: $before, then $(screen | sed -n '2,6p')"
keys q q
expect_restored 0

# The topic picker while loading: its choice filters what arrives later too.
start -- "$RELVIEW" "$TMP/first" "$TMP/second"
into "$TMP/first" "$BUNDLE"
expect_shown "$TOTAL" "$TOTAL" 5
keys t
wait_for "Topics: 0 chosen"
type_text narcotics
wait_for "[ ] Narcotics"
keys Tab Enter
wait_match "$(count_re "$(count --topic narcotics "$BUNDLE")" "$TOTAL")topic: Narcotics" 5
into "$TMP/second" "$OTHER"
wait_match "$(count_re "$(count --topic narcotics "$BUNDLE" "$OTHER")" "$BOTH")topic: Narcotics" 10
keys q
expect_restored 0

# A problem while loading is mentioned at once and printed when relview ends; when
# nothing could be read, relview says so and fails.
printf '\000\001\002binary' >"$TMP/binary"
start -- "$RELVIEW" "$TMP/binary" "$TMP/first"
wait_for "Problems reading the inputs: press ! to list them; printed when relview ends" 5
wait_for "loading 2 of 2" 1
printf '\000\001\002binary' >"$TMP/first"
wait_for "EXIT=1" 10
wait_for "relview: $TMP/binary: not an archive or a text file" 1
wait_for "relview: no releases could be read" 1

# Ctrl-Z while the reader waits on the pipe, then fg (here: SIGCONT to relview;
# its reading child, in a process group of its own, was not stopped): the wait
# goes on and nothing is lost.
feed 3
start -- "$RELVIEW" "$TMP/slow"
wait_for "loading 1 of 1" 2
pid=$(pgrep -P "$(t display -p '#{pane_pid}')" -x relview)
[ -n "$pid" ] || hard_error "relview's process was not found"
has_reader() { # a reading child started, waiting for the pipe's writer
	[ -n "$(cat /proc/"$pid"/task/*/children 2>/dev/null)" ]
}
eventually has_reader || fail "no reading child was started"
keys C-z
# (The pane's shell has no job control: relview's process group is orphaned, and
# the kernel discards the stop that relview raises once it gave the terminal back.
# What is checked is that a Ctrl-Z and a SIGCONT lose nothing.)
sleep 0.5
kill -CONT "$pid"
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
none_left() {
	! pgrep -f "$RELVIEW $TMP/slow" >/dev/null
}
eventually none_left ||
	fail "a relview process is left behind: $(ps -o pid,stat,wchan:30,args -p "$(pgrep -d, -f "$RELVIEW $TMP/slow")")"
# the feeder is still waiting for a reader: let it go
cat "$TMP/slow" >/dev/null
wait
exit 0
