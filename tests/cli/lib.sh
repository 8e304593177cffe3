# lib.sh — helpers shared by the shell tests in tests/cli. Source it, don't run it:
#	. "$SRCDIR/tests/cli/lib.sh"
# Sourcing it makes a scratch directory $TMP, removed when the test exits (kept with
# KEEP_TMP=1, for a look after a failure).
# Exit statuses are automake's: 0 pass, 1 fail, 77 skip, 99 hard error (the test
# could not run as meant).

TEST=${0##*/}

# The environment every test runs in, whatever the caller's: a UTF-8 locale (the
# screen's drawing, widths and the sort of names depend on it), a known terminal
# type, and nothing of the caller's that would change what relview does. A test of
# another locale or terminal says so on its own command line (env LC_ALL=C ...:
# LC_ALL, set here, overrides LANG, so that LANG=C alone would change nothing).
unset LANG LANGUAGE LC_CTYPE LC_COLLATE LC_MESSAGES LC_NUMERIC LC_TIME
export LC_ALL=C.UTF-8 TERM=xterm-256color TZ=UTC
unset PAGER TMUX COLUMNS LINES NO_COLOR

# fail MESSAGE: the test failed.
fail() {
	echo "$TEST: FAIL: $*" >&2
	exit 1
}

# skip MESSAGE: the test cannot run here (a tool is missing).
skip() {
	echo "SKIP: $*"
	exit 77
}

# hard_error MESSAGE: the test was not set up right.
hard_error() {
	echo "$TEST: ERROR: $*" >&2
	exit 99
}

# pass: the test passed; ends it.
pass() {
	echo "PASS: $TEST"
	exit 0
}

# note MESSAGE: progress, for the test's log.
note() {
	echo "$TEST: $*"
}

# need_cmd NAME...: skip unless every command is on PATH.
need_cmd() {
	for cmd; do
		command -v "$cmd" >/dev/null 2>&1 || skip "$cmd not found"
	done
}

# need_prog VAR...: each variable (RELVIEW, RELGEN) names an executable, as the
# Makefile passes them.
need_prog() {
	for var; do
		eval "prog=\${$var:-}"
		if [ -z "$prog" ] || [ ! -x "$prog" ]; then
			hard_error "$var is not an executable ('$prog'); run the tests through make check"
		fi
	done
}

# expect_eq GOT WANT
expect_eq() {
	[ "$1" = "$2" ] || fail "got:
$1
want:
$2"
}

# expect_contains TEXT PART: PART occurs in TEXT (literally).
expect_contains() {
	case $1 in
	*"$2"*) ;;
	*) fail "want it to contain: $2
got: $1" ;;
	esac
}

# expect_status N COMMAND...: run COMMAND, its output in $TMP/stdout and
# $TMP/stderr; fail unless it exits with N.
expect_status() {
	want=$1
	shift
	"$@" >"$TMP/stdout" 2>"$TMP/stderr"
	got=$?
	[ "$got" -eq "$want" ] ||
		fail "$*: exit status $got, want $want; stderr: $(head -c 600 "$TMP/stderr")"
}

cleanup_tmp() {
	if [ "${KEEP_TMP:-0}" = 1 ]; then
		echo "$TEST: kept $TMP" >&2
	else
		rm -rf "$TMP"
	fi
}

# (In SCRATCH_PARENT when the sourcing script sets it: tests/ui/lib.sh.)
TMP=$(mktemp -d "${SCRATCH_PARENT:-${TMPDIR:-/tmp}}/relview-test.XXXXXX") || hard_error "mktemp failed"
trap cleanup_tmp EXIT
# The user's own configuration and themes must not change what the tests see.
XDG_CONFIG_HOME=$TMP/config
export XDG_CONFIG_HOME
# relview caches what it reads: keep that in the scratch directory, not in $HOME.
XDG_CACHE_HOME=$TMP/cache
export XDG_CACHE_HOME
XDG_STATE_HOME=$TMP/state
export XDG_STATE_HOME
trap 'exit 130' INT
trap 'exit 143' TERM
