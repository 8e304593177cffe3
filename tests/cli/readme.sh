#!/bin/sh
# The README's examples are what relview prints: each "$ relview ..." line in a
# fenced block of README.md that is not the reader (which needs a terminal) is run
# on the bundled sample and its output compared with the lines the README shows.
. "$SRCDIR/tests/cli/lib.sh"
need_cmd python3
need_prog RELVIEW
cd "$SRCDIR" || hard_error "no source tree"
python3 - "$RELVIEW" README.md <<'PY' || fail "the README shows other output than relview prints"
import subprocess, sys
relview, readme = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().splitlines()
checked = bad = 0
i = 0
while i < len(readme):
    line = readme[i]
    if line.startswith("$ relview --"):
        shown = []
        i += 1
        while i < len(readme) and not readme[i].startswith("```"):
            shown.append(readme[i])
            i += 1
        cmd = relview + line[len("$ relview"):]
        got = subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout
        checked += 1
        if got.splitlines() != shown:
            bad += 1
            print(f"README: {line}\n  shows {shown[:2]}\n  got   {got.splitlines()[:2]}")
    i += 1
print(f"{checked} README examples run, {bad} differ")
sys.exit(1 if bad or not checked else 0)
PY
pass
