#!/bin/sh
# Field extraction on real published release pages: at least 97% of date, location,
# topics and title exact. The pages live beside the project (../shared/real), not in
# it; the test is skipped where they are absent (as in a distribution tarball).
real=${RELVIEW_SHARED:-$SRCDIR/../shared}/real
scorer=${RELVIEW_SHARED:-$SRCDIR/../shared}/bin/score-real
if [ ! -f "$real/index.tsv" ] || [ ! -f "$scorer" ] || ! command -v python3 >/dev/null; then
	echo "SKIP: no real pages at $real"
	exit 77
fi
exec python3 "$scorer" --bin "$RELVIEW" --min 97 "$real"
