#!/bin/sh
# Related releases: r lists the releases of the same topic and place within 30 days
# and those sharing a rare name, each with why, newest first within each reason;
# Enter reads one, q comes back to the related list and q again to the list, on the
# release it was on.
set -u
. "$SRCDIR/tests/ui/lib.sh"

# release FILE "Month D, YYYY" PLACE TOPIC TITLE BODY: one release in the ice.gov
# layout (date, location and topics run together on one line).
release() {
	printf 'Skip to main content\n%s%s%s\n\n%s\n\n%s\n' "$2" "$3" "$4" "$5" "$6" \
		>"${dir:-$TMP/rel}/$1.txt"
}
mkdir "$TMP/rel"
release origin "March 1, 2020" "Houston, TX" Narcotics "Origin seizure in Houston" \
	"Agents of Operation Quiet Storm and Homeland Security Investigations seized drugs."
release later "March 13, 2020" "Houston, TX" Narcotics "Later arrests in Houston" \
	"Agents arrested five people."
release far "May 20, 2020" "Houston, TX" Narcotics "Far later in Houston" \
	"Agents arrested two people."
release dallas "March 5, 2020" "Dallas, TX" Narcotics "Dallas seizure" \
	"Agents seized more drugs."
release topic "March 6, 2020" "Houston, TX" "Human Smuggling" "Houston smuggling case" \
	"Agents found a stash house."
release storm "January 7, 2019" "Seattle, WA" "Transnational Gangs" "Seattle gang case" \
	"The case began under Operation Quiet Storm, years before."
# A name in this many releases is not rare: it relates none of them.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13; do
	release "filler$i" "June $i, 2015" "Reno, NV" "Human Smuggling" "Reno case $i" \
		"Homeland Security Investigations worked case $i."
done
# A release with no header: no topic, no place (undated: the list's last).
printf 'A note with no header\n\nNothing but a body here.\n' >"$TMP/rel/bare.txt"
all=20

start -- "$RELVIEW" "$TMP/rel"
expect_shown "$all" "$all"
# From the origin (the date jump lands on it), r lists two, nearest first.
keys :
type_text 2020-03-01
keys Enter
expect_row 5 "$all"
keys r
wait_for "Related to: Origin seizure in Houston"
wait_for "2 related releases"
screen_line 3 | grep -q "same topic+place, 12 days later .*Later arrests in Houston" ||
	fail "row 1 is not the release 12 days later"
screen_line 4 | grep -q "shares: Operation Quiet Storm .*Seattle gang case" ||
	fail "row 2 is not the release sharing the operation's name"
for other in "Far later" "Dallas seizure" "Houston smuggling" "Reno case" "Homeland Security"; do
	screen | grep -q "$other" && fail "'$other' is listed as related"
done
# The list's keys mean nothing here, and say so.
keys t
wait_for "Not in the related releases: q goes back to the list"
# Enter reads the one under the cursor; q comes back to the related list.
keys j Enter
wait_for " reader "
screen_line 2 | grep -q "Seattle gang case" || fail "Enter did not open the second related release"
keys q
wait_for "Related to: Origin seizure in Houston"
wait_for " related 100% "
# s stars the related release under the cursor, not the origin.
keys s
wait_for "Starred"
# q goes back to the list, on the origin as before.
keys q
expect_row 5 "$all"
screen | grep -q "Related to:" && fail "the related list is still up"
[ "$(screen | grep -c "Origin seizure in Houston")" -ge 2 ] ||
	fail "the origin is not selected in the list again"
# A release with nothing related says so and stays on the list.
keys g r
wait_for "No related releases: none of its topic and place within 30 days"
# One with no topic or place says what it lacks.
keys G r
wait_for "No related releases: it has no topic or place"
keys Q
expect_restored 0
[ "$("$RELVIEW" --list --starred "$TMP/rel" | cut -f4)" = "Seattle gang case" ] ||
	fail "the star went elsewhere: $("$RELVIEW" --list --starred "$TMP/rel")"

# Within a reason the releases are newest first, as in the list, and the heading
# says so. A name that ends as the names of many releases end ("Utah State Police":
# a state's "State Police") names an agency of a kind, not a case: it relates none.
dir=$TMP/rel2
mkdir "$dir"
release origin "March 1, 2020" "Houston, TX" Narcotics "Origin of the harbor ring" \
	"Agents of Operation Red Harbor and the Utah State Police seized drugs."
release older "January 7, 2019" "Seattle, WA" "Transnational Gangs" "Older harbor case" \
	"The case began under Operation Red Harbor."
release newer "June 2, 2021" "Portland, OR" Fraud "Newer harbor case" \
	"Agents said that Operation Red Harbor went on for a year."
release troopers "May 5, 2020" "Provo, UT" Fraud "Provo troopers case" \
	"Agents said that the Utah State Police made arrests."
i=0
for state in Idaho Ohio Iowa Maine Texas Nevada Oregon Kansas Virginia Maryland \
	Alabama Florida Georgia; do
	i=$((i + 1))
	release "filler$i" "June $i, 2015" "Reno, NV" "Human Smuggling" "Reno case $i" \
		"Agents said that the $state State Police worked case $i with them."
done
start -- "$RELVIEW" "$dir"
expect_shown 17 17
keys :
type_text 2020-03-01
keys Enter
eventually shown_twice "Origin of the harbor ring" || fail "the origin is not selected"
keys r
wait_for "Related to: Origin of the harbor ring, by reason, newest first"
wait_for "2 related releases"
screen_line 3 | grep -q "shares: Operation Red Harbor .*Newer harbor case" ||
	fail "row 1 is not the newer release sharing the operation's name"
screen_line 4 | grep -q "shares: Operation Red Harbor .*Older harbor case" ||
	fail "row 2 is not the older release sharing the operation's name"
screen | grep -q "Provo troopers" && fail "a state's State Police related two releases"
keys Q
expect_restored 0

# Narrow, the reason is cut, and a blank still stands between it and the next column.
start 50 20 -- "$RELVIEW" "$dir"
expect_shown 17 17
keys :
type_text 2020-03-01
keys Enter
eventually shown_twice "Origin of the harbor" || fail "the origin is not selected"
keys r
wait_for "2 related releases"
screen_line 3 | grep -q "… [^ ]" || fail "a cut reason runs into the next column: $(screen_line 3)"
keys Q
expect_restored 0
pass
