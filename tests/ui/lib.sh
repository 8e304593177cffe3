# lib.sh — helpers for the terminal UI tests: they run the real relview in a real
# terminal (tmux on a private socket, fixed size), send keys and read the screen.
# Source it, don't run it:   . "$SRCDIR/tests/ui/lib.sh"
# Sourcing it makes a scratch directory $TMP and a bundle $BUNDLE (200 releases from
# relgen), and makes sure the tmux server goes away when the test exits.
# Exit statuses are automake's: 0 pass, 1 fail, 77 skip, 99 hard error.

# The scratch directory, its XDG folders and the assertions are the CLI tests'.
# The screen shows the inputs' paths within its 100 columns and the tests read them
# there (the loading line, a name's stand-ins, a message about the state file): a
# long $TMPDIR would push them past the edge, so the scratch directory is made in
# /tmp then.
scratch_parent=${TMPDIR:-/tmp}
if [ "${#scratch_parent}" -gt 16 ] && [ -d /tmp ] && [ -w /tmp ]; then
	SCRATCH_PARENT=/tmp
fi
. "$SRCDIR/tests/cli/lib.sh"

# A failure here also shows the screen it happened on.
fail() {
	echo "$TEST: FAIL: $*" >&2
	echo "--- screen ---" >&2
	screen >&2 || true
	exit 1
}

command -v tmux >/dev/null 2>&1 || skip "tmux is not installed"
[ -n "${RELVIEW:-}" ] && [ -x "$RELVIEW" ] || hard_error "RELVIEW is not set to the binary"
[ -n "${RELGEN:-}" ] && [ -x "$RELGEN" ] || skip "tools/relgen is not built"

SOCKET=relview-test-$$
cleanup() {
	tmux -L "$SOCKET" kill-server >/dev/null 2>&1
	cleanup_tmp
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

BUNDLE=$TMP/releases.tar.gz
"$RELGEN" -n 200 -s 7 -f tar.gz "$BUNDLE" >/dev/null 2>&1 || hard_error "relgen failed"
TOTAL=$("$RELVIEW" --list "$BUNDLE" | wc -l)
[ "$TOTAL" -gt 0 ] || hard_error "the bundle has no releases"

# tmux of its own: a private socket, no configuration, and UTF-8 (-u) whatever it
# makes of the locale. Its server is started by this test, so the panes inherit
# the environment lib.sh set; start() sets the locale and TERM once more on the
# command line, so that nothing of a server's environment decides them.
# other_bundle: a second bundle $OTHER, with other releases (some newer than the
# first one's); $BOTH is how many releases the two hold together.
other_bundle() {
	OTHER=$TMP/other.tar.gz
	"$RELGEN" -n 200 -s 8 -f tar.gz "$OTHER" >/dev/null 2>&1 || hard_error "relgen failed"
	BOTH=$("$RELVIEW" --list "$BUNDLE" "$OTHER" | wc -l)
	[ "$BOTH" -gt "$TOTAL" ] || hard_error "the second bundle adds nothing"
}

t() {
	tmux -u -L "$SOCKET" -f /dev/null "$@"
}

# start [WIDTH HEIGHT] -- COMMAND...: a shell in a new terminal of that size (100x30
# by default) that runs the command, then prints "EXIT=status" and waits. EXIT= starts
# a row of its own, at its first column: a killed relview leaves the cursor anywhere on
# its screen and the terminal raw (a newline then moves down without returning), so a
# status printed there could wrap in the middle. stty sane undoes the raw mode.
start() {
	width=100 height=30
	if [ "$1" != -- ]; then
		width=$1 height=$2
		shift 2
	fi
	shift
	cmd=
	for arg; do
		cmd="$cmd '$(printf %s "$arg" | sed "s/'/'\\\\''/g")'"
	done
	t kill-server >/dev/null 2>&1
	# Each start afresh: a resumed position would move what the tests expect to
	# see first. Tests of what is remembered across runs set KEEP_STATE.
	[ -n "${KEEP_STATE:-}" ] || rm -rf "$XDG_STATE_HOME"
	# A server still shutting down can refuse a new session: try again shortly.
	for try in 1 2 3 4 5; do
		t new-session -d -x "$width" -y "$height" \
			"env LC_ALL=C.UTF-8 TERM=\${UI_TERM:-xterm-256color} $cmd; s=\$?; stty sane 2>/dev/null; printf '\\r\\nEXIT=%s\\n' \$s; sleep 600" \
			2>/dev/null && return 0
		sleep 0.2
	done
	hard_error "tmux would not start"
}

screen() {
	t capture-pane -p
}

# The screen with the lines the terminal wrapped joined again, as one line each:
# for what a shell printed after relview ended (a long $TMPDIR wraps a message,
# and a plain capture drops the space where it wrapped).
screen_joined() {
	t capture-pane -pJ
}

# Line N (1-based) of the screen.
screen_line() {
	screen | sed -n "${1}p"
}

keys() {
	t send-keys "$@"
}

# Type text literally.
type_text() {
	t send-keys -l "$1"
}

# Waits are widened for a sanitized build (RELVIEW_SANITIZED, set by .ci/run):
# ThreadSanitizer makes relview several times slower.
SLOW=1
[ -n "${RELVIEW_SANITIZED:-}" ] && SLOW=5

# screen_until SECONDS GREP-ARGS...: until grep -q with those arguments says yes
# of the screen (1 when it never does).
screen_until() {
	tries=$(( $1 * 20 * SLOW ))
	shift
	while [ "$tries" -gt 0 ]; do
		screen | grep -q "$@" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# wait_for TEXT [SECONDS]: until TEXT shows on the screen.
wait_for() {
	screen_until "${2:-10}" -F -- "$1" || fail "'$1' never showed"
}

# wait_gone TEXT [SECONDS]: until TEXT is no longer on the screen.
wait_gone() {
	tries=$(( ${2:-10} * 20 * SLOW ))
	while [ "$tries" -gt 0 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	fail "'$1' never went away"
}

# wait_match ERE [SECONDS]: until a line of the screen matches the extended
# regular expression.
wait_match() {
	screen_until "${2:-10}" -E -- "$1" || fail "nothing matched '$1'"
}

# The status line begins with the list's count: the selected row, the list's
# length and, when a filter or the search is on, the number of releases in all
# (" 12/56 (400)", " 3/200"). The list's length, once it settles (no search
# running).
shown() {
	screen | sed -n 's/^ [0-9]*\/\([0-9]*\)\( ([0-9]*)\)\{0,1\}  .*/\1/p' | tail -1
}

# The status line's count for a list of N out of ALL releases (the selected row
# any), as an extended regular expression; ALL is $TOTAL unless given.
count_re() {
	printf '^ [0-9]+/%s( \\(%s\\))?  ' "$1" "${2:-$TOTAL}"
}

# expect_row ROW [N [ALL]]: the list's cursor is on row ROW (1: the first) of N
# ($TOTAL unless given) out of ALL (N unless given).
expect_row() {
	wait_match "$(count_re "${2:-$TOTAL}" "${3:-${2:-$TOTAL}}" | sed "s/\\[0-9\\]+/$1/")"
}

# expect_shown N [ALL [SECONDS]]: the status line says the list has N releases,
# out of ALL ($TOTAL unless given).
expect_shown() {
	wait_match "$(count_re "$1" "${2:-$TOTAL}")" "${3:-10}"
}

# The terminal is given back: the program said its exit status and the alternate
# screen is off.
expect_restored() {
	wait_for "EXIT=${1:-0}"
	[ "$(t display -p '#{alternate_on}')" = 0 ] || fail "the alternate screen is still on"
}

# The list, as --list prints it, for expected values.
list() {
	"$RELVIEW" --list "$@" "$BUNDLE"
}

# The start of row N's title in the list, as the screen shows it.
title_of_row() {
	list | sed -n "${1}p" | cut -f4 | cut -c1-30
}
# eventually COMMAND...: until the command succeeds, for up to 5 seconds (times
# SLOW); fails (status 1) when it never does. $tries says how many 50 ms waits it
# took.
eventually() {
	tries=0
	until "$@"; do
		[ $tries -ge $((100 * SLOW)) ] && return 1
		sleep 0.05
		tries=$((tries + 1))
	done
}

# Text shows on the screen at least twice.
shown_twice() {
	[ "$(screen | grep -c -F -- "$1")" -ge 2 ]
}

# The reader shows the release selected (its title twice on the screen).
expect_selected() {
	want=$(title_of_row "$1")
	eventually shown_twice "$want" || fail "row $1 ($want) is not selected"
}
