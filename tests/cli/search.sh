#!/bin/sh
# --search and --location as people type them: Unicode case folding, smart case and
# smart accents, curly quotes, the query language (phrases, -, |, fields), word
# prefixes and the names of the United States; a query that cannot be read is a
# usage error that says why.
. "$SRCDIR/tests/cli/lib.sh"
export LC_ALL=C.UTF-8

corpus=$TMP/corpus
mkdir -p "$corpus"
release() { # FILE HEADER-LINE TITLE BODY
	printf 'Skip to main content\n%s\n\n%s\n\n%s\n\nUpdated: 01/01/2020\n' "$2" "$3" "$4" >"$corpus/$1"
}
release a.txt 'March 11, 2014Mayagüez, Puerto RicoTransnational Gangs' \
	'Gang leader sentenced in port city' \
	'MAYAGÜEZ, P.R. — A gang leader from Peñablanquito was sentenced on Monday.'
release b.txt 'June 2, 2015Laredo, TXNarcotics' \
	'Cartel courier arrested at the bridge' \
	'LAREDO, Texas — Agent O’Brien said the cartel used PEÑABLANQUITO as a stash house.'
release c.txt 'May 5, 2016San Jose, CACyber Crimes' \
	'Fraud ring charged' 'SAN JOSE, Calif. — Ten people were charged with wire fraud.'
release d.txt 'July 4, 2013Seattle, WAHuman Trafficking' \
	'Two sentenced for trafficking' 'SEATTLE — The ice   agents found the two men.'
release e.txt 'August 8, 2014Washington, DC, United StatesTransnational Gangs' \
	'Gang task force meets' 'WASHINGTON — Leaders met to plan gang work.'

titles() { "$RELVIEW" --list --no-cache "$@" "$corpus" | cut -f4 | paste -sd'|' -; }

# Unicode case folding and smart case.
expect_eq "$(titles --search peñablanquito)" \
	'Cartel courier arrested at the bridge|Gang leader sentenced in port city'
expect_eq "$(titles --search Peñablanquito)" 'Gang leader sentenced in port city'
# Smart accents: no accent typed, any accents; an accent typed, that accent.
expect_eq "$(titles --search mayaguez)" 'Gang leader sentenced in port city'
expect_eq "$(titles --search penablanquito)" \
	'Cartel courier arrested at the bridge|Gang leader sentenced in port city'
expect_eq "$(titles --search peña)" \
	'Cartel courier arrested at the bridge|Gang leader sentenced in port city'
expect_eq "$(titles --search pena)" \
	'Cartel courier arrested at the bridge|Gang leader sentenced in port city'
expect_eq "$(titles --search "o'brien")" 'Cartel courier arrested at the bridge'

# The query language.
expect_eq "$(titles --search 'gang sentenced')" 'Gang leader sentenced in port city'
expect_eq "$(titles --search 'gang | cartel')" \
	'Cartel courier arrested at the bridge|Gang task force meets|Gang leader sentenced in port city'
expect_eq "$(titles --search 'gang | cartel location:texas')" 'Cartel courier arrested at the bridge'
expect_eq "$(titles --search 'gang | cartel date:2014..2015 -sentenced')" \
	'Cartel courier arrested at the bridge|Gang task force meets'
expect_eq "$(titles --search '"ice agents"')" 'Two sentenced for trafficking'
expect_eq "$(titles --search '"agents ice"')" ''
expect_eq "$(titles --search 'title:sentenced')" \
	'Gang leader sentenced in port city|Two sentenced for trafficking'
expect_eq "$(titles --search 'topic:gangs -title:task')" 'Gang leader sentenced in port city'
expect_eq "$(titles --search 'is:unread date:2016')" 'Fraud ring charged'
expect_eq "$(titles --search 'http://www.ice.gov')" ''

# Queries that cannot be read: exit 2, one line that says why.
expect_status 2 "$RELVIEW" --list --search '"ice agents' "$corpus"
expect_contains "$(cat "$TMP/stderr")" "relview: --search: unclosed quote"
expect_status 2 "$RELVIEW" --list --search 'gang -' "$corpus"
expect_contains "$(cat "$TMP/stderr")" "a lone - negates nothing"
expect_status 2 "$RELVIEW" --list --search 'gang | | cartel' "$corpus"
expect_contains "$(cat "$TMP/stderr")" "| needs a term on each side"
expect_status 2 "$RELVIEW" --list --search "$(printf 'w %.0s' $(seq 10000))" "$corpus"
expect_contains "$(cat "$TMP/stderr")" "more than 64 terms"
expect_status 0 "$RELVIEW" --list --search "$(printf 'caf\377\303')" "$corpus"
# ( and ) do not group (| binds before and): refused unless quoted.
for q in '(gang | cartel) texas' '(gang)' 'gang)' 'location:(texas)'; do
	expect_status 2 "$RELVIEW" --list --search "$q" "$corpus"
	expect_contains "$(cat "$TMP/stderr")" \
		'relview: --search: ( ) only in quotes, "(202)": they do not group (| binds before and)'
done

# Locations: word prefixes, accents folded, states and the United States.
expect_eq "$(titles --location jose)" 'Fraud ring charged'
expect_eq "$(titles --location seat)" 'Two sentenced for trafficking'
expect_eq "$(titles --location mayaguez)" 'Gang leader sentenced in port city'
expect_eq "$(titles --location 'washington dc')" 'Gang task force meets'
expect_eq "$(titles --location texas)" 'Cartel courier arrested at the bridge'
expect_eq "$(titles --location calif.)" 'Fraud ring charged'
for us in usa us u.s. 'united states'; do
	expect_eq "$(titles --location "$us" | tr '|' '\n' | wc -l)" 5
done
expect_eq "$(titles --location mexico)" ''
expect_eq "$(titles --location puerto)" 'Gang leader sentenced in port city'
expect_eq "$(titles --location 'new m')" ''
expect_eq "$(titles --location p.r.)" 'Gang leader sentenced in port city'

# Places as printed, accents and all, and a postal code alone that is its state only.
places=$TMP/places
mkdir -p "$places"
place() { # FILE PLACE TITLE
	printf 'Skip to main content\nMarch 11, 2014%sNarcotics\n\n%s\n\nCall (202) 732-4242.\n\nUpdated: 01/01/2020\n' \
		"$2" "$3" >"$places/$1"
}
place 1.txt 'Ciudad Juárez, Mexico' 'Juarez seizure'
place 2.txt 'Bogotá, Colombia' 'Bogota arrest'
place 3.txt 'Cairo, Egypt' 'Cairo antiquities'
place 4.txt 'Camden, NJ' 'Camden gang'
place 5.txt 'Sacramento, CA' 'Sacramento fraud'
place 6.txt 'King of Prussia, PA' 'Prussia scheme'
place 7.txt 'San Juan, PR' 'San Juan port'
place 8.txt 'New Delhi, India' 'Delhi visit'
place 9.txt 'Indianapolis, IN' 'Indianapolis plant'
at() { "$RELVIEW" --list --no-cache "$@" "$places" | cut -f4 | sort | paste -sd'|' -; }
expect_eq "$(at --location 'Ciudad Juárez')" 'Juarez seizure'
expect_eq "$(at --location 'ciudad juarez')" 'Juarez seizure'
expect_eq "$(at --location méxico)" 'Juarez seizure'
expect_eq "$(at --location bogotá)" 'Bogota arrest'
expect_eq "$(at --location bogota)" 'Bogota arrest'
expect_eq "$(at --search location:méxico)" 'Juarez seizure'
expect_eq "$(at --location ca)" 'Sacramento fraud'
expect_eq "$(at --location CA)" 'Sacramento fraud'
expect_eq "$(at --location cai)" 'Cairo antiquities'
expect_eq "$(at --location pr)" 'San Juan port'
expect_eq "$(at --location in)" 'Indianapolis plant'
expect_eq "$(at --location ind)" 'Delhi visit|Indianapolis plant'
expect_eq "$(at --search location:ca)" 'Sacramento fraud'
expect_eq "$(at --search location:TX)" ''
expect_eq "$(at --search '"(202)" location:nj')" 'Camden gang'

expect_status 2 "$RELVIEW" --list --location '' "$corpus"
expect_contains "$(cat "$TMP/stderr")" "relview: --location: '' has no word to match"
expect_status 2 "$RELVIEW" --list --topic ', ' "$corpus"

# --search given twice: both must match, and together they are one query.
expect_status 2 "$RELVIEW" --list --search "$(printf 'w%.0s ' $(seq 40))" \
	--search "$(printf 'v%.0s ' $(seq 40))" "$corpus"
expect_contains "$(cat "$TMP/stderr")" "relview: --search: the queries together: more than 64 terms"
expect_eq "$(titles --search gang --search sentenced)" 'Gang leader sentenced in port city'
expect_eq "$(titles --search 'gang | cartel' --search texas)" 'Cartel courier arrested at the bridge'
expect_eq "$(titles --search 'gang | cartel' --search location:mayaguez)" \
	'Gang leader sentenced in port city'
pass
