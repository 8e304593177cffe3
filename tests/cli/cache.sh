#!/bin/sh
# The catalog cache as a user meets it: a second open reads the cache and shows the
# same thing (problems included); a changed bundle, a damaged cache file or
# --no-cache never show stale releases; folders are not cached; --cache-info tells
# what is kept, --clear-cache empties it.
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
# A bundle no longer there is said to be gone.
mv "$TMP/cut.tar.gz" "$TMP/moved.tar.gz"
expect_contains "$("$RELVIEW" --cache-info)" "$TMP/cut.tar.gz (gone)"
mv "$TMP/moved.tar.gz" "$TMP/cut.tar.gz"

# --clear-cache empties it and says so; the next run reads afresh and caches again.
cleared=$("$RELVIEW" --clear-cache) || fail "--clear-cache failed: $cleared"
expect_contains "$cleared" "removed 2 bundles"
[ -z "$(ls "$cache")" ] || fail "--clear-cache left $(ls "$cache")"
list "$TMP/b.tar.gz" "$TMP/cut.tar.gz"
cmp -s "$TMP/out" "$TMP/want.out" || fail "the run after --clear-cache lists differently"
[ "$(ls "$cache"/*.cat | wc -l)" -eq 2 ] || fail "not cached again after --clear-cache"
# A cache folder that cannot be emptied (here a file in its place) fails, and says so.
mkdir "$TMP/other-cache"
: >"$TMP/other-cache/relview"
expect_status 1 env XDG_CACHE_HOME="$TMP/other-cache" "$RELVIEW" --clear-cache
expect_contains "$(cat "$TMP/stderr")" "other-cache/relview: cannot empty it"

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

# What a relview killed while writing its cache leaves behind: a temporary file
# (never renamed into place) and, from an older version or a full disk, a cut cache
# file. Neither is used or said a word about; the stale temporary file is removed
# with the next write, a fresh one (another relview writing now) is left alone.
list --no-cache "$TMP/b.tar.gz"
cp "$TMP/out" "$TMP/want.out"
rm -rf "$cache"
list "$TMP/b.tar.gz"
for f in "$cache"/*.cat; do
	head -c 3000 "$f" >"$f.4242.tmp"
	touch -d '2 hours ago' "$f.4242.tmp"
	head -c 3000 "$f" >"$f.4343.tmp"
	truncate -s 5000 "$f"
done
"$RELGEN" -n 30 -s 8 -f tar.gz "$TMP/other.tar.gz" >/dev/null
list "$TMP/b.tar.gz" "$TMP/other.tar.gz"
grep -c '"source":"'"$TMP/b.tar.gz"'"' "$TMP/out" >"$TMP/n"
[ "$(cat "$TMP/n")" = "$(wc -l <"$TMP/want.out")" ] || fail "a cut cache file lost releases"
[ ! -s "$TMP/err" ] || fail "leftovers of a killed writer were reported: $(cat "$TMP/err")"
ls "$cache"/*.4242.tmp >/dev/null 2>&1 && fail "a stale temporary file was left"
ls "$cache"/*.4343.tmp >/dev/null 2>&1 || fail "a fresh temporary file (a writer at work) was removed"

# Inputs that together pass the cap ([cache] max_size) do not evict each other in
# turn: those that fit stay cached from run to run, the rest are not cached.
rm -rf "$cache"
for seed in 21 22 23; do
	"$RELGEN" -n 300 -s $seed -f tar.gz "$TMP/cap$seed.tar.gz" >/dev/null
done
list "$TMP/cap21.tar.gz" "$TMP/cap22.tar.gz" "$TMP/cap23.tar.gz"
# Room for any two of the three files, not for all three.
two=$(ls -l "$cache"/*.cat |
	awk '{s += $5; if (!m || $5 < m) m = $5} END {print int((s - m / 2) / 1024)}')
rm -rf "$cache"
mkdir -p "$XDG_CONFIG_HOME/relview"
printf '[cache]\nmax_size = %sK\n' "$two" >"$XDG_CONFIG_HOME/relview/config.ini"
inodes() { ls -i "$cache" | awk '/\.cat$/ {print $1}' | sort | tr '\n' ' '; }
list "$TMP/cap21.tar.gz" "$TMP/cap22.tar.gz" "$TMP/cap23.tar.gz"
cp "$TMP/out" "$TMP/want.out"
list "$TMP/cap21.tar.gz" "$TMP/cap22.tar.gz" "$TMP/cap23.tar.gz"
cmp -s "$TMP/out" "$TMP/want.out" || fail "a run at the cache's cap lists differently"
kept=$(inodes)
list "$TMP/cap21.tar.gz" "$TMP/cap22.tar.gz" "$TMP/cap23.tar.gz"
[ "$(inodes)" = "$kept" ] || fail "cache files rewritten at the cap: $kept, then $(inodes)"
[ "$(echo $kept | wc -w)" -eq 2 ] || fail "want the two bundles that fit cached: $kept"
# The cap as text_size_name() says it: KiB below a MiB, one decimal unless whole.
cap=$(awk -v k="$two" 'BEGIN {
	if (k < 1024) printf "%d KiB", k
	else if (k % 1024 == 0) printf "%d MiB", k / 1024
	else printf "%.1f MiB", k / 1024 }')
expect_contains "$("$RELVIEW" --cache-info)" "of $cap allowed"
rm "$XDG_CONFIG_HOME/relview/config.ini"

# An input's copies of its own releases are merged before it is cached, and their
# count comes back with it: --stats says the same from the cache as from the bundle.
# Which releases were copied is not kept, so with a filter that leaves releases out
# nothing is said of copies.
"$RELGEN" -n 2000 -s 3 -f tar.gz "$TMP/copies.tar.gz" >/dev/null
"$RELVIEW" --stats --no-cache "$TMP/copies.tar.gz" >"$TMP/want.stats" 2>"$TMP/err"
grep -q '^12 identical copies merged$' "$TMP/want.stats" ||
	hard_error "relgen's seed 3 gives other copies: $(head -2 "$TMP/want.stats")"
"$RELVIEW" --stats "$TMP/copies.tar.gz" >"$TMP/stats" 2>"$TMP/err"
cmp -s "$TMP/stats" "$TMP/want.stats" || fail "--stats differs on the run that caches"
"$RELVIEW" --stats "$TMP/copies.tar.gz" >"$TMP/stats" 2>"$TMP/err"
cmp -s "$TMP/stats" "$TMP/want.stats" ||
	fail "--stats from the cache differs: $(head -2 "$TMP/stats")"
"$RELVIEW" --stats --topic=nomatch "$TMP/copies.tar.gz" >"$TMP/stats" 2>"$TMP/err"
expect_eq "$(head -1 "$TMP/stats")" "0 releases"
grep -q 'identical' "$TMP/stats" && fail "copies said of a filtered count: $(head -2 "$TMP/stats")"

# Folders are not cached.
rm -rf "$cache"
mkdir "$TMP/dir"
"$RELGEN" -n 20 -s 7 -f dir "$TMP/dir/r" >/dev/null
list "$TMP/dir"
[ ! -e "$cache" ] || [ -z "$(ls "$cache")" ] || fail "a folder was cached"
pass
