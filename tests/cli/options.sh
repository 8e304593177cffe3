#!/bin/sh
# The command line: filters, order, formats, --print, --stats, and GNU conventions
# (--help, --version, exit status 2 with a one-line hint on usage errors).
. "$SRCDIR/tests/cli/lib.sh"

corpus=$TMP/corpus
mkdir -p "$corpus/2014" "$corpus/2011"
release() { # FILE HEADER-LINE TITLE BODY
	printf 'Skip to main content\n%s\n\n%s\n\n%s\n\nUpdated: 01/01/2020\n' "$2" "$3" "$4" >"$corpus/$1"
}
release 2014/gangs.txt 'March 11, 2014Houston, TXTransnational Gangs' \
	'Gang members arrested in Houston' 'HOUSTON — Agents arrested nine members of a gang.'
release 2011/port.txt 'Sept. 15, 2011Miami, FLNarcotics' \
	'Cocaine seized at port' 'MIAMI — Officers found Cocaine in a shipping container.'
release 2014/joint.txt 'January 2, 2014Mexico City, MexicoNarcoticsTransnational Gangs' \
	'Joint operation ends' 'MEXICO CITY — A joint operation ended with twelve arrests.'
printf 'An undated release\n\nIt has a title and a body and nothing else.\n' >"$corpus/bare.txt"

list() { "$RELVIEW" --list "$@" "$corpus"; }
titles() { list "$@" | cut -f4 | paste -sd'|' -; }

# Order: newest first, undated last; --oldest-first flips the dated ones only.
expect_eq "$(titles)" \
	'Gang members arrested in Houston|Joint operation ends|Cocaine seized at port|An undated release'
expect_eq "$(titles --oldest-first)" \
	'Cocaine seized at port|Joint operation ends|Gang members arrested in Houston|An undated release'

# TSV columns: date, location, topics joined by "; ", title.
expect_eq "$(list | sed -n 2p)" \
	"$(printf '2014-01-02\tMexico City, Mexico\tNarcotics; Transnational Gangs\tJoint operation ends')"
expect_eq "$(list | sed -n 4p)" "$(printf '\t\t\tAn undated release')"

# Filters: OR within a kind, AND between kinds.
expect_eq "$(titles --topic gangs)" 'Gang members arrested in Houston|Joint operation ends'
expect_eq "$(titles --topic GANG --location texas)" 'Gang members arrested in Houston'
expect_eq "$(titles --location tx --location mexico)" \
	'Gang members arrested in Houston|Joint operation ends'
expect_eq "$(titles --location 'Miami, Florida')" 'Cocaine seized at port'
expect_eq "$(titles --since 2014)" 'Gang members arrested in Houston|Joint operation ends'
expect_eq "$(titles --since 2014-02 --until 2014-03-11)" 'Gang members arrested in Houston'
expect_eq "$(titles --until 2011-09-14)" ''
expect_eq "$(titles --search cocaine)" 'Cocaine seized at port'
expect_eq "$(titles --search Cocaine)" 'Cocaine seized at port'
expect_eq "$(titles --search COCAINE)" ''
expect_eq "$(titles --search 'nothing else')" 'An undated release'

# JSON: exactly the documented keys, null for what is missing.
json=$("$RELVIEW" --list --format=json --search undated "$corpus")
expect_eq "$json" '{"date":null,"location":null,"topics":[],"place":null,"topic_facets":[],"title":"An undated release","subtitle":null,"source":"'"$corpus"'","entry":"bare.txt","bytes":43}'
# --body adds the body (paragraphs as lines), for scripts; only JSON has it.
json=$("$RELVIEW" --list --format=json --body --search undated "$corpus")
expect_eq "$json" '{"date":null,"location":null,"topics":[],"place":null,"topic_facets":[],"title":"An undated release","subtitle":null,"source":"'"$corpus"'","entry":"bare.txt","bytes":43,"body":"It has a title and a body and nothing else."}'
"$RELVIEW" --help | grep -q -- '--body ' || fail "--help lacks --body"

# --print: header block, body wrapped at --width by display width.
out=$("$RELVIEW" --print=2 --width=200 "$corpus")
expect_eq "$(printf '%s\n' "$out" | head -1)" 'Joint operation ends'
expect_contains "$out" 'Location: Mexico City, Mexico'
expect_contains "$out" 'Topics:   Narcotics; Transnational Gangs'
expect_contains "$out" "Source:   $corpus: 2014/joint.txt"
expect_contains "$out" 'MEXICO CITY — A joint operation ended with twelve arrests.'
out=$("$RELVIEW" --print=2 --width=30 "$corpus")
[ "$(printf '%s\n' "$out" | wc -L)" -le 30 ] || fail "--print line wider than 30 columns"
expect_contains "$out" "$(printf 'MEXICO CITY — A joint\noperation ended with twelve\narrests.')"

# --stats counts the filtered view.
stats=$("$RELVIEW" --stats --topic gangs "$corpus")
expect_contains "$stats" '2 releases'
expect_contains "$stats" '       2  Transnational Gangs'
expect_contains "$stats" '       1  Narcotics'
expect_contains "$stats" '       2  2014'

# GNU conventions.
"$RELVIEW" --help | grep -q -- '--oldest-first' || fail "--help lacks an option"
expect_eq "$("$RELVIEW" --version)" "relview $(sed -n 's/^AC_INIT(\[relview\], \[\([^]]*\)\].*/\1/p' "$SRCDIR/configure.ac")"
for bad in '--bogus' '--format=xml' '--print=0' '--print=x' '--width=3' '--since=2014-13' \
	'--until=2014-02-30' '--list --stats' '--since=2015 --until=2014' '--list --body' \
	'--format=json --print=1 --body' '--list --width=40' '--stats --width=40' '--width=40'; do
	# shellcheck disable=SC2086
	expect_status 2 "$RELVIEW" $bad "$corpus"
	[ "$(wc -l <"$TMP/stderr")" -eq 2 ] || fail "$bad: want an error line and a hint"
	grep -q "Try 'relview --help'" "$TMP/stderr" || fail "$bad: no hint"
done
expect_status 2 "$RELVIEW" --list
# --width is refused where it would be ignored, and says where it belongs.
expect_status 2 "$RELVIEW" --list --width=40 "$corpus"
expect_contains "$(cat "$TMP/stderr")" "--width wraps --print only, not --list"
# A date option that is wrong is named as typed.
expect_status 2 "$RELVIEW" --list --since=2014-13 "$corpus"
expect_contains "$(cat "$TMP/stderr")" "--since: '2014-13' is not a date"

# --stats --format=json: the same counts as one JSON object, for scripts.
if command -v python3 >/dev/null 2>&1; then
	"$RELVIEW" --stats --format=json "$corpus" >"$TMP/stats.json" || fail "--stats --format=json failed"
	python3 - "$TMP/stats.json" "$("$RELVIEW" --list "$corpus" | wc -l)" <<'PY' || fail "--stats --format=json: $(cat "$TMP/stats.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["releases"] == int(sys.argv[2]), d["releases"]
for key in ("topics", "locations", "years"):
    assert all(set(t) == {"name", "count"} and t["count"] > 0 for t in d[key]), key
assert sum(t["count"] for t in d["years"]) == d["releases"]
assert sum(t["count"] for t in d["locations"]) == d["releases"]
PY
else
	note "no python3: --stats --format=json not checked"
fi
expect_status 1 "$RELVIEW" --print=5 "$corpus"
expect_contains "$(cat "$TMP/stderr")" '--print=5: only 4 releases match'
# A value that names nothing read is said, once each; the list is still what it is.
expect_status 0 "$RELVIEW" --list --topic nosuchtopic --topic gangs --location atlantis "$corpus"
expect_eq "$(cat "$TMP/stderr")" "relview: --topic=nosuchtopic: no topic of the releases read matches (--stats lists them)
relview: --location=atlantis: no place of the releases read matches (--stats lists them)"

# One facet per place and topic (#20): the list, --stats and the location filter
# use it; --list --format=json keeps location and topics as printed beside place and
# topic_facets.
spellings=$TMP/spellings
mkdir -p "$spellings"
corpus=$spellings
release a.txt 'March 1, 2014Houston, TexasFirearms, Ammunition & Explosives' \
	'Rifles seized at a checkpoint' 'HOUSTON — Officers found rifles.'
release b.txt 'March 2, 2014Houston, TX, United StatesFirearms, Ammunition and Explosives' \
	'Ammunition seized at a port' 'HOUSTON — Officers found ammunition.'
release c.txt 'March 3, 2014Washington, DC, United StatesNarcotics' \
	'Pills seized at an airport' 'WASHINGTON — Officers found pills.'
release d.txt 'March 4, 2014Washington, DCNarcotics' \
	'Powder seized at a bus station' 'WASHINGTON — Officers found powder.'
# A city with the country and no state: the one Houston these releases know.
release e.txt 'March 5, 2014Houston, United StatesNarcotics' \
	'Cash seized at a bank' 'HOUSTON — Officers found cash.'
stats=$("$RELVIEW" --stats --no-cache "$spellings")
expect_contains "$stats" '       3  Houston, TX'
expect_contains "$stats" '       2  Washington, DC'
expect_contains "$stats" '       2  Firearms, Ammunition and Explosives'
case $stats in *Texas* | *'United States'* | *'&'*) fail "--stats lists a place or topic under two names: $stats" ;; esac
expect_eq "$(list --no-cache | cut -f2 | sort -u | paste -sd'|' -)" 'Houston, TX|Washington, DC'
expect_eq "$(titles --no-cache --location 'Houston, TX')" \
	'Cash seized at a bank|Ammunition seized at a port|Rifles seized at a checkpoint'
json=$("$RELVIEW" --list --format=json --no-cache --search rifles "$spellings")
expect_contains "$json" '"location":"Houston, Texas","topics":["Firearms, Ammunition & Explosives"],"place":"Houston, TX","topic_facets":["Firearms, Ammunition and Explosives"]'
# The cache keeps the topics as printed and the facets are taken again from them.
tar -C "$spellings" -czf "$TMP/spellings.tar.gz" a.txt b.txt c.txt d.txt
first=$("$RELVIEW" --list --format=json "$TMP/spellings.tar.gz")
expect_eq "$("$RELVIEW" --list --format=json "$TMP/spellings.tar.gz")" "$first"
expect_contains "$first" '"topics":["Firearms, Ammunition & Explosives"],"place":"Houston, TX"'
pass
