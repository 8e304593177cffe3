#!/bin/sh
# Edge cases an independent check of the reader found: each case failed before its
# fix.
set -u
. "$SRCDIR/tests/ui/lib.sh"

# An empty list leaves nothing in the reader: find there finds nothing, and the
# release shown before does not linger in the position.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
keys /
type_text zzqqxxjj
keys Enter
expect_shown 0
keys Tab
wait_for "No release to show."
wait_for " reader 100% "
keys /
type_text the
wait_for "[0 in this release]"
keys Enter
wait_for "Not found: the"
keys Q
expect_restored 0

echo "PASS: $TEST"
