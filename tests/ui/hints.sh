#!/bin/sh
# The bottom line shows the keys of the pane in front, as bound: the list's, the
# reader's (q goes back, / finds), help's, a prompt's; the status line names the help
# key as bound. Backspace on an empty prompt closes it; u says when it wrapped round.
set -u
. "$SRCDIR/tests/ui/lib.sh"

bottom() {
	screen_line 30
}

# expect_bottom TEXT: the bottom line shows TEXT, soon.
expect_bottom() {
	eventually sh -c 'tmux -u -L "$1" capture-pane -p | sed -n 30p | grep -qF -- "$2"' \
		- "$SOCKET" "$1" || fail "the bottom line is '$(bottom)', without '$1'"
}

first=$(list | sed -n 1p | cut -f4 | cut -c1-20)

start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
wait_for "$first"
expect_bottom "q:quit  Enter:read  /:search"
screen_line 29 | grep -qF "?:help" || fail "the status line does not name ?:help"

# The reader full screen: its own keys, not the list's.
keys Enter
wait_for " reader "
expect_bottom "q:back  /:find  n:next match"
bottom | grep -qF "Enter:read" && fail "the reader's bottom line offers Enter:read"
bottom | grep -qF "q:quit" && fail "the reader's bottom line says q quits"

# A prompt: its keys at the right of its line while there is room; Backspace with
# nothing typed closes it, as in less and vim.
keys /
wait_for "Find:"
expect_bottom "Enter:done  Esc:cancel"
keys BSpace
wait_gone "Find:"
expect_bottom "q:back  /:find"

# Back to the list, then help: help's own keys.
keys q
expect_bottom "q:quit  Enter:read"
keys '?'
wait_for "List and reader"
expect_bottom "j:down  k:up"
keys q
expect_bottom "q:quit"

# The search prompt closes on Backspace too.
keys /
wait_for "Search:"
keys BSpace
wait_gone "Search:"

# u from the last release: the first unread, and it says it wrapped round.
keys G u
wait_for "Wrapped to the first unread release"
keys q
expect_restored 0

# Rebound keys show as bound: the status line's help key, the reader's back key.
mkdir -p "$TMP/conf"
printf '[keys]\nhelp = h\nclose = x\n' >"$TMP/conf/keys.ini"
start -- "$RELVIEW" --config "$TMP/conf/keys.ini" "$BUNDLE"
expect_shown "$TOTAL"
screen_line 29 | grep -qF "h:help" || fail "the status line does not name the rebound help key"
screen_line 29 | grep -qF "?:help" && fail "the status line names ? though help is h"
expect_bottom "x:quit"
keys Enter
wait_for " reader "
expect_bottom "x:back  /:find"
keys x Q
expect_restored 0
