#!/bin/sh
# Field extraction on real published release pages: date, location, topics and title
# exact on every page of ../shared/real (ICE) and ../shared/real2 (ICE of other eras,
# CBP, U.S. Attorneys, DEA, DHS, the White House, IRS-CI). Each set is also scored in
# its develop and measure parts (docs/REAL-PAGES.md). The pages live beside the
# project, not in it; the test is skipped where they are absent (as in a distribution
# tarball). The scorer runs relview --list with the cache on: lib.sh keeps that cache
# (and the locale, config and state) in the test's scratch folder, not the caller's.
. "$SRCDIR/tests/cli/lib.sh"
shared=${RELVIEW_SHARED:-$SRCDIR/../shared}
scorer=$shared/bin/score-real
if [ ! -f "$shared/real/index.tsv" ] || [ ! -f "$scorer" ] || ! command -v python3 >/dev/null; then
	skip "no real pages at $shared/real"
fi
status=0
python3 "$SRCDIR/tests/cli/real-split.py" "$scorer" "$RELVIEW" "$shared/real" 100 || status=1
if [ -f "$shared/real2/index.tsv" ]; then
	python3 "$SRCDIR/tests/cli/real-split.py" "$scorer" "$RELVIEW" "$shared/real2" 100 || status=1
else
	echo "no second set at $shared/real2: only the first was scored"
fi
exit $status
