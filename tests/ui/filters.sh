#!/bin/sh
# Filters: --topic pre-sets the topic picker; the topic and location pickers
# (narrowing, several choices, groups, counts under the other filters); the date
# range prompt; c clears everything. Counts are checked against --list.
set -u
. "$SRCDIR/tests/ui/lib.sh"

# Releases carrying exactly this topic, from --list lines on stdin.
with_topic() {
	awk -F'\t' -v t="$1" '{ n = split($3, a, "; "); for (i = 1; i <= n; i++) if (a[i] == t) { c++; break } }
		END { print c + 0 }'
}

narcotics=$(list | with_topic Narcotics)
[ "$narcotics" -gt 0 ] || hard_error "the bundle has no Narcotics release"

start -- "$RELVIEW" --topic narcotics "$BUNDLE"
expect_shown "$narcotics"
wait_for "topic: Narcotics"

# The picker starts from the command line's choice.
keys t
wait_for "Topics: 1 chosen"
wait_for "[x] Narcotics"
# Unchoose all, narrow by typing, choose two, apply.
keys C-x
wait_for "Topics: 0 chosen"
type_text traffick
wait_for "[ ] Human Trafficking"
wait_gone "] Narcotics"
keys Tab
wait_for "Topics: 1 chosen"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
wait_for "] Narcotics"
type_text narc
wait_for "[ ] Narcotics"
keys Tab Enter
both=$(list | awk -F'\t' '$3 ~ /(^|; )(Human Trafficking|Narcotics)(;|$)/' | wc -l)
expect_shown "$both"
wait_for "topic: "
wait_for " +1"

# Locations are grouped by state; the count of a group honours the topic filter.
keys l
wait_for "Locations: 0 chosen"
type_text Oregon
wait_for "[ ] Oregon"
count=$(screen_line 3 | awk '{ print $NF }')
want=$(list --location oregon | awk -F'\t' '$3 ~ /(^|; )(Human Trafficking|Narcotics)(;|$)/' | wc -l)
[ "$count" = "$want" ] || fail "the Oregon group counts $count, --list says $want"
keys Tab Enter
expect_shown "$want"
wait_for "place: "

# c clears every filter.
keys c
expect_shown "$TOTAL"
wait_for "Filters and search cleared"

# As a user of fzf expects: once something is typed, Space types a space (words
# apart as --location takes them) and Tab chooses; the cursor goes to the first
# item the text names itself, not to its group; Enter with nothing chosen applies
# the item typed or moved to, and with nothing typed nor moved, no filter.
keys l
wait_for "Locations: 0 chosen.  Space: choose"
type_text "san j"
wait_for "Location: san j"
wait_for "Locations: 0 chosen.  Tab: choose"
wait_for "[ ] San Juan, PR"
wait_for "[ ] San Jose, CA"
keys Enter
expect_shown "$(list --location 'san jose' | wc -l)"
wait_for "place: San Jose, CA"
keys c
expect_shown "$TOTAL"
keys l
wait_for "Locations: 0 chosen"
type_text mayaguez
wait_for "[ ] Puerto Rico"
wait_for "[ ] Mayagüez, PR"
keys Tab
wait_for "[x] Mayagüez, PR"
wait_for "[-] Puerto Rico"
keys Enter
expect_shown "$(list --location mayaguez | wc -l)"
wait_for "place: Mayagüez, PR"
keys c
expect_shown "$TOTAL"
keys t
wait_for "Topics: 0 chosen"
type_text gang
wait_for "[ ] Transnational Gangs"
keys Enter
expect_shown "$(list --topic 'transnational gangs' | wc -l)"
wait_for "topic: Transnational Gangs"
keys t
wait_for "[x] Transnational Gangs"
keys C-x Enter
wait_for "no topic filter"
expect_shown "$TOTAL"

# d: a date range, in the forms --since and --until take.
keys d
wait_for "Dates (FROM..UNTIL):"
type_text 2020..2022-06
keys Enter
expect_shown "$(list --since 2020 --until 2022-06 | wc -l)"
wait_for "dates: 2020-01-01..2022-06-30"
keys d
wait_for "Dates (FROM..UNTIL): 2020-01-01..2022-06-30"
keys C-u
type_text "not a date"
keys Enter
wait_for "Not a date range: not a date"
expect_shown "$(list --since 2020 --until 2022-06 | wc -l)"

keys q
expect_restored 0
echo "PASS: $TEST"
