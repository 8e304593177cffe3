#!/bin/sh
# Hostile and broken inputs, made by tests/cli/hostile-fixtures.py: damaged
# compressed streams, junk and misnamed files, decompression bombs, strange entries
# and strange text. On each, relview must do what a careful user expects — show what
# can be read, report the rest in one line naming bundle and entry, exit 1 only when
# nothing was read — and stay bounded: no crash, 10 seconds, 1 GiB, and no raw
# control byte on stdout or stderr.
. "$SRCDIR/tests/cli/lib.sh"
need_cmd python3 timeout /usr/bin/time
need_prog RELVIEW

f=$TMP/fx
mkdir -p "$f"
python3 "$SRCDIR/tests/cli/hostile-fixtures.py" "$f" || hard_error "fixtures not made"

max_secs=10 max_kib=1048576
# Under AddressSanitizer everything is slower and the reader's memory cap is off.
[ -n "${RELVIEW_SANITIZED:-}" ] && max_secs=40 max_kib=8388608

# bounded WANT_STATUS ARGS...: run relview with ARGS; output in $TMP/stdout and
# $TMP/stderr.
bounded() {
	want=$1
	shift
	start=$(date +%s)
	/usr/bin/time -f %M -o "$TMP/rss" timeout -s KILL 60 "$RELVIEW" "$@" \
		>"$TMP/stdout" 2>"$TMP/stderr"
	got=$?
	took=$(($(date +%s) - start))
	[ "$got" -eq "$want" ] || fail "$*: exit status $got, want $want: $(head -c 600 "$TMP/stderr")"
	[ "$took" -le "$max_secs" ] || fail "$*: took $took s"
	rss=$(tail -1 "$TMP/rss")
	[ "$rss" -le "$max_kib" ] || fail "$*: peak memory $rss KiB"
	if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' \
		"$TMP/stdout" "$TMP/stderr"; then
		fail "$*: a control character reached the output"
	fi
}
titles() { cut -f4 "$TMP/stdout" | sort | paste -sd'|' -; }
errors() { cat "$TMP/stderr"; }
# one_error TEXT: the only problem line, naming what it should.
one_error() {
	[ "$(grep -cv '^relview: no releases could be read$' "$TMP/stderr")" -eq 1 ] ||
		fail "want one problem line, got:
$(head -c 2000 "$TMP/stderr")"
	expect_contains "$(errors)" "$1"
}

# ---- damaged compressed streams -------------------------------------------------
bounded 0 --list "$f/cut-mid-member.tar.gz"
n=$(wc -l <"$TMP/stdout")
[ "$n" -gt 20 ] && [ "$n" -lt 200 ] || fail "want part of the cut archive, got $n releases"
one_error "relview: $f/cut-mid-member.tar.gz: r0"
# A gzip member's CRC is checked: text that does not match it is reported, not shown.
bounded 1 --list "$f/bad-crc.txt.gz"
one_error "relview: $f/bad-crc.txt.gz: gzip data damaged (checksum mismatch)"
# A zip entry's CRC is checked: that entry is reported, the others read.
bounded 0 --list "$f/bad-crc.zip"
expect_eq "$(titles)" "Zip good entry"
one_error "relview: $f/bad-crc.zip: bad-crc.txt: ZIP bad CRC"
# A tar header with a wrong checksum: reported, and the walk goes on past it.
bounded 0 --list "$f/bad-header.tar"
expect_contains "$(titles)" "Release 2"
bounded 1 --list "$f/bad-gzip-flags.tar.gz"
one_error "relview: $f/bad-gzip-flags.tar.gz: not an archive or a text file"

# ---- empty, zero bytes, junk, misnamed --------------------------------------------
for name in empty.tar zero.tar.gz; do
	bounded 1 --list "$f/$name"
	one_error "relview: $f/$name: no releases found"
done
bounded 1 --list "$f/junk.tar.gz"
one_error "relview: $f/junk.tar.gz: not an archive or a text file"
bounded 0 --list "$f/really-a-zip.tar.gz" "$f/really-text.zip"
expect_eq "$(titles)" "Text named as zip|Zip named as tar"
[ ! -s "$TMP/stderr" ] || fail "a misnamed input is no problem: $(errors)"

# ---- bombs -----------------------------------------------------------------------
# An entry inflating 2 GiB, packed 340 to 1 (gzip) or 10000 to 1 (zstd): given up as
# a bomb after its first 64 MiB.
bounded 1 --list "$f/bomb.tar.gz"
one_error "relview: $f/bomb.tar.gz: endless.txt: inflates over 100 times its size (a decompression bomb)"
if [ -f "$f/bomb.tar.zst" ]; then
	bounded 1 --list "$f/bomb.tar.zst"
	one_error "endless.txt: inflates over 100 times its size (a decompression bomb)"
fi
# Forty near-copies of a 50 MiB release would all be kept: the bomb ends after the
# first, and memory stays bounded.
bounded 0 --list "$f/near-copies.tar.gz"
expect_eq "$(titles)" "Copy 0"
one_error "relview: $f/near-copies.tar.gz: copy01.txt: inflates over 100 times its size"
# An entry over 64 MiB that is no bomb is skipped by name, and reading goes on.
bounded 0 --list "$f/big-entry.tar.gz"
expect_eq "$(titles)" "After the big one"
one_error "relview: $f/big-entry.tar.gz: big.txt: entry larger than 64 MiB, skipped"
bounded 1 --list "$f/lying-size.tar"
one_error "relview: $f/lying-size.tar: liar.txt: Truncated tar archive"
# Over a million tiny entries (the same empty file again and again): the entry limit
# ends the walk with a message in seconds.
python3 -c '
import gzip, sys, tarfile
info = tarfile.TarInfo("tiny.txt")
header = info.tobuf(tarfile.GNU_FORMAT)
sys.stdout.buffer.write(gzip.compress(header * 131072, 6) * 9)' >"$f/tiny-entries.tar.gz"
bounded 1 --list "$f/tiny-entries.tar.gz"
one_error "relview: $f/tiny-entries.tar.gz: too many entries, rest of input skipped"

# ---- strange entries ----------------------------------------------------------------
# Links, devices, folders and FIFOs are not releases: skipped quietly. Absolute, ../
# and deep paths are only names (nothing is extracted); a name's control characters
# are shown as stand-ins; the same path twice is two releases, the same text twice
# one.
bounded 0 --list --format=json "$f/strange-entries.tar"
[ ! -s "$TMP/stderr" ] || fail "strange entries are no problem: $(errors)"
out=$(cat "$TMP/stdout")
expect_eq "$(printf '%s\n' "$out" | wc -l)" 7
for entry in /etc/absolute.txt ../../escape.txt d0/d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12/d13/d14/d15/d16/d17/d18/d19/deep.txt \
	'evil␤name␛]52;c;aGk=␇�31m.txt'; do
	expect_contains "$out" "\"entry\":\"$entry\""
done
expect_contains "$out" '"title":"Same path first"'
expect_contains "$out" '"title":"Same path second"'
[ ! -e /etc/absolute.txt ] && [ ! -e "$f/../../escape.txt" ] || fail "an entry was written out"
# Encrypted (ZipCrypto) entries are skipped by name; the others are read.
bounded 0 --list "$f/encrypted.zip"
expect_eq "$(titles)" "Unencrypted entry"
one_error "relview: $f/encrypted.zip: secret.txt: encrypted entry, skipped"
# An archive inside an archive is not opened (archives can hold themselves, and bombs
# nest) but named, so that the user knows to extract it.
bounded 0 --list "$f/nested.tar"
expect_eq "$(titles)" "Outer release"
one_error "relview: $f/nested.tar: inner.tar.gz: an archive inside the archive, not opened"

# ---- strange text ---------------------------------------------------------------------
bounded 0 --list --format=json "$f/texts"
expect_eq "$(wc -l <"$TMP/stdout")" 12
title_len=$(grep '"entry":"huge-title.txt"' "$TMP/stdout" | sed 's/.*"title":"\(T*\)".*/\1/' | tr -d '\n' | wc -c)
expect_eq "$title_len" 1048576
out=$(grep -v '"entry":"huge-title.txt"' "$TMP/stdout")
# Overlong forms, surrogates and code points past U+10FFFF are read as cp1252.
expect_contains "$out" '"title":"OverÀ¯long í'
for t in 'UTF-16 title' 'UTF-16BE title' 'Café naïve “quoted”' \
	'CRLF BOM title' 'Fifty megabytes' 'Nul in body'; do
	expect_contains "$out" "\"title\":\"$t\""
done
# Dates outside 1900..2100 and impossible dates are unknown, not guessed; no date
# line is no date; the releases are all there.
for t in 'Year 1899' 'Year 2199' 'February 30' 'No date line'; do
	expect_contains "$out" "{\"date\":null,\"location\":\"Houston, TX\",\"topics\":[\"Narcotics\"],\"place\":\"Houston, TX\",\"topic_facets\":[\"Narcotics\"],\"title\":\"$t\""
done
# A NUL byte in the first 8 KiB marks a binary file (text.h): skipped quietly in a
# folder, like any junk; a later one is shown as a stand-in.
"$RELVIEW" --print=1 --search='Nul in body' "$f/texts" >"$TMP/print" || fail "--print failed"
expect_contains "$(cat "$TMP/print")" 'late␀nul'
# The 50 MB line and the 1 MB title print, wrapped.
bounded 0 --print=1 --search=Fifty --width=60 "$f/texts"
[ "$(awk 'length > 60' "$TMP/stdout" | wc -l)" -eq 0 ] || fail "--print did not wrap the long line"
# ---- inputs that are not plain files, or move ---------------------------------------
# A FIFO inside a folder is not opened (nobody may ever write to it); one named on the
# command line is read as it streams (inputs.sh).
mkdir -p "$f/with-fifo"
cp "$f/texts/latin1.txt" "$f/with-fifo/"
mkfifo "$f/with-fifo/nobody-writes"
bounded 0 --list "$f/with-fifo"
expect_eq "$(titles)" "Café naïve “quoted”"
# Devices named on the command line are read as streams, in bounded memory, and
# never to their end: zeroes end a tar; random bytes are one plain release, given up
# once it is larger than a release may be.
bounded 1 --list /dev/zero
one_error "relview: /dev/zero: no releases found"
bounded 1 --list /dev/urandom
one_error "relview: /dev/urandom: entry larger than 64 MiB, skipped"
# A folder relview may not read: reported, the rest read. Root reads anything, so the
# case runs as nobody when the test runs as root (and is skipped if it cannot).
perm=$(mktemp -d /tmp/relview-perm.XXXXXX)
cp "$f/texts/latin1.txt" "$perm/"
mkdir "$perm/locked"
cp "$f/texts/no-date.txt" "$perm/locked/"
chmod 755 "$perm" && chmod 000 "$perm/locked"
as_user=
if [ "$(id -u)" -eq 0 ]; then
	as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups --"
	command -v setpriv >/dev/null && $as_user true 2>/dev/null || as_user=skip
fi
if [ "$as_user" = skip ]; then
	note "unreadable folder: skipped (root, and no setpriv to drop to nobody)"
else
	# shellcheck disable=SC2086
	$as_user "$RELVIEW" --list --no-cache "$perm" >"$TMP/stdout" 2>"$TMP/stderr" ||
		fail "an unreadable folder inside: $(errors)"
	expect_eq "$(titles)" "Café naïve “quoted”"
	one_error "relview: $perm: locked: Permission denied"
fi
chmod 755 "$perm/locked" && rm -rf "$perm"
# A bundle cut short while it is read: whatever was read is shown, the rest reported,
# nothing hangs. (Where the cut falls varies, so only the bounds are checked.)
python3 -c '
import io, os, sys, tarfile
with tarfile.open(sys.argv[1], "w") as t:
    for i in range(3000):
        data = b"Skip to main content\nMay 5, 2015Miami, FLNarcotics\n\nRelease %d\n\n" % i
        data += os.urandom(6000).hex().encode()
        info = tarfile.TarInfo("r%04d.txt" % i)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))' "$f/shrinking.tar"
(sleep 0.2 && : >"$f/shrinking.tar") &
"$RELVIEW" --list --no-cache "$f/shrinking.tar" >"$TMP/stdout" 2>"$TMP/stderr"
status=$?
wait
case $status in 0 | 1) ;; *) fail "a bundle cut while read: exit status $status" ;; esac
if grep -v '^relview: ' "$TMP/stderr" | grep -q .; then
	fail "a bundle cut while read: a message not in one line: $(errors)"
fi
pass
