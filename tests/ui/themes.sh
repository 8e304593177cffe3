#!/bin/sh
# Themes and key bindings on a real terminal: a theme brought down to 8 colours
# (TERM=xterm), attributes only on TERM=vt100 and with NO_COLOR, a rebound key, a
# theme with mistakes still starts, and a relview installed with DESTDIR finds its
# themes with no build tree.
set -u
. "$SRCDIR/tests/ui/lib.sh"
unset NO_COLOR RELVIEW_DATADIR

first=$(list | sed -n 1p | cut -f4 | cut -c1-30)
second=$(list | sed -n 2p | cut -f4 | cut -c1-30)

# The screen with its attributes, as escape sequences.
styled() {
	t capture-pane -p -e
}
# SGR parameters on the screen, one a line ("1", "7", "38;5;36", "36", ...).
sgr() {
	styled | grep -o "$(printf '\033')\[[0-9;]*m" | sed 's/^.\[//; s/m$//' | tr ';' '\n'
}
# Colour parameters: 30-37, 39, 40-47, 49, 90-107, 38/48 (256 and direct colours).
colours() {
	sgr | grep -E '^(3[0-9]|4[0-9]|9[0-7]|10[0-7])$' | grep -vE '^(39|49)$'
}

# 256 colours: solarized's #rrggbb as palette colours.
start -- "$RELVIEW" --theme solarized "$BUNDLE"
expect_shown "$TOTAL"
sgr | grep -qx 5 || fail "solarized on xterm-256color shows no 256-colour palette colour"
screen | grep -q "problem" && fail "a shipped theme has problems"
keys Q
expect_restored 0

# 8 colours (TERM=xterm): the same theme, brought down to the 8 the terminal has.
if infocmp xterm >/dev/null 2>&1; then
	UI_TERM=xterm start -- "$RELVIEW" --theme solarized "$BUNDLE"
	expect_shown "$TOTAL"
	wait_for "$first"
	[ -n "$(colours)" ] || fail "no colour at all on an 8-colour terminal"
	colours | grep -qvE '^(3[0-7]|4[0-7]|38|48)$' && fail "colours beyond the 8 of TERM=xterm"
	styled | grep -q '38;5;\|48;5;' && fail "256-colour codes on an 8-colour terminal"
	keys Q
	expect_restored 0
fi

# No colours (TERM=vt100): attributes only, and the cursor row still stands out.
if infocmp vt100 >/dev/null 2>&1; then
	UI_TERM=vt100 start -- "$RELVIEW" --theme solarized "$BUNDLE"
	expect_shown "$TOTAL"
	wait_for "$first"
	[ -z "$(colours)" ] || fail "colours on TERM=vt100: $(colours | sort -u | tr '\n' ' ')"
	sgr | grep -qx 7 || fail "no reverse video for the cursor row on TERM=vt100"
	keys Q
	expect_restored 0
fi

# NO_COLOR: a colour terminal, but no colour.
start -- env NO_COLOR=1 "$RELVIEW" --theme solarized "$BUNDLE"
expect_shown "$TOTAL"
wait_for "$first"
[ -z "$(colours)" ] || fail "colours with NO_COLOR set: $(colours | sort -u | tr '\n' ' ')"
sgr | grep -qx 7 || fail "no reverse video for the cursor row with NO_COLOR"
keys Q
expect_restored 0

# A rebound key: x moves down, j no longer does, and the hints and help say x.
mkdir -p "$TMP/conf"
printf '[keys]\ndown = x\nquit = Q C-x\n' >"$TMP/conf/keys.ini"
start -- "$RELVIEW" --config "$TMP/conf/keys.ini" "$BUNDLE"
expect_shown "$TOTAL"
wait_for "$first"
keys j
sleep 0.3
screen | grep -c -F "$first" | grep -q 2 || fail "j still moves after down = x"
keys x
wait_for "$second"
screen | grep -c -F "$second" | grep -q 2 || fail "x did not move to the next release"
keys '?'
wait_for "List and reader"
screen | grep -q "^   x  *next release" || fail "the help does not show x for down"
keys q C-x
expect_restored 0

# A theme with mistakes: relview starts, in the default theme's place, and says so.
printf '[selected]\nfg = mauve\n' >"$TMP/conf/bad-theme.ini"
start -- "$RELVIEW" --config /dev/null --theme "$TMP/conf/bad-theme.ini" "$BUNDLE"
expect_shown "$TOTAL"
wait_for "1 problem in the configuration"
keys Q
expect_restored 0

# Installed with DESTDIR, run from there: the themes are found without the build
# tree (the source tree's themes are out of reach: another working directory, and
# the binary is not the build tree's). A RELVIEW with no build tree above it is an
# installed one already (the Debian package's autopkgtest): it is the one tested.
builddir=$(dirname "$(dirname "$RELVIEW")")
if [ -f "$builddir/Makefile" ]; then
	make -C "$builddir" install DESTDIR="$TMP/root" >"$TMP/install.log" 2>&1 ||
		hard_error "make install DESTDIR failed: $(tail -5 "$TMP/install.log")"
	installed=$(find "$TMP/root" -path '*/bin/relview' -type f | head -1)
	[ -x "$installed" ] || fail "no relview under $TMP/root"
	themes=$(find "$TMP/root" -path '*/relview/themes/solarized.ini')
	[ -n "$themes" ] || fail "no themes installed under $TMP/root"
else
	installed=$RELVIEW
fi
(cd "$TMP" && "$installed" --list-themes) | grep -qx solarized ||
	fail "the installed relview does not list its themes"
(cd "$TMP" && "$installed" --config /dev/null --theme solarized --check-config) >/dev/null 2>&1 ||
	fail "the installed relview does not find its solarized theme"
start -- sh -c "cd '$TMP' && '$installed' --config /dev/null --theme high-contrast '$BUNDLE'"
expect_shown "$TOTAL"
wait_for "$first"
screen | grep -q "problem" && fail "the installed relview did not find high-contrast"
keys Q
expect_restored 0
echo "PASS: $TEST"
