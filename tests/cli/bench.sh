#!/bin/sh
# bench/run --file measures bundles it did not generate: one load-table row each,
# its release count read from relview, its target chosen by the name's extension
# (.tgz is a tar.gz too), and nothing else (no generated corpora, no search).
. "$SRCDIR/tests/cli/lib.sh"
need_prog RELVIEW
need_cmd python3 bsdtar gzip
build=$(dirname "$(dirname "$RELVIEW")")
# bench/run measures a build tree's programs; an installed relview (the Debian
# package's autopkgtest) has none.
[ -f "$build/Makefile" ] || skip "bench/run needs a build tree, and $RELVIEW is not in one"
cp "$SRCDIR/sample/releases.tar.gz" "$TMP/it's a copy.tgz"
python3 "$SRCDIR/bench/run" --build "$build" --work "$TMP/work" --runs 1 \
	--file "$SRCDIR/sample/releases.tar.gz" --file "$TMP/it's a copy.tgz" \
	>"$TMP/report" 2>"$TMP/err" || fail "bench/run --file failed: $(cat "$TMP/err")"
rows=$(grep -c '^| 400 | tar.gz | [0-9]* | .* | ≤ 1.0× | ' "$TMP/report")
expect_eq "$rows" 2
[ ! -e "$TMP/work/10000.tar.gz" ] || fail "--file generated a corpus"
! grep -q 'Incremental search' "$TMP/report" || fail "--file ran the search benchmark"
pass
