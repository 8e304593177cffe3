#!/bin/sh
# Inputs as users have them: encodings, hostile bytes, damaged and junk files,
# several inputs at once, pipes — each read or reported in one clear line, nothing
# raw reaching stdout or stderr, and the inputs left untouched.
. "$SRCDIR/tests/cli/lib.sh"
command -v iconv >/dev/null || skip "iconv missing"

d=$TMP/in
mkdir -p "$d"
header='Skip to main content\r\nMarch 11, 2014Houston, TXNarcotics\r\n\r\n'
printf "${header}CRLF title\r\n\r\nHOUSTON - Body.\r\n" >"$d/crlf.txt"
printf '\357\273\277Skip to main content\nMay 1, 2015Miami, FLNarcotics\n\nBOM title\n\nBody.\n' >"$d/bom.txt"
# cp1252: curly quotes 0x93/0x94 and é 0xE9
printf 'Skip to main content\nMay 2, 2015Miami, FLNarcotics\n\n\223Caf\351\224 title\n\nBody.\n' >"$d/cp1252.txt"
printf 'Skip to main content\nMay 3, 2015Miami, FLNarcotics\n\nUTF-16 title\n\nBody.\n' |
	iconv -f UTF-8 -t UTF-16 >"$d/utf16.txt" # iconv writes a BOM
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$d/junk.png"
: >"$d/empty.txt"
# Hostile: CSI colour, OSC 52 clipboard write, BEL, C1 CSI as UTF-8, bidi override.
printf 'Skip to main content\nMay 4, 2015Miami, FLNarcotics\n\nEvil \033[31mred\033]52;c;aGk=\007 \302\233 \342\200\256title\n\nBody \033]8;;http://x\033\\link.\n' >"$d/evil.txt"

before=$(cd "$d" && ls -lA --time-style=full-iso && cat ./* | cksum)

expect_status 0 "$RELVIEW" --list --format=json "$d"
out=$(cat "$TMP/stdout")
expect_eq "$(printf '%s\n' "$out" | wc -l)" 5
for t in 'CRLF title' 'BOM title' '“Café” title' 'UTF-16 title'; do
	expect_contains "$out" "\"title\":\"$t\""
done
expect_contains "$out" '"date":"2014-03-11","location":"Houston, TX","topics":["Narcotics"]'
[ ! -s "$TMP/stderr" ] || fail "junk inside a folder is skipped quietly: $(cat "$TMP/stderr")"

# No control byte from any input reaches stdout: not in --list, JSON or --print.
no_controls() { # WHAT FILE
	if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$2"; then
		fail "$1 lets a control character through: $(od -c "$2" | head -5)"
	fi
}
"$RELVIEW" --list "$d" >"$TMP/tsv"
no_controls "--list" "$TMP/tsv"
"$RELVIEW" --list --format=json "$d" >"$TMP/json"
no_controls "--format=json" "$TMP/json"
"$RELVIEW" --print=1 --search Evil "$d" >"$TMP/print"
no_controls "--print" "$TMP/print"
expect_contains "$(cat "$TMP/print")" 'Evil ␛[31mred␛]52;c;aGk=␇'

# The inputs were only read.
expect_eq "$(cd "$d" && ls -lA --time-style=full-iso && cat ./* | cksum)" "$before"

# Names are sanitised in messages too.
evil_name=$(printf 'bad\033]0;pwned\007name.bin')
printf '\000\001\002\003binary' >"$TMP/$evil_name"
expect_status 1 "$RELVIEW" --list "$TMP/$evil_name"
no_controls "an error message" "$TMP/stderr"
expect_contains "$(cat "$TMP/stderr")" 'not an archive or a text file'
expect_contains "$(cat "$TMP/stderr")" 'relview: no releases could be read'

# Archives: a release packed twice and present as a plain file too is shown once;
# a compressed plain file is one release.
tar -C "$d" -czf "$TMP/a.tar.gz" crlf.txt bom.txt
tar -C "$d" -cJf "$TMP/b.tar.xz" crlf.txt
gzip -c "$d/cp1252.txt" >"$TMP/c.txt.gz"
expect_status 0 "$RELVIEW" --list "$TMP/a.tar.gz" "$TMP/b.tar.xz" "$d/crlf.txt" "$TMP/c.txt.gz"
expect_eq "$(cut -f4 "$TMP/stdout" | sort | paste -sd'|' -)" 'BOM title|CRLF title|“Café” title'
# Copies merged are no problem: not a line on stderr, and --stats counts them.
[ ! -s "$TMP/stderr" ] || fail "copies of releases reported: $(cat "$TMP/stderr")"
need_prog RELGEN
"$RELGEN" --plain -n 40 -s 5 -f tar.gz "$TMP/same.tar.gz" >/dev/null
"$RELGEN" --plain -n 40 -s 5 -f zip "$TMP/same.zip" >/dev/null
expect_status 0 "$RELVIEW" --list --no-cache "$TMP/same.tar.gz" "$TMP/same.zip"
expect_eq "$(wc -l <"$TMP/stdout")" 40
[ ! -s "$TMP/stderr" ] || fail "an input of copies reported: $(cat "$TMP/stderr")"
expect_status 0 "$RELVIEW" --stats --no-cache "$TMP/same.zip" "$TMP/same.tar.gz"
expect_contains "$(head -2 "$TMP/stdout")" "$(printf '40 releases\n40 identical copies merged')"

# Damaged input: reported in one line naming the file; the rest still loads.
i=0
while [ $i -lt 300 ]; do
	printf "Skip to main content\nMay 5, 2015Miami, FLNarcotics\n\nRelease $i\n\n" >"$TMP/r$i.txt"
	head -c 3000 /dev/urandom | od -An -tx1 >>"$TMP/r$i.txt" # incompressible body
	i=$((i + 1))
done
(cd "$TMP" && tar -czf whole.tar.gz r*.txt)
size=$(wc -c <"$TMP/whole.tar.gz")
head -c $((size / 2)) "$TMP/whole.tar.gz" >"$TMP/cut.tar.gz"
expect_status 0 "$RELVIEW" --list "$TMP/cut.tar.gz" "$TMP/missing.tar.gz"
n=$(wc -l <"$TMP/stdout")
[ "$n" -gt 50 ] && [ "$n" -lt 300 ] || fail "want part of the cut archive, got $n releases"
expect_eq "$(wc -l <"$TMP/stderr")" 2
expect_contains "$(cat "$TMP/stderr")" "relview: $TMP/cut.tar.gz: r"
expect_contains "$(cat "$TMP/stderr")" "relview: $TMP/missing.tar.gz: No such file or directory"

# Nothing readable at all: exit status 1.
: >"$TMP/zero.tar.gz"
expect_status 1 "$RELVIEW" --list "$TMP/zero.tar.gz" "$TMP/missing.tar.gz"
expect_contains "$(cat "$TMP/stderr")" "relview: $TMP/zero.tar.gz: no releases found"

# A pipe is read as it streams.
mkfifo "$TMP/fifo"
cat "$TMP/a.tar.gz" >"$TMP/fifo" &
expect_status 0 "$RELVIEW" --list "$TMP/fifo"
wait
expect_eq "$(wc -l <"$TMP/stdout")" 2
pass
