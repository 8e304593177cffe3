#!/bin/sh
# Many loose files as arguments (relview *.txt): every one loads, and one reading
# child reads input after input rather than a new process for each (a start is
# about 10 ms, more than a small file takes to read). Once loading is over relview
# ends and reaps that child: it leaves no process behind, running or a zombie.
. "$SRCDIR/tests/cli/lib.sh"
need_prog RELVIEW RELGEN
need_cmd python3
[ -d /proc/self/fd ] || skip "no /proc"

"$RELGEN" -n 300 --plain -f dir "$TMP/ones" >/dev/null || hard_error "relgen failed"
[ "$(find "$TMP/ones" -type f | wc -l)" -eq 300 ] || hard_error "relgen did not make 300 files"

# relview is started by a subreaper: a child relview did not reap when it ended
# becomes the subreaper's, and is found there. The child's pid is read from /proc
# while it waits for a FIFO's writer: the same child reads the FIFO after the
# next one.
python3 - "$RELVIEW" "$TMP" <<'PY' || fail "see above"
import ctypes, os, subprocess, sys, time

relview, tmp = sys.argv[1:3]
PR_SET_CHILD_SUBREAPER = 36
if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    sys.exit(99)
env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8",
       "XDG_CACHE_HOME": tmp, "XDG_STATE_HOME": tmp, "XDG_CONFIG_HOME": tmp}
ones = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(tmp, "ones")) for f in fs)
problems = []

def left_behind():
    """Children relview left to the subreaper: running, or ended and not reaped."""
    left = []
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return left
        if pid == 0:  # one still runs
            time.sleep(0.5)
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return left
            if pid == 0:
                return left + ["a running process"]
        left.append(pid)

# 300 files as arguments: all of them listed, nothing said, nothing left.
run = subprocess.run([relview, "--list", "--no-cache", *ones], env=env,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
if run.returncode != 0 or len(run.stdout.splitlines()) != 300 or run.stderr:
    problems.append(f"300 files: exit {run.returncode}, {len(run.stdout.splitlines())} "
                    f"listed: {run.stderr[:300]!r}")
left = left_behind()
if left:
    problems.append(f"300 files: relview left processes behind: {left}")

# file FIFO file FIFO file: the child waiting for each FIFO's writer is the same.
fifos = [os.path.join(tmp, f"fifo{i}") for i in (1, 2)]
for f in fifos:
    os.mkfifo(f)
inputs = [ones[0], fifos[0], ones[1], fifos[1], ones[2]]
proc = subprocess.Popen([relview, "--list", "--no-cache", *inputs], env=env,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)

def children(pid):
    kids = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            kids += [int(k) for k in f.read().split()]
    return kids

def reader_of(path):
    """The child of relview that holds path open (polled, with a deadline far
    beyond any start on a busy machine)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for kid in children(proc.pid):
            try:
                fds = os.listdir(f"/proc/{kid}/fd")
                if any(os.readlink(f"/proc/{kid}/fd/{fd}") == path for fd in fds):
                    return kid, len(children(proc.pid))
            except OSError:
                pass
        time.sleep(0.05)
    return None, 0

readers = []
for fifo, text in zip(fifos, (ones[3], ones[4])):
    kid, count = reader_of(fifo)
    if kid is None:
        problems.append(f"no reading child came to wait for {fifo}")
        break
    if count != 1:
        problems.append(f"relview has {count} children while one reads {fifo}")
    readers.append(kid)
    with open(fifo, "wb") as w, open(text, "rb") as r:
        w.write(r.read())
out, err = proc.communicate(timeout=120)
if proc.returncode != 0 or len(out.splitlines()) != 5 or err:
    problems.append(f"FIFOs: exit {proc.returncode}, {len(out.splitlines())} listed: {err!r}")
if len(readers) == 2 and readers[0] != readers[1]:
    problems.append(f"a new reading child for each input: {readers}")
left = left_behind()
if left:
    problems.append(f"FIFOs: relview left processes behind: {left}")
for p in problems:
    print("loose.sh:", p)
sys.exit(1 if problems else 0)
PY
pass
