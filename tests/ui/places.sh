#!/bin/sh
# The list's place column says where: no ", United States" after a city, the state
# by its code, and a place too long for the column loses letters of its city, not
# its state or country ("Kingst…, Jamaica", not "Kingston, Jama…").
set -u
. "$SRCDIR/tests/ui/lib.sh"

# release FILE "Month D, YYYY" PLACE TITLE: one release in the ice.gov layout.
release() {
	printf 'Skip to main content\n%s%sNarcotics\n\n%s\n\nAgents arrested a man.\n' \
		"$2" "$3" "$4" >"$TMP/rel/$1.txt"
}
mkdir "$TMP/rel"
release sf "March 11, 2014" "San Francisco, California" "Seizure in San Francisco"
release kingston "March 10, 2014" "Kingston, Jamaica" "Arrest in Kingston"
release honolulu "March 9, 2014" "Honolulu, United States" "Arrest in Honolulu"
release managua "March 8, 2014" "Managua, Nicaragua" "Arrest in Managua"
release houston "March 7, 2014" "Houston, Texas" "Arrest in Houston"

# 80 columns: a place column of 16.
start 80 24 -- "$RELVIEW" "$TMP/rel"
expect_shown 5 5
row() { # TITLE: the list's row of that release
	screen | grep -F -- "$1" | head -1
}
expect_place() { # TITLE PLACE: the row shows the place as the column cuts it
	case $(row "$1") in
	"2014-03-"??" $2 "*) ;;
	*) fail "the row of '$1' does not show '$2': $(row "$1")" ;;
	esac
}
expect_place "Seizure in San Francisco" "San Francis…, CA"
expect_place "Arrest in Kingston" "Kingst…, Jamaica"
expect_place "Arrest in Managua" "Mana…, Nicaragua"
expect_place "Arrest in Honolulu" "Honolulu        "
expect_place "Arrest in Houston" "Houston, TX     "
keys q
expect_restored 0

# Wide enough, nothing is cut; ", United States" still goes.
start 240 24 -- "$RELVIEW" "$TMP/rel"
expect_shown 5 5
expect_place "Seizure in San Francisco" "San Francisco, CA"
expect_place "Arrest in Managua" "Managua, Nicaragua"
expect_place "Arrest in Honolulu" "Honolulu        "
keys q
expect_restored 0
pass
