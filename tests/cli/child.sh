#!/bin/sh
# The reading child is a fresh process: relview started again, holding nothing of
# the process that started it — not a file it holds a lock on, not a descriptor left
# open across exec, not its environment or ignored signals — only /dev/null as its
# standard streams, its socket to relview and the input. Seen from outside, in
# /proc/PID of the child, while it waits for a FIFO's writer.
. "$SRCDIR/tests/cli/lib.sh"
need_prog RELVIEW
need_cmd python3
[ -d /proc/self/fd ] || skip "no /proc"

python3 - "$RELVIEW" "$TMP" "$SRCDIR/sample/releases.tar.gz" <<'PY' || fail "see above"
import fcntl, os, signal, subprocess, sys, time

relview, tmp, sample = sys.argv[1:4]
fifo = os.path.join(tmp, "fifo")
os.mkfifo(fifo)
lock = os.open(os.path.join(tmp, "state.lock"), os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(lock, fcntl.LOCK_EX)
env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "RELVIEW_SECRET": "inherited",
       "XDG_CACHE_HOME": tmp, "XDG_STATE_HOME": tmp, "XDG_CONFIG_HOME": tmp}
proc = subprocess.Popen([relview, "--list", fifo], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, pass_fds=(lock,), env=env,
                        preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))

def child_of(pid):
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            kids = f.read().split()
        if kids:
            return int(kids[0])
    return None

def descriptors(pid):
    fds = {}
    for fd in sorted(os.listdir(f"/proc/{pid}/fd"), key=int):
        fds[int(fd)] = os.readlink(f"/proc/{pid}/fd/{fd}").split("[")[0]
    return fds

def settled(pid):
    """Past its start: the hidden mode runs and has closed the shared memory's
    descriptors once mapped (waiting for the FIFO's writer)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            reader = b"--sandbox-reader" in f.read().split(b"\0")
        return reader and not any("memfd:" in t for t in descriptors(pid).values())
    except OSError:
        return False

# Polled, with a deadline far beyond any start on a busy machine.
deadline = time.monotonic() + 60
child = None
while not (child and settled(child)) and time.monotonic() < deadline:
    time.sleep(0.05)
    child = child_of(proc.pid)
if not (child and settled(child)):
    sys.exit("no reading child came to wait for the FIFO's writer")

def problems_of(child):
    """What the waiting child holds that it should not, or lacks."""
    problems = []
    fds = descriptors(child)
    # The shared memory's descriptors are closed once mapped; the input comes after
    # them.
    standard = {fd: fds.pop(fd, None) for fd in (0, 1, 2, 3)}
    if standard != {0: "/dev/null", 1: "/dev/null", 2: "/dev/null", 3: "socket:"}:
        problems.append(f"descriptors {standard}: 0-2 on /dev/null, 3 its socket")
    if list(fds.values()) != [fifo]:
        problems.append(f"descriptors {fds}, want the input alone")
    with open(f"/proc/{child}/environ", "rb") as f:
        environ = sorted(e.decode() for e in f.read().split(b"\0") if e)
    for e in environ:
        if not e.startswith(("TZ=", "LIBC_FATAL_STDERR_=", "LC_CTYPE=", "LD_LIBRARY_PATH=",
                             "ASAN_", "UBSAN_", "LSAN_", "TSAN_", "PATH=")):
            problems.append(f"environment {e}")
    # PATH, where libarchive finds the programs it runs as filters (lrzip, lzop).
    if "PATH=/usr/bin:/bin" not in environ:
        problems.append("no PATH in the environment")
    status = dict(line.split(":\t", 1)
                  for line in open(f"/proc/{child}/status").read().splitlines() if ":\t" in line)
    if int(status["SigBlk"], 16) != 0:
        problems.append(f"blocked signals {status['SigBlk'].strip()}")
    # Of the standard signals, SIGINT alone is ignored (the C library sets two
    # real-time ones of its own).
    if int(status["SigIgn"], 16) & 0x7FFFFFFF != 1 << (signal.SIGINT - 1):
        problems.append(f"ignored signals {status['SigIgn'].strip()}, want SIGINT alone")
    return problems

# The child gets its request and the FIFO, then settles (its signals, its limits)
# and waits for the writer: what it holds is looked at until it is as it should
# be, up to the deadline, and the last look's problems are reported.
while True:
    problems = problems_of(child)
    if not problems or time.monotonic() > deadline:
        break
    time.sleep(0.05)

with open(fifo, "wb") as w, open(sample, "rb") as r:
    w.write(r.read())
out, err = proc.communicate(timeout=60)
if proc.returncode != 0 or len(out.splitlines()) != 400:
    problems.append(f"exit {proc.returncode}, {len(out.splitlines())} releases: {err!r}")
for p in problems:
    print("child.sh:", p)
sys.exit(1 if problems else 0)
PY

# Without /proc (no /proc/self/exe to start), and with another program there, every
# input says in one line that its reading process could not start, and why. In a
# mount namespace of its own with /proc replaced, where that can be made.
if command -v unshare >/dev/null && unshare -rm true 2>/dev/null; then
	printf '#!/bin/sh\nexit 2\n' >"$TMP/other"
	chmod +x "$TMP/other"
	unshare -rm sh -c 'mount -t tmpfs none /proc || exit 99
		"$1" --list --no-cache "$2" 2>"$3/no-proc"
		mkdir /proc/self && ln -s "$3/other" /proc/self/exe
		"$1" --list --no-cache "$2" 2>"$3/other-exe"
		exit 0' - "$RELVIEW" "$SRCDIR/sample/releases.tar.gz" "$TMP" ||
		hard_error "could not replace /proc"
	# (A sanitizer without /proc may say so first.)
	expect_eq "$(grep 'reading process' "$TMP/no-proc")" "relview: $SRCDIR/sample/releases.tar.gz: cannot start \
the reading process: /proc/self/exe: No such file or directory"
	expect_eq "$(grep 'reading process' "$TMP/other-exe")" "relview: $SRCDIR/sample/releases.tar.gz: cannot \
start the reading process: /proc/self/exe ended at once (exit status 2)"
else
	note "no mount namespace: the start without /proc not tried"
fi
pass
