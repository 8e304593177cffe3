#!/bin/sh
# Terminal safety on raw bytes: escape sequences in a release's text or in an entry's
# name — ESC, CSI (7-bit and the C1 byte 0x9b), OSC (clipboard writes ESC]52,
# hyperlinks ESC]8, window titles ESC]0), DCS, BEL, backspaces, bidi overrides —
# never reach the terminal: not from --list (TSV, JSON), --print or an error message,
# and not from the reader, run in a pseudo-terminal whose every byte is kept. The
# reader draws with its own curses sequences, so there the test looks for the
# payload's own sequences, lone C1 bytes and BEL.
. "$SRCDIR/tests/cli/lib.sh"
need_cmd python3 tar
need_prog RELVIEW

# Every payload, as printf(1) escapes. C1 CSI comes both raw (0x9b, read as cp1252)
# and as UTF-8 (c2 9b); U+202E is the right-to-left override.
payload='\033[31mRED\033[0m \233 \302\233 \033]52;c;cHduZWQ=\007 \033]8;;https://evil.example/\033\\link\033]8;;\033\\ \033P+q544e\033\\ \033]0;pwned-title\007 \007 rm\010\010\010ok \342\200\256txt.exe'
d=$TMP/in
mkdir -p "$d"
{
	printf 'Skip to main content\nMarch 11, 2014Houston, TXNarcotics\n\n'
	printf "Evil title $payload\n\nHOUSTON - Evil body $payload\n"
} >"$d/evil.txt"
evil_name=$(printf 'name\033]52;c;bmFtZQ==\007\233\033]0;pwned-name\007.txt')
{ cat "$d/evil.txt"; echo "The copy in the archive."; } >"$d/$evil_name"
printf '\000\001binary' >"$d/${evil_name}.bin"
tar -C "$d" -cf "$TMP/evil.tar" "$evil_name" "${evil_name}.bin"

# check_clean WHAT FILE: the output of --list and --print is text: valid UTF-8 with
# no control character but its own tabs and newlines, no C1 and no bidi control.
check_clean() {
	python3 - "$2" >"$TMP/bad" <<'PY' || fail "$1 lets a control byte through: $(cat "$TMP/bad")"
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8", "surrogateescape")
bidi = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
for n, line in enumerate(text.split("\n"), 1):
    for c in line:
        if (c < " " and c != "\t") or "\x7f" <= c <= "\x9f" or c in bidi or "\udc80" <= c <= "\udcff":
            sys.exit(f"line {n}: {ascii(line[:120])}")
PY
}

for fmt in tsv json; do
	"$RELVIEW" --list --format=$fmt "$d" "$TMP/evil.tar" >"$TMP/list" 2>"$TMP/err" ||
		fail "--list --format=$fmt failed: $(cat "$TMP/err")"
	check_clean "--list --format=$fmt" "$TMP/list"
	check_clean "an error message" "$TMP/err"
done
expect_contains "$(cat "$TMP/list")" '"entry":"name␛]52;c;bmFtZQ==␇›␛]0;pwned-name␇.txt"'
"$RELVIEW" --print=1 --width=200 "$d/evil.txt" >"$TMP/print" 2>&1 || fail "--print failed"
check_clean "--print" "$TMP/print"
# What the user sees instead: the stand-ins.
expect_contains "$(cat "$TMP/print")" '␛]52;c;cHduZWQ=␇'
expect_contains "$(cat "$TMP/print")" 'rm␈␈␈ok'
# A name nobody can read as a release, with escapes: the message shows stand-ins.
"$RELVIEW" --list "$d/${evil_name}.bin" >/dev/null 2>"$TMP/err"
check_clean "a message naming a file" "$TMP/err"
expect_contains "$(cat "$TMP/err")" 'name␛]52;c;bmFtZQ==␇'

# The reader, in a pseudo-terminal of 120x40: the list, the release (Enter), its
# source line, help (?), then quit. Every byte relview writes is kept.
python3 - "$RELVIEW" "$d/evil.txt" "$TMP/evil.tar" >"$TMP/pty" 2>"$TMP/pty-err" <<'PY' ||
import fcntl, os, pty, select, struct, sys, termios, time
pid, fd = pty.fork()
if pid == 0:
    os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    os.execv(sys.argv[1], [sys.argv[1], "--no-cache"] + sys.argv[2:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
out = bytearray()
def drain(seconds):
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out.extend(os.read(fd, 65536))
            except OSError:
                return
for keys in [b"", b"\r", b"G", b"j", b"?", b"q", b"q", b"q"]:
    os.write(fd, keys)
    drain(0.7)
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(0 if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 1)
PY
	fail "the reader did not run and quit in a pseudo-terminal: $(cat "$TMP/pty-err")"
[ "$(wc -c <"$TMP/pty")" -gt 2000 ] || fail "the reader drew nothing"
python3 - "$TMP/pty" <<'PY' || fail "the payload reached the terminal"
import re, sys
raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8", "surrogateescape")
assert "Evil title" in text, "the release is not on the screen"
assert "\u241b]52;c;" in text, "the payload's stand-ins are not on the screen"
# The payload's own sequences, as a terminal would act on them: ESC or C1 introducers
# followed by the payload's bodies. (Its text after the stand-ins is harmless.)
bad = {
    "OSC 52 (clipboard)": b"\x1b]52;",
    "OSC 8 (hyperlink)": b"\x1b]8;;",
    "OSC 0 (title) from the content": b"\x1b]0;pwned",
    "C1 OSC": b"\xc2\x9d",
    "DCS": b"\x1bP+q",
    "SGR from the content": b"\x1b[31mRED",
    "BEL": b"\x07",
    "backspaces from the content": b"rm\x08",
    "bidi override": "\u202e".encode(),
    "C1 CSI as UTF-8": b"\xc2\x9b",
}
found = [name for name, seq in bad.items() if seq in raw]
# A byte 0x9b outside any UTF-8 sequence is a C1 CSI to the terminal.
if "\udc9b" in text:
    found.append("raw C1 CSI byte")
# relview sets no window title at all.
if re.search(r"\x1b\][012];", text):
    found.append("a window title")
if found:
    sys.exit("found: " + ", ".join(found))
PY
pass
