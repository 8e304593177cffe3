#!/bin/sh
# Edge cases an independent check of the reader found: each case failed before its
# fix.
set -u
. "$SRCDIR/tests/ui/lib.sh"

# An empty list leaves nothing in the reader: find there (open with the list's
# search) finds nothing, and the release shown before does not linger in the
# position.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys /
type_text zzqqxxjj
keys Enter
expect_shown 0
keys Tab
wait_for "No release to show."
wait_for " reader 100% "
keys /
wait_for "Find: zzqqxxjj"
keys C-u
type_text the
wait_for "[0 in this release]"
keys Enter
wait_for "No match in this release for: the"
keys Q
expect_restored 0

# An input's name is any bytes: the loading screen shows it with visible stand-ins,
# never as an escape sequence or a bidi override (a FIFO keeps that screen up).
name=$(printf 'in\033]52;c;QUFB\007\342\200\256.txt')
mkfifo "$TMP/$name" || hard_error "mkfifo failed"
start -- "$RELVIEW" --no-cache "$TMP/$name"
wait_for "loading 1 of 1"
screen | grep -q "in␛]52;c;QUFB␇" || fail "the input's name is not shown with stand-ins"
screen | grep -q "$(printf '\342\200\256')" && fail "a bidi override reached the terminal"
cat "$TMP/releases.tar.gz" >"$TMP/$name"
expect_shown 200
keys Q
expect_restored 0

# TERM names a relative of the real terminal (tmux sends End as ESC [ 4 ~, F1 as
# ESC O P, which the xterm and linux entries spell otherwise): the keys still work.
for term in xterm linux; do
	infocmp "$term" >/dev/null 2>&1 || continue
	UI_TERM=$term start -- "$RELVIEW" "$BUNDLE"
	expect_shown "$TOTAL"
	keys End
	expect_row "$TOTAL"
	keys Home F1
	wait_for "List and reader"
	keys Q
	expect_restored 0
done

# n in a newly selected release goes to its first match, even one below the view
# (the first was taken as current and skipped).
mkdir "$TMP/two"
printf 'Skip to main content\nMay 2, 2020Houston, TXNarcotics\n\nA needle in the title\n\nShort.\n' \
	>"$TMP/two/a.txt"
{
	printf 'Skip to main content\nMay 1, 2020Houston, TXNarcotics\n\nThe second release\n\n'
	i=0
	while [ $i -lt 40 ]; do
		printf 'Filler paragraph %s.\n\n' $i
		i=$((i + 1))
	done
	printf 'First needle.\n\nSecond needle.\n'
} >"$TMP/two/b.txt"
start -- "$RELVIEW" "$TMP/two"
wait_for "A needle in the title"
keys Tab /
type_text needle
keys Enter Tab j
expect_shown 2 2
keys n
wait_for "Match 1 of 2"
wait_for "First needle."
keys Q
expect_restored 0

# The picker's own line of key hints follows rebound keys, as the help and the
# bottom line do.
printf '[keys]\npick_toggle = Insert\npick_apply = Tab\nprompt_cancel = C-g\n' >"$TMP/keys.ini"
start -- "$RELVIEW" --config="$TMP/keys.ini" "$BUNDLE"
expect_shown "$TOTAL"
keys t
wait_for "Insert: choose  Tab: apply  C-g: cancel"
keys C-g Q
expect_restored 0

# Messages that name a key name the key bound now; a key bound to ',' shows in
# the hints too.
printf '[keys]\nclear = x\nsearch = ,\n' >"$TMP/keys2.ini"
start -- "$RELVIEW" --config="$TMP/keys2.ini" "$BUNDLE"
expect_shown "$TOTAL"
wait_for ",:search"
keys n
wait_for "Nothing to find yet: , in the reader"
keys ,
type_text zzqqxxjj
keys Enter
wait_for "No release matches. x clears the filters."
keys x
expect_shown "$TOTAL"
keys Q
expect_restored 0

# LANG=C: the loading screen's separators have ASCII stand-ins too, not '?'.
mkfifo "$TMP/fifo"
start -- env LANG=C LC_ALL=C "$RELVIEW" --no-cache "$TMP/fifo"
wait_for "loading 1 of 1"
wait_match "MiB read +\. +0 releases +\. "
cat "$TMP/releases.tar.gz" >"$TMP/fifo"
expect_shown "$TOTAL"
keys Q
expect_restored 0

echo "PASS: $TEST"
