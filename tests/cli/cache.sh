#!/bin/sh
# The catalog cache as a user meets it: a second open reads the cache and shows the
# same thing (problems included); a changed bundle, a damaged cache file or
# --no-cache never show stale releases; folders are not cached; --cache-info tells
# what is kept.
. "$SRCDIR/tests/cli/lib.sh"
need_prog RELVIEW RELGEN
cache=$XDG_CACHE_HOME/relview

"$RELGEN" -n 300 -s 5 -f tar.gz "$TMP/b.tar.gz" >/dev/null || hard_error "relgen failed"
# A damaged member at the end gives a problem line to replay.
head -c 2000 "$TMP/b.tar.gz" >"$TMP/cut.tar.gz"

list() { "$RELVIEW" --list --format=json "$@" >"$TMP/out" 2>"$TMP/err"; }

list --no-cache "$TMP/b.tar.gz" "$TMP/cut.tar.gz"
cp "$TMP/out" "$TMP/want.out"
cp "$TMP/err" "$TMP/want.err"
[ ! -e "$cache" ] || fail "--no-cache wrote $cache"

list "$TMP/b.tar.gz" "$TMP/cut.tar.gz"
cmp -s "$TMP/out" "$TMP/want.out" || fail "first cached run lists differently"
[ "$(ls "$cache"/*.cat | wc -l)" -eq 2 ] || fail "want a cache file per bundle: $(ls "$cache")"
list "$TMP/b.tar.gz" "$TMP/cut.tar.gz"
cmp -s "$TMP/out" "$TMP/want.out" || fail "the run from the cache lists differently"
cmp -s "$TMP/err" "$TMP/want.err" || fail "the run from the cache reports differently: $(cat "$TMP/err")"

info=$("$RELVIEW" --cache-info)
expect_contains "$info" "cache: $cache"
expect_contains "$info" "$TMP/b.tar.gz"
expect_contains "$info" "2 bundles"

# A bundle rewritten in place (same name, other releases) is read again.
"$RELGEN" -n 300 -s 6 -f tar.gz "$TMP/b.tar.gz" >/dev/null
list --no-cache "$TMP/b.tar.gz"
cp "$TMP/out" "$TMP/want.out"
list "$TMP/b.tar.gz"
cmp -s "$TMP/out" "$TMP/want.out" || fail "a changed bundle was listed from its old cache"

# A damaged cache file is not used, and nothing is said about it.
for f in "$cache"/*.cat; do
	size=$(wc -c <"$f")
	printf 'XXXXXXXX' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc status=none
done
list "$TMP/b.tar.gz"
cmp -s "$TMP/out" "$TMP/want.out" || fail "a damaged cache file changed the listing"
[ ! -s "$TMP/err" ] || fail "a damaged cache file was reported: $(cat "$TMP/err")"
list "$TMP/b.tar.gz"
cmp -s "$TMP/out" "$TMP/want.out" || fail "the rebuilt cache lists differently"

# Folders are not cached.
rm -rf "$cache"
mkdir "$TMP/dir"
"$RELGEN" -n 20 -s 7 -f dir "$TMP/dir/r" >/dev/null
list "$TMP/dir"
[ ! -e "$cache" ] || [ -z "$(ls "$cache")" ] || fail "a folder was cached"
pass
