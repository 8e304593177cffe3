#!/bin/sh
# The layers of src/ hold (docs/ARCHITECTURE.md, "The house"): no file includes a
# header of a layer above its own, and no two modules need each other through any
# chain of includes. tests/cli/layers.py names each breach.
. "$SRCDIR/tests/cli/lib.sh"
need_cmd python3
python3 "$SRCDIR/tests/cli/layers.py" "$SRCDIR" >"$TMP/breaches" ||
	fail "the layers do not hold: $(cat "$TMP/breaches")"
pass
