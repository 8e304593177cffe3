#!/bin/sh
# Nothing blocks under the catalog's lock: while $PAGER runs, loading goes on; a
# state lock held by another process gets a message and a later try, the screen
# stays live and quitting takes a bounded time; an export is written in slices
# while loading goes on. A resize while loading is no key:
# the list still shows its top as newer releases arrive. /dev/tty, opened when
# standard input is not the terminal, does not leak into a command.
set -u
. "$SRCDIR/tests/ui/lib.sh"

other_bundle
mkfifo "$TMP/first" "$TMP/second"
into() { # PIPE BUNDLE, in the background: the writer waits for the reader
	cat "$2" >"$1" &
}

# The pager finds relview's loader thread (named relview-loader) when it starts and
# waits (up to 30 s) for it to end, which it does only once the second input is in
# the catalog: the releases grew while the pager ran. Under the lock the loader
# would wait for the pager to end first.
cat >"$TMP/pager" <<PAGER
#!/bin/sh
cat >/dev/null
p=\$PPID # relview, or a shell it ran the pager with
while [ "\$(cat /proc/\$p/comm)" != relview ]; do
	p=\$(cut -d' ' -f4 /proc/\$p/stat)
done
loader() { grep -lx relview-loader /proc/\$p/task/*/comm 2>/dev/null; }
# Found before the input it waits for is given (once "paging" is there).
[ -n "\$(loader)" ] || echo "no loader thread" >"$TMP/saw"
touch "$TMP/paging"
[ -e "$TMP/saw" ] && exit 0
i=0
while [ \$i -lt 300 ]; do
	[ -z "\$(loader)" ] && echo loaded >"$TMP/saw" && exit 0
	sleep 0.1
	i=\$((i + 1))
done
echo stuck >"$TMP/saw"
PAGER
chmod +x "$TMP/pager"
start -- env PAGER="$TMP/pager" "$RELVIEW" --no-cache "$TMP/first" "$TMP/second"
into "$TMP/first" "$BUNDLE"
expect_shown "$TOTAL" "$TOTAL" 10
wait_for "loading 2 of 2" 5
keys p
eventually test -e "$TMP/paging" || fail "the pager did not start"
into "$TMP/second" "$OTHER"

i=0
until [ -e "$TMP/saw" ] || [ $i -ge 700 ]; do
	sleep 0.05
	i=$((i + 1))
done
expect_eq "$(cat "$TMP/saw" 2>/dev/null)" loaded
wait_for "$BOTH releases" 10
keys q
expect_restored 0
wait

# Another process holds the state's lock (as a reading child that inherited it
# could): a star is kept, the screen says the marks are not saved yet, keys and
# loading go on, and the save is made once the lock is free.
holder=
# A holder of the lock left by a failure goes too.
cleanup() {
	[ -z "$holder" ] || kill "$holder" 2>/dev/null
	tmux -L "$SOCKET" kill-server >/dev/null 2>&1
	cleanup_tmp
}
mkdir -p "$XDG_STATE_HOME/relview"
LOCK=$XDG_STATE_HOME/relview/state.lock
need_cmd flock
hold_lock() { # this shell itself holds it, so that killing it lets it go
	exec 9>>"$LOCK"
	flock 9
	until [ -e "$TMP/unlock" ]; do sleep 0.05; done
}
take_lock() { # held in the background until $TMP/unlock appears
	rm -f "$TMP/unlock"
	hold_lock &
	holder=$!
	eventually sh -c "! flock -n '$LOCK' true" || hard_error "the lock was not taken"
}
take_lock
KEEP_STATE=1 start -- "$RELVIEW" --no-cache "$TMP/first" "$TMP/second"
into "$TMP/first" "$BUNDLE"
expect_shown "$TOTAL" "$TOTAL" 10
keys s
wait_for "Starred" 5
wait_for "Marks not saved yet: " 20 # the lock's path may be cut at the edge
keys j
expect_selected 2
into "$TMP/second" "$OTHER"
wait_for "$BOTH releases" 10
touch "$TMP/unlock"
wait "$holder"
i=0
until grep -q ' s ' "$XDG_STATE_HOME/relview/state" 2>/dev/null || [ $i -ge 400 ]; do
	sleep 0.05
	i=$((i + 1))
done
grep -q ' s ' "$XDG_STATE_HOME/relview/state" || fail "the star was not saved once the lock was free"
keys q
expect_restored 0
wait

# Held when relview ends: it waits a bounded time, then says the marks were not
# saved and where.
take_lock
KEEP_STATE=1 start -- "$RELVIEW" --no-cache "$BUNDLE"
expect_shown "$TOTAL"
keys j s
wait_for "Starred" 5
keys q
expect_restored 0
screen_joined | grep -qF "relview: marks not saved: $LOCK is held by another process" ||
	fail "relview did not say where the marks were not saved"
# A signal ends that wait: the marks are not saved, and relview ends at once with
# the signal's status.
KEEP_STATE=1 start -- "$RELVIEW" --no-cache "$BUNDLE"
expect_shown "$TOTAL"
keys j s
wait_for "Starred" 5
keys q
alternate_off() {
	[ "$(t display -p '#{alternate_on}')" = 0 ]
}
eventually alternate_off || fail "the screen was not given back"
keys C-c
expect_restored 130
touch "$TMP/unlock"
wait "$holder"

# Nothing changed since the last save: nothing is written at the end, so a held
# lock is neither waited for nor mentioned.
KEEP_STATE=1 start -- "$RELVIEW" --no-cache "$BUNDLE"
expect_shown "$TOTAL"
keys q
expect_restored 0
take_lock
KEEP_STATE=1 start -- "$RELVIEW" --no-cache "$BUNDLE"
expect_shown "$TOTAL"
keys q
expect_restored 0
screen_joined | grep -F "not saved" && fail "relview spoke of a save when nothing had changed"
touch "$TMP/unlock"
wait "$holder"

# A resize while loading is not a key: the list keeps its top selected, so the
# newest release of both inputs is the one in the reader once they are in (the
# second input's newest is newer than the first's).
NOTHER=$("$RELVIEW" --list "$OTHER" | wc -l)
newest=$("$RELVIEW" --list "$BUNDLE" "$OTHER" | sed -n 1p | cut -f4 | cut -c1-30)
"$RELVIEW" --list "$OTHER" | cut -f4 | grep -qF -- "$newest" &&
	hard_error "the newest release is the first input's"
start -- "$RELVIEW" --no-cache "$TMP/first" "$TMP/second"
into "$TMP/first" "$OTHER"
expect_shown "$NOTHER" "$NOTHER" 10
t resize-window -x 90 -y 28
eventually sh -c "[ \"\$(tmux -u -L '$SOCKET' -f /dev/null display -p '#{window_width}')\" = 90 ]" ||
	hard_error "the window was not resized"
expect_shown "$NOTHER" "$NOTHER" 5
into "$TMP/second" "$BUNDLE"
expect_shown "$BOTH" "$BOTH" 10
eventually shown_twice "$newest" ||
	fail "the resize pinned the selection: the newest release ($newest) is not the one selected"
keys q
expect_restored 0
wait

# Keys from /dev/tty (standard input is a file): a command run with | holds no
# descriptor of it.
start -- sh -c "exec \"\$0\" \"\$1\" </dev/null" "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys '|'
type_text "readlink /proc/\$\$/fd/* >'$TMP/fds'"
keys Enter
wait_for "press Enter" 10
keys Enter
expect_shown "$TOTAL" "$TOTAL" 5
keys q
expect_restored 0
[ -s "$TMP/fds" ] || fail "the command listed no descriptors"
grep -qx /dev/tty "$TMP/fds" && fail "/dev/tty leaked into the command: $(tr '\n' ' ' <"$TMP/fds")"

# A terminal that stops reading (Ctrl-S, here with the screen redrawn until what
# relview writes fills the terminal's buffer) stops the reader, not the loading:
# the screen is written after the frame, with the lock let go. The loader's thread
# ends once the second input is in, while the output is still stopped.
start -- "$RELVIEW" --no-cache "$TMP/first" "$TMP/second"
into "$TMP/first" "$BUNDLE"
expect_shown "$TOTAL" "$TOTAL" 10
wait_for "loading 2 of 2" 5
pid=$(pgrep -P "$(t display -p '#{pane_pid}')" -x relview)
[ -n "$pid" ] || hard_error "relview's process was not found"
threads=$(ls /proc/"$pid"/task | wc -l)
keys C-s
i=0
while [ $i -lt 40 ]; do # each a repaint of the whole screen
	keys C-l C-l C-l C-l C-l
	i=$((i + 1))
done
into "$TMP/second" "$OTHER"
loader_ended() {
	[ "$(ls /proc/"$pid"/task | wc -l)" -lt "$threads" ]
}
i=0
until loader_ended || [ $i -ge 400 ]; do
	sleep 0.05
	i=$((i + 1))
done
stuck=
loader_ended || stuck=1
keys C-q
[ -z "$stuck" ] || fail "loading stopped while the terminal was not reading"
wait_for "$BOTH releases" 20
keys q
expect_restored 0
wait

# E over a long list is written a slice at a time (at most 1024 releases a frame),
# each slice after the frame: keys are read between slices, loading goes on, and
# the file is --list's. Esc stops it and removes what was written; so does q,
# which says so when relview ends.
BIG=$TMP/big.tar.gz
"$RELGEN" -n 5000 -s 9 -f tar.gz "$BIG" >/dev/null 2>&1 || hard_error "relgen failed"
NBIG=$("$RELVIEW" --list "$BIG" | wc -l)
[ "$NBIG" -gt 3072 ] || hard_error "the big bundle has $NBIG releases: too few slices"
NALL=$("$RELVIEW" --list "$BIG" "$OTHER" | wc -l)
export_list() { # FILE, and the keys typed after Enter, in the same write
	file=$1
	shift
	keys E
	wait_for "Save the list to"
	type_text "$file"
	keys Enter "$@"
}
start -- "$RELVIEW" --no-cache "$TMP/first" "$TMP/second"
into "$TMP/first" "$BIG"
expect_shown "$NBIG" "$NBIG" 30
wait_for "loading 2 of 2" 5
export_list "$TMP/stopped.jsonl" Escape
wait_for "Export stopped at " 10
[ -e "$TMP/stopped.jsonl" ] && fail "the export stopped left its partial file"
expect_shown "$NBIG" "$NBIG" 5 # Esc stopped the export, not relview
export_list "$TMP/big.jsonl"
# The list is the export's when Enter is taken: the second input is fed only after
# (a busy machine may read a key after releases that came meanwhile).
wait_gone "Save the list to" 30
into "$TMP/second" "$OTHER"
wait_for "Saved $NBIG releases to " 30
wait_for "$NALL releases" 20
export_list "$TMP/big.md"
wait_for "Saved $NALL releases to " 30
expect_eq "$(grep -c '^---$' "$TMP/big.md")" "$((NALL - 1))"
expect_eq "$(grep -c '^# ' "$TMP/big.md")" "$NALL"
export_list "$TMP/big.txt"
wait_for "Saved $NALL releases to " 30
expect_eq "$(grep -c '^------------------------------------------------------------------------$' "$TMP/big.txt")" "$((NALL - 1))"
export_list "$TMP/quit.jsonl" q
expect_restored 0
screen_joined | grep -qF "relview: Export stopped at " ||
	fail "quitting in the middle of an export did not say so"
[ -e "$TMP/quit.jsonl" ] && fail "the export cut short by q left its partial file"
wait
# --list of the same input, by the same name (the JSON names it).
rm "$TMP/first"
cp "$BIG" "$TMP/first"
"$RELVIEW" --list --format=json --body --no-cache "$TMP/first" | cmp -s - "$TMP/big.jsonl" ||
	fail "the export in slices differs from --list --format=json"
pass
