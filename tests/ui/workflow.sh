#!/bin/sh
# The reading workflow: read marks and stars kept across runs, the unread and
# starred filters (keys and options), next unread, resuming where the user left
# off, and a damaged state file set aside.
set -u
. "$SRCDIR/tests/ui/lib.sh"
# What one run remembers, the next finds.
KEEP_STATE=1

state=$XDG_STATE_HOME/relview/state
first=$(list | sed -n 1p | cut -f4 | cut -c1-30)

# A star shows before the title; opening a release marks it read.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys s
wait_for "Starred"
screen_line 2 | grep -qF "* $first" || fail "no star before the starred release's title"
keys Enter
wait_for " reader "
keys q
wait_for " list "
keys U
wait_for "Only unread releases"
expect_shown $((TOTAL - 1))
keys U S
wait_for "Only starred releases"
expect_shown 1
keys S
expect_shown "$TOTAL"
# m marks releases read, and unread again; u skips the read ones.
keys j m
wait_for "Marked read"
keys j
expect_row 3
keys m
wait_for "Marked read"
keys m
wait_for "Marked unread"
keys m
wait_for "Marked read"
keys g
expect_row 1
keys u
expect_row 4
keys Q
expect_restored 0

# The marks outlive the process: --starred and --unread read them.
[ "$(head -1 "$state")" = "relview-state 1" ] || fail "no state file in XDG_STATE_HOME"
[ "$(list --starred | cut -f4 | cut -c1-30)" = "$first" ] || fail "--starred: $(list --starred)"
[ "$(list --unread | wc -l)" -eq $((TOTAL - 3)) ] || fail "--unread lists $(list --unread | wc -l)"
[ "$("$RELVIEW" --stats --starred "$BUNDLE" | grep -c .)" -gt 0 ] || fail "--stats --starred"

# The list reopens on the release it was left on (the fourth),
# and the unread filter works on the marks read back.
start -- "$RELVIEW" "$BUNDLE"
expect_row 4
keys U
expect_shown $((TOTAL - 3))
keys Q
expect_restored 0

# The reader reopens a release at the line it was left at.
start 60 12 -- "$RELVIEW" "$BUNDLE"
wait_for " list "
keys Enter
wait_for " reader "
screen | grep -q " reader 100% " && fail "the release fits the screen: nothing to resume"
keys G
wait_for " reader 100% "
keys Q
expect_restored 0
start 60 12 -- "$RELVIEW" "$BUNDLE"
wait_for " list "
keys Enter
wait_for " reader 100% "
keys Q
expect_restored 0

# A damaged state file is set aside and said once; relview starts afresh.
printf 'relview-state 1\nthis is not a mark\n' >"$state"
start -- "$RELVIEW" "$BUNDLE"
wait_for "set aside"
keys U
expect_shown "$TOTAL"
keys Q
expect_restored 0
[ -f "$state.bad" ] || fail "the damaged file was not set aside"
[ "$(head -1 "$state")" = "relview-state 1" ] || fail "no good state file written after"
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
screen | grep -q "set aside" && fail "the damaged file was reported twice"
keys Q
expect_restored 0

# The pager gets the release as --print prints it at the terminal's width; the
# terminal comes back afterwards.
rm -rf "$XDG_STATE_HOME"
start -- env PAGER="cat >'$TMP/paged'" "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys p
wait_for " list "
tries=0
until [ -s "$TMP/paged" ] || [ $tries -ge 100 ]; do
	sleep 0.05
	tries=$((tries + 1))
done
"$RELVIEW" --print=1 --width=100 "$BUNDLE" | cmp -s - "$TMP/paged" ||
	fail "the pager did not get the release as --print prints it"
# A command's output stays until Enter.
keys '|'
wait_for "Pipe the release to:"
type_text "wc -l >'$TMP/piped'; echo piped-ok"
keys Enter
wait_for "piped-ok"
wait_for "press Enter to go back"
keys Enter
expect_shown "$TOTAL"
[ "$(cat "$TMP/piped")" -eq "$("$RELVIEW" --print=1 --width=100 "$BUNDLE" | wc -l)" ] ||
	fail "the command did not get the release"
# Export: the release as Markdown, the filtered list as JSON Lines; never over a file.
keys e
wait_for "Save the release to"
type_text "$TMP/one.md"
keys Enter
wait_for "Saved 1 release to"
[ "$(head -1 "$TMP/one.md")" = "# $(list | sed -n 1p | cut -f4)" ] ||
	fail "the Markdown export does not start with the title: $(head -1 "$TMP/one.md")"
grep -q '^- \*\*Date:\*\* ' "$TMP/one.md" || fail "no date in the Markdown export"
keys t
type_text gangs
keys Tab Enter
keys E
wait_for "Save the list to"
# It offers today's name, selected: what is typed replaces it.
wait_match 'Save the list to \(\.txt, \.md, \.jsonl\): releases-[0-9]{4}-[0-9]{2}-[0-9]{2}\.txt'
type_text "$TMP/gangs.jsonl"
keys Enter
wait_for "Saved "
list --format=json --body --topic=gangs | cmp -s - "$TMP/gangs.jsonl" ||
	fail "the list export differs from --list --format=json --body"
# Plain text: each release as --print prints it, a rule between them, but the
# whole text: paragraphs as lines, not wrapped at this terminal's 100 columns.
keys E
wait_for "Save the list to"
type_text "$TMP/gangs.txt"
keys Enter
wait_for "Saved "
count=$(list --topic=gangs | wc -l)
i=1
while [ "$i" -le "$count" ]; do
	[ "$i" -gt 1 ] && printf '\n%s\n\n' "$(printf '%072d' 0 | tr 0 -)"
	"$RELVIEW" --print="$i" --width=10000 --topic=gangs "$BUNDLE"
	i=$((i + 1))
done >"$TMP/gangs.want"
cmp -s "$TMP/gangs.want" "$TMP/gangs.txt" || fail "the text export differs from --print, unwrapped"
[ "$(wc -L <"$TMP/gangs.txt")" -gt 100 ] || fail "the text export was wrapped at the screen"
# A file that is there is not overwritten: the prompt asks again, with the name to
# change (Backspace keeps it, to edit).
keys e
type_text "$TMP/one.md"
keys Enter
# (the prompt's line shows the end of a long name)
wait_match "^Already there, not overwritten\. Save the release to \(\.txt, \.md, \.jsonl\): .*/one\.md"
keys BSpace BSpace
type_text "txt"
keys Enter
wait_for "Saved 1 release to $TMP/one.txt"
[ -s "$TMP/one.txt" ] || fail "no export after the name was changed"
keys Q
expect_restored 0

# A real pager: less takes the terminal and gives it back.
if command -v less >/dev/null 2>&1; then
	start -- env -u PAGER "$RELVIEW" "$BUNDLE"
	expect_shown "$TOTAL"
	keys p
	wait_gone " list "
	keys q
	expect_shown "$TOTAL"
	keys Q
	expect_restored 0
fi

# Restricted: by option or by configuration, no pager, pipe or export.
start -- env PAGER="touch '$TMP/ran'" "$RELVIEW" --restricted "$BUNDLE"
expect_shown "$TOTAL"
for key in p '|' e E; do
	keys "$key"
	wait_for "Restricted mode: no pager, pipe or export"
	screen | grep -q "Save the\|Pipe the" && fail "$key opened a prompt in restricted mode"
	keys C-l
	wait_gone "Restricted mode"
done
keys Q
expect_restored 0
[ -e "$TMP/ran" ] && fail "the pager ran in restricted mode"
mkdir -p "$XDG_CONFIG_HOME/relview"
printf '[ui]\nrestricted = true\n' >"$XDG_CONFIG_HOME/relview/config.ini"
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys e
wait_for "Restricted mode: no pager, pipe or export"
keys Q
expect_restored 0
rm "$XDG_CONFIG_HOME/relview/config.ini"

# The command line: a row, a date, a topic; [ and ] move by month; Up brings back
# the commands typed, in this run and the next.
rm -rf "$XDG_STATE_HOME"
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys :
type_text 42
keys Enter
expect_row 42
expect_selected 42
# The first release on or before the end of June 2020, newest first.
row=$(list | awk -F '\t' '$1 != "" && $1 <= "2020-06-30" { print NR; exit }')
keys :
type_text 2020-06
keys Enter
expect_selected "$row"
# ] goes to the month below, at the top of the list (under its separator, if the
# list has them); [ back to the start of the month above.
keys g
next=$(list | awk -F '\t' 'NR == 1 { m = substr($1, 1, 7) } substr($1, 1, 7) != m { print NR; exit }')
keys ']'
expect_selected "$next"
keys ']' '['
expect_selected "$next"
# Two months down the month's first release is on the list's first row (the
# second, under a separator), not where it was on the screen.
third=$(list | awk -F '\t' 'NR == 1 { m = substr($1, 1, 7) }
	substr($1, 1, 7) != m { m = substr($1, 1, 7); if (++k == 2) { print NR; exit } }')
[ "$third" -ge 3 ] || hard_error "the bundle's third month starts at row $third: too high to tell"
keys g ']' ']'
expect_selected "$third"
at=$(screen | grep -n -F -- "$(title_of_row "$third")" | head -1 | cut -d: -f1)
[ "${at:-99}" -le 3 ] || fail "] left the month's first release on screen line ${at:-none}"
keys :
type_text "topic gangs"
keys Enter
expect_shown "$(list --topic=gangs | wc -l)"
keys : Up
wait_for ":topic gangs"
keys Up
wait_for ":2020-06"
keys Down Down
wait_gone ":topic gangs"
keys Escape
keys :
type_text "nonsense here"
keys Enter
wait_for "Not a command: nonsense here"
keys c /
type_text "customs"
keys Enter
wait_gone "Search: "
keys Q
expect_restored 0
# The next run: the commands, and not the line that was none; the search.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys : Up
wait_for ":topic gangs"
screen | grep -qF ":nonsense here" && fail "a line that was no command was kept"
keys Up
wait_for ":2020-06"
keys Escape / Up
wait_for "Search: customs"
keys Escape Q
expect_restored 0

# Month separators: where months hold several releases each, in date order.
mkdir "$TMP/dense"
for month in March April; do
	for day in 1 3 5 7 9 11; do
		printf 'Skip to main content\n%s %d, 2020Houston, TXNarcotics\n\n%s %d release\n\nBody.\n' \
			"$month" "$day" "$month" "$day" >"$TMP/dense/$month-$day.txt"
	done
done
start -- "$RELVIEW" "$TMP/dense"
expect_shown 12 12
screen | grep -q "^── March 2020 ─" || fail "no separator where March begins"
screen | grep -q "^── April 2020 ─" && fail "a separator above the first row"
# The cursor stays in view below separators; ] lands on the month's first release.
keys G
expect_row 12 12
[ "$(screen | grep -c "March 1 release")" -ge 2 ] || fail "the last release is not in view"
keys g ']'
expect_row 7 12
keys Q
expect_restored 0
# Releases months apart: no separators, the list keeps its rows.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
screen | grep -q "^── [A-Z]" && fail "month separators in a sparse list"
keys Q
expect_restored 0

# Copy with OSC 52: tmux (set-clipboard on) takes it into its buffer.
start -- "$RELVIEW" "$BUNDLE"
t set -g set-clipboard on
expect_shown "$TOTAL"
keys y
wait_for "Copied the title"
[ "$(t show-buffer)" = "$(list | sed -n 1p | cut -f4)" ] ||
	fail "the title was not copied: $(t show-buffer)"
keys W
wait_for "Copied the source"
t show-buffer | grep -qF "$BUNDLE: releases/" || fail "the source was not copied"
keys Y
wait_for "Copied the release"
[ "$(t show-buffer)" = "$("$RELVIEW" --print=1 --width=10000 "$BUNDLE")" ] ||
	fail "the release was not copied as --print prints it, paragraphs as lines"
[ "$(t show-buffer | wc -L)" -gt 100 ] || fail "the copy was wrapped at the screen"
keys Q
expect_restored 0
# A terminal not known to take it, or clipboard = off: nothing is sent.
if infocmp vt100 >/dev/null 2>&1; then
	UI_TERM=vt100 start -- env -u TMUX "$RELVIEW" "$BUNDLE"
	t set -g set-clipboard on
	expect_shown "$TOTAL"
	keys y
	wait_for "Not copied: this terminal is not known to take OSC 52"
	t show-buffer >/dev/null 2>&1 && fail "copied on a terminal not known to take it"
	keys Q
	expect_restored 0
fi
printf '[ui]\nclipboard = off\n' >"$TMP/noclip.ini"
start -- "$RELVIEW" --config "$TMP/noclip.ini" "$BUNDLE"
t set -g set-clipboard on
expect_shown "$TOTAL"
keys y
wait_for "Not copied"
t show-buffer >/dev/null 2>&1 && fail "copied with clipboard = off"
keys Q
expect_restored 0

# Sources are a facet: with two inputs, i picks which are listed.
"$RELGEN" -n 40 -s 11 -f zip "$TMP/other.zip" >/dev/null 2>&1 || hard_error "relgen failed"
both=$("$RELVIEW" --list "$BUNDLE" "$TMP/other.zip" | wc -l)
other=$("$RELVIEW" --list --format=json "$BUNDLE" "$TMP/other.zip" | grep -c '"source":"[^"]*other.zip"')
start -- "$RELVIEW" "$BUNDLE" "$TMP/other.zip"
expect_shown "$both" "$both"
keys i
wait_for "Sources"
type_text other
keys Tab Enter
expect_shown "$other" "$both"
wait_for "source: "
keys c
expect_shown "$both" "$both"
keys Q
expect_restored 0
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys i
wait_for "One input only"
keys Q
expect_restored 0

# The Markdown export writes a release's topics in one field, joined as the list
# joins them (a second topic was once a field of its own, "Topic:").
row=$(list | awk -F'\t' 'index($3, "; ") { print NR; exit }')
[ -n "$row" ] || hard_error "no release with two topics in the bundle"
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys : "row $row" Enter
expect_row "$row"
keys e
wait_for "Save the release to"
type_text "$TMP/topics.md"
keys Enter
wait_for "Saved 1 release to"
want_topics=$(list | sed -n "${row}p" | cut -f3)
grep -qxF -- "- **Topics:** $want_topics" "$TMP/topics.md" ||
	fail "the Markdown export's topics are not one field: $(grep -i topic "$TMP/topics.md")"
keys Q
expect_restored 0
