#!/bin/sh
# libarchive's own regression and fuzz archives (490 of them, some of which make
# libarchive 3.6.2 crash, loop or eat memory): relview must stay bounded on every
# one — exit 0 or 1, within 10 seconds, under 1 GiB, and nothing raw on stdout or
# stderr. They live beside the project (../shared/peer), never in it: skipped where
# absent. Files are only read, never run. GNU cpio's hard links give their text.
. "$SRCDIR/tests/cli/lib.sh"
peer=${RELVIEW_SHARED:-$SRCDIR/../shared}/peer/libarchive-testdata
[ -f "$peer/MANIFEST.tsv" ] || skip "no peer archives at $peer"
need_cmd timeout /usr/bin/time
need_prog RELVIEW

# Under AddressSanitizer the reader's memory cap is off (ASan reserves terabytes).
max_kib=1048576
[ -n "${RELVIEW_SANITIZED:-}" ] && max_kib=8388608

checked=0
for f in "$peer"/*; do
	case $f in *.tsv | *.md) continue ;; esac
	start=$(date +%s)
	/usr/bin/time -f %M -o "$TMP/rss" timeout -s KILL 15 "$RELVIEW" --list --format=json "$f" \
		>"$TMP/out" 2>"$TMP/err"
	status=$?
	took=$(($(date +%s) - start))
	name=${f##*/}
	case $status in 0 | 1) ;; *) fail "$name: exit status $status: $(head -2 "$TMP/err")" ;; esac
	[ "$took" -le 10 ] || fail "$name: took $took s"
	rss=$(tail -1 "$TMP/rss")
	[ "$rss" -le "$max_kib" ] || fail "$name: peak memory $rss KiB"
	if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$TMP/out" "$TMP/err"; then
		fail "$name: a control character reached the output"
	fi
	checked=$((checked + 1))
done
[ "$checked" -gt 400 ] || hard_error "only $checked peer archives found"

# GNU cpio's hard links: in newc and crc archives the text is stored with the last
# name of the file, in the others with the first; every one gives its release.
for f in "$peer"/test_gcpio_compat_ref*; do
	"$RELVIEW" --list --no-cache "$f" >"$TMP/out" 2>"$TMP/err" ||
		fail "${f##*/}: $(head -2 "$TMP/err")"
	expect_eq "$(cut -f4 "$TMP/out")" 123456789
	[ ! -s "$TMP/err" ] || fail "${f##*/}: $(head -2 "$TMP/err")"
done
note "$checked archives read, all bounded"
pass
