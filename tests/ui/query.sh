#!/bin/sh
# The search carried into the reader (every match of the query's words shown, the
# first in view, n/N through them, / opens with the query, a new list search
# replaces an older find); the prompt shows how a query was read or why it is not
# one; the command line's year, :q, and its history of commands only.
set -u
. "$SRCDIR/tests/ui/lib.sh"

word=fraud
found=$(list --search "$word" | wc -l)
[ "$found" -gt 1 ] || hard_error "the bundle does not suit the test"
# The first match full screen: how many times the reader finds the word in it (the
# reader shows what --print does, at the pane's width).
in_first=$("$RELVIEW" --print=1 --width=98 --search "$word" "$BUNDLE" | grep -oi "$word" | wc -l)
[ "$in_first" -gt 1 ] || hard_error "the first match holds the word once"

start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys /
type_text "$word"
keys Enter
expect_shown "$found"
keys Enter
wait_for " reader "
wait_for "Match 1 of $in_first: n and N for the others"
t capture-pane -e -p | grep -qi "43m$word" || fail "the other matches are not highlighted"
keys n
wait_for "Match 2 of $in_first"
keys N
wait_for "Match 1 of $in_first"
# / opens with the list's query, to change it.
keys /
wait_for "Find: $word"
keys Escape
keys q
wait_for " list "

# A new list search replaces the find: nothing of the old word lingers.
other=court
in_other=$("$RELVIEW" --print=1 --width=98 --search "$other" "$BUNDLE" | grep -oi "$other" | wc -l)
[ "$in_other" -gt 0 ] || hard_error "no release about $other"
keys /
wait_for "Search: $word"
keys C-u
type_text "$other"
keys Enter
expect_shown "$(list --search "$other" | wc -l)"
keys g Enter
wait_for "Match 1 of $in_other"
keys /
wait_for "Find: $other"
keys Escape
# The reader's own find lasts while the release is read; the next one opened from
# the list shows the list's search again.
keys /
keys C-u
type_text "$word"
keys Enter q
wait_for " list "
keys Enter
wait_for "Match 1 of $in_other"
keys /
wait_for "Find: $other"
keys Escape q

# As it is typed, the prompt says how the query was read, or why it is not one.
keys /
keys C-u
type_text 'gang | cartel -sentenced'
wait_for "matches: (gang or cartel) and not sentenced]"
expect_shown "$(list --search 'gang | cartel -sentenced' | wc -l)"
type_text ' "state'
wait_for '[unclosed quote: end the phrase with "]'
expect_shown "$(list --search 'gang | cartel -sentenced' | wc -l)"
# Enter on it: the search is the one the prompt opened with, not one passed
# through while typing.
keys Enter
wait_for "Not a query: unclosed quote: end the phrase with \" (the search is still /$other)"
expect_shown "$(list --search "$other" | wc -l)"
keys c
expect_shown "$TOTAL"

# A pasted byte that is no UTF-8 is dropped; what is typed after it is not.
keys /
keys -H ff
type_text "$word"
wait_for "Search: $word"
expect_shown "$found"
keys Escape

# :2014 is the year; a line that is no command is said and not kept; :q quits.
row=$(list | awk -F '\t' '$1 != "" && $1 <= "2014-12-31" { print NR; exit }')
[ -n "$row" ] || hard_error "no release of 2014 or before"
keys :
type_text 2014
keys Enter
expect_selected "$row"
keys :
type_text "nonsense"
keys Enter
wait_for "Not a command: nonsense"
keys : Up
wait_for ":2014"
keys Escape
keys :
type_text q
keys Enter
expect_restored 0

# A --search longer than the reader's search prompt takes is refused, not cut.
start -- "$RELVIEW" --search "$(printf 'x%.0s' $(seq 300))" "$BUNDLE"
expect_restored 2
wait_for "relview: --search: longer than 255 bytes"

# In the C locale the terminal still sends UTF-8: an accented letter is typed,
# and so are the letters after it.
accented=$(list --search mayagüez | wc -l)
[ "$accented" -gt 0 ] || hard_error "no release names Mayagüez"
start -- env LC_ALL=C "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys /
type_text "mayagüez"
wait_for "[$accented match"
expect_shown "$accented"
keys Escape Q
expect_restored 0
echo "PASS: $TEST"
