#!/bin/sh
# Pipes and devices: read as they stream, through libarchive's callback reader, in
# bounded memory — a tar of a gigabyte through a pipe loads like a file — and a
# plain release (compressed or not) through a pipe is one release, as from a file.
# The reading child is a fresh process: the parent opens /dev/stdin and /dev/fd/N
# for it.
. "$SRCDIR/tests/cli/lib.sh"
need_prog RELVIEW RELGEN
need_cmd python3 gzip /usr/bin/time
LC_ALL=C.UTF-8
export LC_ALL

"$RELGEN" -n 2000 --plain -f tar "$TMP/rel.tar" >/dev/null || hard_error "relgen failed"
"$RELGEN" -n 300 --plain -f zip "$TMP/rel.zip" >/dev/null || hard_error "relgen failed"

# The releases of a tar, then PADS entries of PAD_MIB MiB each, larger than any
# release may be (each is skipped with one line): one tar stream on stdout, made as
# it is written.
cat >"$TMP/padded.py" <<'PY'
import sys, tarfile
src, pads, pad_mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
out = sys.stdout.buffer
with tarfile.open(src) as t:
    for m in t:
        if m.isfile():
            data = t.extractfile(m).read()
            out.write(m.tobuf(tarfile.GNU_FORMAT))
            out.write(data + b"\0" * (-len(data) % 512))
block = b"\0" * (1 << 20)
for i in range(pads):
    info = tarfile.TarInfo(f"padding/{i:02}.bin")
    info.size = pad_mib << 20
    out.write(info.tobuf(tarfile.GNU_FORMAT))
    for _ in range(pad_mib):
        out.write(block)
out.write(b"\0" * 10240)
PY

# 1.1 GB of tar through a pipe: every release, one line for each oversized entry,
# and the memory of both processes far below the stream's size.
python3 "$TMP/padded.py" "$TMP/rel.tar" 13 80 |
	/usr/bin/time -f %M -o "$TMP/rss" "$RELVIEW" --list --no-cache /dev/stdin \
		>"$TMP/stdout" 2>"$TMP/stderr"
expect_eq "$(wc -l <"$TMP/stdout")" 2000
expect_eq "$(grep -c 'entry larger than 64 MiB, skipped' "$TMP/stderr")" 13
expect_eq "$(grep -vc 'entry larger than' "$TMP/stderr")" 0
rss_kib=$(tail -n 1 "$TMP/rss")
# Sanitizers' shadow memory (ThreadSanitizer's above all) weighs on the same
# pages; the stream read whole would still be over either bound.
max_kib=400000
[ -n "${RELVIEW_SANITIZED:-}" ] && max_kib=900000
[ "$rss_kib" -lt $max_kib ] || fail "1.1 GB through a pipe took $rss_kib KiB"
"$RELVIEW" --list --no-cache "$TMP/rel.tar" >"$TMP/from-file"
python3 "$TMP/padded.py" "$TMP/rel.tar" 0 0 | "$RELVIEW" --list --no-cache /dev/stdin \
	>"$TMP/from-pipe"
cmp -s "$TMP/from-file" "$TMP/from-pipe" || fail "a pipe lists other releases than the file"

# Process substitution: /dev/fd/N is the parent's, which opens it for the child.
if command -v bash >/dev/null; then
	bash -c '"$1" --list --no-cache <(cat "$2")' - "$RELVIEW" "$TMP/rel.tar" >"$TMP/stdout" ||
		fail "process substitution: exit status $?"
	expect_eq "$(wc -l <"$TMP/stdout")" 2000
fi

# A zip is read whole from a pipe (libarchive reads its directory at the end).
cat "$TMP/rel.zip" | "$RELVIEW" --list --no-cache /dev/stdin >"$TMP/stdout" ||
	fail "a zip through a pipe: exit status $?"
expect_eq "$(wc -l <"$TMP/stdout")" 300

# A plain release through a pipe, as it is, compressed, and longer than the buffer
# first made for what is kept (1 MiB): one release, read again from its start once
# libarchive has found no archive in it.
release='Skip to main content\nMay 4, 2015Miami, FLNarcotics\n\nPiped title\n\nBody.\n'
printf "$release" | "$RELVIEW" --list --no-cache /dev/stdin >"$TMP/stdout" ||
	fail "plain text through a pipe: exit status $?"
expect_eq "$(cut -f 4 "$TMP/stdout")" "Piped title"
printf "$release" | gzip | "$RELVIEW" --list --no-cache /dev/stdin >"$TMP/stdout" ||
	fail "gzip through a pipe: exit status $?"
expect_eq "$(cut -f 4 "$TMP/stdout")" "Piped title"
{ printf "$release"; yes 'More of the body, line after line.' | head -n 100000; } >"$TMP/long.txt"
for filter in cat gzip; do
	$filter <"$TMP/long.txt" | "$RELVIEW" --list --no-cache /dev/stdin >"$TMP/stdout" ||
		fail "a long release through $filter: exit status $?"
	expect_eq "$(cut -f 4 "$TMP/stdout")" "Piped title"
done

# "-" is standard input, as for cat and less, named "-" in what is said of it; a
# file named "-" is ./-.
printf "$release" | gzip | "$RELVIEW" --list --no-cache - >"$TMP/stdout" ||
	fail "gzip through a pipe as -: exit status $?"
expect_eq "$(cut -f 4 "$TMP/stdout")" "Piped title"
expect_status 1 "$RELVIEW" --list --no-cache - </dev/null
expect_contains "$(cat "$TMP/stderr")" "relview: -: no releases found"

# /dev/stdin redirected from a file is the file.
"$RELVIEW" --list --no-cache /dev/stdin <"$TMP/rel.zip" >"$TMP/stdout" ||
	fail "/dev/stdin from a file: exit status $?"
expect_eq "$(wc -l <"$TMP/stdout")" 300

# A writer slower than the stall limit (5 seconds) is waited for, not stopped.
mkfifo "$TMP/fifo"
(sleep 6 && cat "$TMP/rel.tar" >"$TMP/fifo") &
expect_status 0 "$RELVIEW" --list --no-cache "$TMP/fifo"
wait
expect_eq "$(wc -l <"$TMP/stdout")" 2000
# An input relview cannot open is one line naming it, at once; no reading child is
# started for it (one would open the name again among its own descriptors:
# /dev/fd/3 there is its pipe to relview).
need_cmd timeout
unopenable() { # WANT-REASON COMMAND...: exit 1, and one line "INPUT: REASON"
	want=$1
	shift
	timeout 20 "$@" >"$TMP/stdout" 2>"$TMP/stderr"
	status=$?
	[ $status -ne 124 ] || fail "$*: still reading after 20 seconds"
	expect_eq "$status" 1
	expect_eq "$(grep -c "$want" "$TMP/stderr")" 1
}
unopenable '/dev/fd/3: No such file or directory' sh -c '"$0" --list --no-cache /dev/fd/3 3<&-' "$RELVIEW"
unopenable '/dev/stdin: No such file or directory' sh -c '"$0" --list --no-cache /dev/stdin <&-' "$RELVIEW"
python3 -c '
import socket, subprocess, sys
a, b = socket.socketpair()
fd = a.fileno()
sys.exit(subprocess.run(["sh", "-c", "exec \"$@\" 2>&1", "-", sys.argv[1], "--list",
                         "--no-cache", f"/dev/fd/{fd}"], pass_fds=(fd,), timeout=20).returncode)
' "$RELVIEW" >"$TMP/socket" 2>&1
status=$?
expect_eq "$status" 1
expect_eq "$(grep -c '/dev/fd/[0-9]*: No such device or address' "$TMP/socket")" 1
pass
