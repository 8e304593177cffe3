# lib.sh — helpers shared by the shell tests in tests/cli. Source it, don't run it:
#	. "$SRCDIR/tests/cli/lib.sh"
# Exit statuses are automake's: 0 pass, 1 fail, 77 skip, 99 hard error (the test
# could not run as meant).

TEST=${0##*/}

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
		[ -n "$prog" ] && [ -x "$prog" ] ||
			hard_error "$var is not an executable ('$prog'); run the tests through make check"
	done
}

# make_tmpdir: a new directory in $tmp, removed when the test exits (kept with
# KEEP_TMP=1, for a look after a failure).
make_tmpdir() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/relview-test.XXXXXX") || hard_error "mktemp failed"
	trap 'cleanup_tmpdir' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

cleanup_tmpdir() {
	if [ "${KEEP_TMP:-0}" = 1 ]; then
		echo "$TEST: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
