#!/bin/sh
# Ending early: `relview --list | head -1` ends quietly (SIGPIPE, no message, no
# hang), and SIGINT, SIGTERM or SIGHUP while an input is still loading end relview
# at once, with no reading child process left behind — even one blocked on a pipe
# whose writer never finishes.
. "$SRCDIR/tests/cli/lib.sh"
need_cmd python3 timeout
need_prog RELVIEW RELGEN

"$RELGEN" -n 20000 -s 5 --plain -f tar.gz "$TMP/big.tar.gz" >/dev/null || hard_error "relgen failed"
# Bounds for a busy machine; a sanitized build (TSan above all) is several times slower.
slow=1
[ -n "${RELVIEW_SANITIZED:-}" ] && slow=5

# SIGPIPE: far more than a pipe holds is listed; head takes one line and goes.
{
	timeout -s KILL $((20 * slow)) "$RELVIEW" --list "$TMP/big.tar.gz" 2>"$TMP/err"
	echo $? >"$TMP/status"
} | head -1 >"$TMP/first"
expect_eq "$(wc -l <"$TMP/first")" 1
[ ! -s "$TMP/err" ] || fail "--list | head -1 said: $(cat "$TMP/err")"
case $(cat "$TMP/status") in
0 | 141) ;; # done, or ended by SIGPIPE as filters are
*) fail "--list | head -1: exit status $(cat "$TMP/status")" ;;
esac

# A signal while loading: the input is a FIFO whose writer sends part of a bundle
# and then nothing for a minute. Started from python with the signals' default
# actions, as an interactive shell starts it (a shell's background jobs ignore SIGINT,
# and nohup SIGHUP).
python3 - "$RELVIEW" "$TMP" "$slow" <<'PY' || fail "a signal while loading"
import os, signal, subprocess, sys, time
relview, tmp, slow = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(os.path.join(tmp, "big.tar.gz"), "rb").read()[:300000]

def children_of(pid):
    kids = []
    for p in os.listdir("/proc"):
        try:
            with open(f"/proc/{p}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(p))
        except (OSError, ValueError, IndexError):
            pass
    return kids

def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False

def default_signals():  # as a user's shell starts relview, whatever started this test
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)

for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    fifo = os.path.join(tmp, f"fifo-{sig.name}")
    os.mkfifo(fifo)
    proc = subprocess.Popen([relview, "--list", fifo], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=default_signals)
    writer = os.open(fifo, os.O_WRONLY)  # waits for the reader to open it
    os.write(writer, data)
    deadline = time.time() + 10 * slow
    readers = children_of(proc.pid)
    while not readers and time.time() < deadline:
        time.sleep(0.05)
        readers = children_of(proc.pid)
    if not readers:
        sys.exit(f"{sig.name}: no reading child to check")
    proc.send_signal(sig)
    try:
        proc.wait(timeout=3 * slow)
    except subprocess.TimeoutExpired:
        proc.kill()
        sys.exit(f"{sig.name}: relview still running {3 * slow} s after the signal")
    err = proc.stderr.read().decode("utf-8", "replace")
    deadline = time.time() + 2 * slow
    while any(alive(r) for r in readers) and time.time() < deadline:
        time.sleep(0.05)
    left = [r for r in readers if alive(r)]
    for r in left:
        os.kill(r, signal.SIGKILL)
    os.close(writer)
    if left:
        sys.exit(f"{sig.name}: the reading child {left} outlived relview")
    if any(c < " " and c != "\n" for c in err):
        sys.exit(f"{sig.name}: a control byte on stderr: {err!r}")
PY

# What the terminal sends relview's process group (Ctrl-Z while relview ignores it,
# as it does while a pager runs) does not reach a reading child: it is in a group
# of its own, and reading goes on. Here relview ignores SIGTSTP in a group of its
# own (not orphaned: a stop would stop), and its group is sent SIGTSTP while the
# child waits for the FIFO's writer; a stopped child would be a stall 5 s later.
python3 - "$RELVIEW" "$TMP" "$slow" <<'PY' || fail "a stop sent to relview's group"
import os, signal, subprocess, sys, threading, time
relview, tmp, slow = sys.argv[1], sys.argv[2], int(sys.argv[3])
fifo = os.path.join(tmp, "fifo-tstp")
os.mkfifo(fifo)
want = subprocess.run([relview, "--list", os.path.join(tmp, "big.tar.gz")],
                      stdout=subprocess.PIPE, check=True).stdout.count(b"\n")

def own_group_ignoring_stops():
    os.setpgid(0, 0)
    signal.signal(signal.SIGTSTP, signal.SIG_IGN)

proc = subprocess.Popen([relview, "--list", fifo], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, preexec_fn=own_group_ignoring_stops)
writer = os.open(fifo, os.O_WRONLY)  # the child has opened it
os.killpg(proc.pid, signal.SIGTSTP)
feed = threading.Thread(target=lambda: (os.write(writer, open(os.path.join(
    tmp, "big.tar.gz"), "rb").read()), os.close(writer)))
feed.start()
try:
    out, err = proc.communicate(timeout=60 * slow)
except subprocess.TimeoutExpired:
    proc.kill()
    sys.exit("relview still running a minute after the stop")
feed.join()
got = out.count(b"\n")
if got != want or proc.returncode != 0:
    sys.exit(f"{got} of {want} releases listed, exit status {proc.returncode}: "
             f"{err.decode('utf-8', 'replace')}")
PY
pass
