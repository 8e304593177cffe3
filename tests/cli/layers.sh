#!/bin/sh
# The house rules the tree can be checked for (docs/ARCHITECTURE.md, "The house";
# docs/STYLE.md): no file includes a header of a layer above its own, no two modules
# need each other through any chain of includes, no file is over its size, and no
# letter is compared or classed by the locale. tests/cli/layers.py names each breach.
. "$SRCDIR/tests/cli/lib.sh"
need_cmd python3
python3 "$SRCDIR/tests/cli/layers.py" "$SRCDIR" >"$TMP/breaches" ||
	fail "the house rules do not hold: $(cat "$TMP/breaches")"
pass
