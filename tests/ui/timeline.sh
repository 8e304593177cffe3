#!/bin/sh
# The timeline: T charts the releases a month (Left and Right: a year) under every
# filter but the dates, newest first, empty months included; its counts, bars and
# marks are checked against --list. Enter sets the date filter to a bar's period
# (the list then holds what --since and --until give), Esc and q change nothing.
# The status line's sparkline is the list's last 24 months; [ui] sparkline = 0
# turns it off. LANG=C draws ASCII; a small terminal and resizing keep the cursor's
# bar in view.
set -u
. "$SRCDIR/tests/ui/lib.sh"

# The months (or years, with -y) of the list's dates, newest first, from the
# newest to the oldest with empty ones included: "2014-03 12" a line. Arguments
# are --list's filters.
expected() {
	unit=month
	[ "${1:-}" = -y ] && unit=year && shift
	list "$@" | cut -f1 | grep . | LC_ALL=C awk -F- -v unit=$unit '
		{ k = unit == "year" ? $1 : $1 * 12 + $2 - 1; n[k]++
		  if (NR == 1 || k > hi) hi = k; if (NR == 1 || k < lo) lo = k }
		END { for (k = hi; k >= lo; k--)
			if (unit == "year") printf "%d %d\n", k, n[k]
			else printf "%04d-%02d %d\n", int(k / 12), k % 12 + 1, n[k] }'
}

# The bars on screen (lines 3 to LAST) as "label count bar", the date filter's
# mark dropped; empty rows left out.
bars() {
	screen | sed -n "3,${1:-28}p" | LC_ALL=C awk 'NF { i = $1 ~ /^[0-9]/ ? 1 : 2; print $i, $(i + 1), $(i + 2) }'
}

# The sparkline of the list's last 24 months, as the status line should show it.
sparkline() {
	list "$@" | cut -f1 | grep . | LC_ALL=C awk -F- '
		{ k = $1 * 12 + $2 - 1; n[k]++; if (NR == 1 || k > hi) hi = k; if (NR == 1 || k < lo) lo = k }
		END { split("\342\226\201 \342\226\202 \342\226\203 \342\226\204 \342\226\205 \342\226\206 \342\226\207 \342\226\210", g, " ")
			from = hi - 23 > lo ? hi - 23 : lo
			for (k = from; k <= hi; k++) if (n[k] > max) max = n[k]
			for (k = from; k <= hi; k++)
				printf "%s", n[k] ? g[int((n[k] * 8 + max - 1) / max)] : " " }'
}

# last_bar LAST LABEL: LABEL's bar is the last one shown, on line LAST.
last_bar() {
	bars "$1" | tail -1 | grep -q "^$2 "
}

# click COL ROW: a click of the first button as xterm sends it in SGR mode.
click() {
	t send-keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"
}

# down N: the cursor N bars down.
down() {
	i=0
	while [ "$i" -lt "$1" ]; do
		keys j
		i=$((i + 1))
	done
}

dated=$(list | cut -f1 | grep -c .)
undated=$((TOTAL - dated))
[ "$dated" -gt 0 ] && [ "$undated" -gt 0 ] || hard_error "want dated and undated releases"

start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
# The sparkline: the list's last 24 months, right of the counts.
spark=$(sparkline)
[ -n "$(printf %s "$spark" | tr -d ' ')" ] || hard_error "no sparkline to expect"
screen_line 29 | grep -qF "$spark  list " || fail "the status line has no sparkline '$spark'"

# T: a bar a month, newest first, empty months too, counted as --list counts.
keys T
wait_for " By month, "
first=$(expected | tail -1 | cut -d' ' -f1)
last=$(expected | head -1 | cut -d' ' -f1)
wait_for " By month, $first..$last: $dated with a date, $undated without"
expect_eq "$(bars | cut -d' ' -f1,2)" "$(expected | head -26)"
wait_for " timeline   0% "
# Every bar with releases has a bar, scaled to the busiest month; none without.
bars | LC_ALL=C awk '($2 > 0) != ($3 != "") { exit 1 }' || fail "a bar does not match its count:
$(bars)"

# Years: every year of the span, and each bar exactly as its count gives it: the
# busiest year fills the row but a blank (100 columns, less " • 2014 9 "), the
# others in eighths of a cell, rounded (full blocks, then U+258F..U+2589).
keys Left
wait_for " By year, ${first%-*}..${last%-*}: $dated with a date, $undated without"
expect_eq "$(bars | cut -d' ' -f1,2)" "$(expected -y | head -26)"
max=$(expected -y | sort -k2 -n | tail -1 | cut -d' ' -f2)
cells=$((100 - 9 - ${#max} - 1))
bars | LC_ALL=C awk -v max="$max" -v cells="$cells" '
	BEGIN { split("\342\226\217 \342\226\216 \342\226\215 \342\226\214 \342\226\213 \342\226\212 \342\226\211", part, " ") }
	{ e = int(($2 * cells * 8 * 2 + max) / (2 * max)); if ($2 && e < 1) e = 1
	  want = ""; for (c = 0; c < int(e / 8); c++) want = want "\342\226\210"
	  if (e % 8) want = want part[e % 8]
	  if ($3 != want) { print $1 ": " length($3) " bytes of bar, want " length(want); bad = 1 } }
	END { exit bad }' || fail "bars not as their counts give them:
$(bars)"
keys Right
wait_for " By month, "

# Enter on the first month with two releases or more: the list is that month,
# as --since and --until give it, from its first release.
row=$(expected | head -26 | awk '$2 >= 2 { print NR - 1; exit }')
[ -n "$row" ] || hard_error "no month with two releases in the first rows"
month=$(expected | sed -n "$((row + 1))p" | cut -d' ' -f1)
down "$row"
keys Enter
want=$(list --since "$month" --until "$month" | wc -l)
wait_for "Dates: $month, $want releases"
expect_shown "$want"
wait_for "dates: $month-01..$month-"
screen_line 2 | grep -q "^$month-" || fail "the list does not start in $month"
# The sparkline now has one month: too few to show.
screen_line 29 | grep -q "$(printf '\342\226')" && fail "a sparkline for one month"

# T again: the whole span still (the other filters' releases), the chosen month
# marked, and the cursor on it.
keys T
wait_for " By month, $first..$last: $dated with a date"
wait_for "$(printf '\342\200\242') dates $month-01..$month-"
screen | grep -q "^ $(printf '\342\200\242') $month " || fail "$month is not marked"
[ "$(screen | sed -n '3,28p' | grep -c "$(printf '\342\200\242')")" -eq 1 ] ||
	fail "other months are marked too"
months=$(expected | wc -l)
wait_for " timeline $(printf %3d $(((row + 1) * 100 / months)))% "

# Esc and q go back with nothing changed.
keys j Escape
wait_gone " By month, "
expect_shown "$want"
keys T
wait_for " By month, "
keys G q
wait_gone " By month, "
expect_shown "$want"

# An empty month cannot be chosen: it would leave nothing to read.
empty=$(expected | head -26 | awk '$2 == 0 { print NR - 1; exit }')
if [ -n "$empty" ]; then
	keys T
	wait_for " By month, "
	keys g
	down "$empty"
	keys Enter
	wait_for "No release in $(expected | sed -n "$((empty + 1))p" | cut -d' ' -f1) under these filters"
	wait_for " By month, "
	keys q
	wait_gone " By month, "
	expect_shown "$want"
else
	note "no empty month in the first rows"
fi

# A year, chosen from the year view: its own bar is where the cursor starts.
keys T
wait_for " By month, "
keys Left
wait_for " By year, "
year=${month%-*}
keys Enter
want=$(list --since "$year" --until "$year" | wc -l)
expect_shown "$want"
wait_for "dates: $year-01-01..$year-12-31"

# The help screen, from the timeline, lists its keys; q comes back to it.
keys T
wait_for " By year, "
keys '?' NPage
wait_for "the timeline: a bar a month under the other filters"
wait_for "in the timeline: a bar a month, or a bar a year"
keys q
wait_for " By year, "
keys q q
expect_restored 0

# Other filters narrow it, and the sparkline follows them.
narcotics=$(list --topic narcotics | cut -f1 | grep -c .)
start -- "$RELVIEW" --topic narcotics "$BUNDLE"
wait_for "topic: Narcotics"
screen_line 29 | grep -qF "$(sparkline --topic narcotics)  list " ||
	fail "the sparkline is not the topic's '$(sparkline --topic narcotics)'"
keys T
wait_for " with a date"
wait_for ": $narcotics with a date"
expect_eq "$(bars | cut -d' ' -f1,2)" "$(expected --topic narcotics | head -26)"
keys q
# So does a search typed in the list.
keys / c
type_text ourt
keys Enter
wait_for "topic: Narcotics  /court"
keys T
wait_for ": $(list --topic narcotics --search court | cut -f1 | grep -c .) with a date"
expect_eq "$(bars | cut -d' ' -f1,2)" "$(expected --topic narcotics --search court | head -26)"
keys q q
expect_restored 0

# Loading: releases that arrive while the timeline is open are counted in, and
# the cursor stays on its month (the newest of the first input, selected then).
OTHER=$TMP/other.tar.gz
"$RELGEN" -n 200 -s 8 -f tar.gz "$OTHER" >/dev/null 2>&1 || hard_error "relgen failed"
mkfifo "$TMP/first" "$TMP/second"
start -- "$RELVIEW" "$TMP/first" "$TMP/second"
wait_for "loading 1 of 2: $TMP/first" 5
cat "$BUNDLE" >"$TMP/first"
expect_shown "$TOTAL" "$TOTAL" 5
keys T
wait_for " By month, $first..$last: $dated with a date, $undated without"
cat "$OTHER" >"$TMP/second"
wait_for ": $(list "$OTHER" | cut -f1 | grep -c .) with a date" 10
expect_eq "$(bars | cut -d' ' -f1,2)" "$(expected "$OTHER" | head -26)"
keys Enter
wait_for "Dates: $last, $(list "$OTHER" --since "$last" --until "$last" | wc -l) release"
keys q
expect_restored 0

# With the mouse, a click puts the cursor on the bar clicked (line 3 is the first)
# and the wheel moves it three bars; Enter chooses.
start -- "$RELVIEW" --mouse "$BUNDLE"
expect_shown "$TOTAL"
keys T
wait_for " By month, "
click 30 $((3 + row + 3))
wait_for " timeline $(printf %3d $(((row + 4) * 100 / months)))% "
t send-keys -l "$(printf '\033[<64;30;10M')"
wait_for " timeline $(printf %3d $(((row + 1) * 100 / months)))% "
keys Enter
wait_for "Dates: $month, "
expect_shown "$(list --since "$month" --until "$month" | wc -l)"
keys q
expect_restored 0

# Oldest first, the bars are too: the first is the oldest month.
start -- "$RELVIEW" --oldest-first "$BUNDLE"
expect_shown "$TOTAL"
keys T
wait_for " By month, "
expect_eq "$(bars | cut -d' ' -f1,2)" "$(expected | tail -26 | sort)"
keys Enter
expect_shown "$(list --since "$first" --until "$first" | wc -l)"
keys q
expect_restored 0

# [ui] sparkline = 0: none.
printf '[ui]\nsparkline = 0\n' >"$TMP/nospark.ini"
start -- "$RELVIEW" --config "$TMP/nospark.ini" "$BUNDLE"
expect_shown "$TOTAL"
screen_line 29 | grep -q "$(printf '\342\226')" && fail "a sparkline with sparkline = 0"
keys q
expect_restored 0

# LANG=C: '#' bars and an ASCII sparkline, nothing else.
start -- env LANG=C LC_ALL=C "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
screen_line 29 | grep -q '[.:=+*#@-]  list ' || fail "no ASCII sparkline"
keys T
wait_for " By month, "
bars | awk '$2 > 0 && $3 !~ /^#+$/ { exit 1 }' || fail "not '#' bars under LANG=C"
screen | LC_ALL=C grep -q '[^ -~]' && fail "non-ASCII bytes on the screen under LANG=C"
keys q q
expect_restored 0

# A small terminal: 8 bars; G keeps the last (oldest) one in view, and so does
# resizing; Enter then chooses it.
start 40 12 -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys T
wait_for " By month, "
expect_eq "$(bars 10 | cut -d' ' -f1,2)" "$(expected | head -8)"
keys G
wait_for " timeline 100% "
eventually last_bar 10 "$first" || fail "the oldest month is not in view"
t resize-window -x 60 -y 14
wait_for " By month, $first..$last: $dated with a date, $undated without"
eventually last_bar 12 "$first" || fail "the oldest month left the view when it grew"
t resize-window -x 40 -y 12
eventually last_bar 10 "$first" || fail "the oldest month left the view when it shrank"
keys Enter
expect_shown "$(list --since "$first" --until "$first" | wc -l)"
keys q
expect_restored 0
echo "PASS: $TEST"
