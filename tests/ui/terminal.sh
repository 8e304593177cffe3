#!/bin/sh
# The terminal itself: several TERM values and sizes, an unknown TERM, LANG=C, a
# terminal too small, and the terminal given back after SIGTERM.
set -u
. "$SRCDIR/tests/ui/lib.sh"

first=$(list | sed -n 1p | cut -f4 | cut -c1-20)

# Every TERM the issue names, at 80x24 and at the smallest size, 40x12.
for term in xterm-256color xterm screen tmux-256color linux vt100; do
	infocmp "$term" >/dev/null 2>&1 || { note "no terminfo for $term"; continue; }
	for size in "80 24" "40 12"; do
		# shellcheck disable=SC2086
		UI_TERM=$term start $size -- "$RELVIEW" "$BUNDLE"
		expect_shown "$TOTAL"
		wait_for "$first"
		keys j Enter
		wait_for " reader "
		keys q q
		expect_restored 0
	done
done

# No terminfo entry for TERM: a close known one, and a notice saying so.
UI_TERM=no-such-terminal start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
wait_for "TERM 'no-such-terminal' is unknown here: using xterm-256color"
keys q
expect_restored 0

# No TERM at all: the same close relative, and a notice that says TERM is not set.
start -- env -u TERM "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
wait_for "TERM is not set: using xterm-256color"
keys q
expect_restored 0

# TERM=dumb cannot move the cursor: no blank screen, but one line that says so and
# what to do instead, and a failure status.
if infocmp dumb >/dev/null 2>&1; then
	UI_TERM=dumb start -- "$RELVIEW" "$BUNDLE"
	wait_for "EXIT=1"
	said=$(screen_joined)
	printf %s "$said" | grep -qF "relview: TERM=dumb cannot move the cursor" ||
		fail "TERM=dumb does not say why it cannot draw"
	printf %s "$said" | grep -qF "set TERM to your terminal's type" ||
		fail "TERM=dumb gives no hint to set TERM"
	printf %s "$said" | grep -qF -- "--list" || fail "TERM=dumb does not name --list"
else
	note "no terminfo for dumb"
fi

# LANG=C: ASCII stand-ins for line drawing, ellipsis and accented letters.
start -- env LANG=C LC_ALL=C "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
wait_for "-----"
screen | LC_ALL=C grep -q '[^ -~]' && fail "non-ASCII bytes on the screen under LANG=C"
keys q
expect_restored 0

# Standard input left on the terminal and named as an input ("-"): the reader takes
# its keys there, so it is not read — said in one line — and the other input loads,
# every key working.
start -- "$RELVIEW" - "$BUNDLE"
expect_shown "$TOTAL"
second=$(title_of_row 2)
keys j
wait_for "$second"
keys q
expect_restored 0
screen_joined | grep -qF -- "relview: -: the terminal, where the reader takes its keys; not read" ||
	fail "no line saying standard input, the terminal, was not read"

# Too small: a clear screen saying so, and back to normal when it grows again.
start 100 30 -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
t resize-window -x 30 -y 10
wait_for "Terminal too small"
wait_for "need 40x12, have 30x10"
t resize-window -x 100 -y 30
expect_shown "$TOTAL"

# SIGTERM (as from a dropped link): the terminal is given back, status 128 + 15.
pid=$(t display -p '#{pane_pid}')
kill -TERM "$(pgrep -P "$pid" -f relview || pgrep -f "^$RELVIEW $BUNDLE")" ||
	hard_error "relview is not running"
expect_restored 143
echo "PASS: $TEST"
