#!/bin/sh
# The documentation cannot drift from the program: the man page's key list is the
# key table's (as --help-keys prints it), its query language is --help's,
# relview.ini(5)'s settings list is the
# settings table's (as --dump-config describes each setting), every option of --help is in relview(1)
# and in the zsh completion, the bash completion completes options and themes, and
# both man pages are clean under mandoc -T lint.
. "$SRCDIR/tests/cli/lib.sh"
need_prog RELVIEW
man1=$SRCDIR/docs/relview.1
man5=$SRCDIR/docs/relview.ini.5

# The KEYS list of relview(1), between its keys-begin and keys-end marks, as
# --help-keys prints it: "# group", then action, keys and help a line.
sed -n '/^\.\\" keys-begin$/,/^\.\\" keys-end$/p' "$man1" | awk '
	/^\.SS / { sub(/^\.SS "/, ""); sub(/"$/, ""); printf "%s# %s\n", n++ ? "\n" : "", $0; next }
	/^\.BR / { keys = $0; sub(/^\.BR "/, "", keys); sub(/" ".*$/, "", keys)
		action = $0; sub(/.*" \(/, "", action); sub(/\)"$/, "", action)
		getline help; gsub(/\\-/, "-", keys); printf "%s\t%s\t%s\n", action, keys, help }
' >"$TMP/man-keys"
[ -s "$TMP/man-keys" ] || fail "no key list between keys-begin and keys-end in relview.1"
"$RELVIEW" --config=/dev/null --help-keys >"$TMP/table-keys" || fail "--help-keys failed"
diff "$TMP/table-keys" "$TMP/man-keys" >"$TMP/diff" ||
	fail "relview.1's KEYS differ from the key table (regenerate them from --help-keys):
$(cat "$TMP/diff")"

# The settings list of relview.ini(5), between its settings-begin and settings-end
# marks, and the settings table as --dump-config describes each setting in the
# comment above it: "[section] key = default", its help and its options a line.
sed -n '/^\.\\" settings-begin$/,/^\.\\" settings-end$/p' "$man5" | awk '
	/^\.BR? / { tag = $0; options = ""
		if (sub(/^\.BR "/, "", tag)) {
			options = tag; sub(/^.*" "  \(/, "", options); sub(/\)"$/, "", options)
			sub(/" ".*$/, "", tag)
		} else { sub(/^\.B "/, "", tag); sub(/"$/, "", tag) }
		getline help; printf "%s\t%s\t%s\n", tag, help, options }
' | sed 's/\\-/-/g; s/\\(dq/"/g' >"$TMP/man-settings"
[ -s "$TMP/man-settings" ] || fail "no settings list between settings-begin and settings-end in relview.ini.5"
"$RELVIEW" --config=/dev/null --dump-config | awk '
	/^\[/ { section = $0 }
	/^# / { comment = substr($0, 3); next }
	/ =/ && comment != "" {
		i = index(comment, " (default: ")
		rest = substr(comment, i + 11); sub(/\)$/, "", rest)
		def = rest; sub(/;.*/, "", def)
		options = rest; if (!sub(/^[^;]*; /, "", options)) options = ""
		printf "%s %s = %s\t%s\t%s\n", section, $1, def, substr(comment, 1, i - 1), options
	}
	{ comment = "" }
' >"$TMP/table-settings"
[ -s "$TMP/table-settings" ] || fail "--dump-config describes no setting"
diff "$TMP/table-settings" "$TMP/man-settings" >"$TMP/diff" ||
	fail "relview.ini.5's settings differ from the settings table (config.h; see --dump-config):
$(cat "$TMP/diff")"

# The query language of relview(1), between its query-begin and query-end marks, is
# the one --help lists (both from expr.h's EXPR_SYNTAX).
sed -n '/^\.\\" query-begin$/,/^\.\\" query-end$/p' "$man1" | awk '
	/^\.B / { form = $0; sub(/^\.B "/, "", form); sub(/"$/, "", form); getline meaning
		printf "%s\t%s\n", form, meaning }
' | sed 's/\\-/-/g; s/\\(dq/"/g' >"$TMP/man-query"
[ -s "$TMP/man-query" ] || fail "no query language between query-begin and query-end in relview.1"
"$RELVIEW" --help | sed -n '/QUERY (--search/,/^$/p' | awk '/^  / {
	line = substr($0, 3); i = match(line, /  +/)
	print substr(line, 1, i - 1) "\t" substr(line, i + RLENGTH) }' >"$TMP/help-query"
diff "$TMP/help-query" "$TMP/man-query" >"$TMP/diff" ||
	fail "relview.1's SEARCH QUERIES differ from --help's (expr.h EXPR_SYNTAX):
$(cat "$TMP/diff")"

# Every long option is documented.
"$RELVIEW" --help | sed -n 's/^  --\([a-z-]*\).*/\1/p' >"$TMP/options"
[ -s "$TMP/options" ] || fail "--help lists no options"
# ...and every option the settings table names is one of them.
for option in $(cut -f3 "$TMP/table-settings" | tr -d ,); do
	grep -qx -- "${option#--}" "$TMP/options" || fail "the settings table names $option, not an option"
done
sed 's/\\-/-/g' "$man1" >"$TMP/man1.txt"
while read -r option; do
	grep -q -- "--$option" "$TMP/man1.txt" || fail "--$option is not in relview.1"
	grep -q -- "'[^']*--$option[}=[]" "$SRCDIR/completions/_relview" ||
		fail "--$option is not in completions/_relview"
done <"$TMP/options"

# Every theme part is in relview.ini(5).
for part in $(sed -n 's/^\[\(.*\)\]$/\1/p' "$SRCDIR/themes/default.ini"); do
	grep -q "^\.BR* $part\( \|$\)" "$man5" || fail "theme part [$part] is not in relview.ini.5"
done

# bash completion, as bash calls it.
if command -v bash >/dev/null 2>&1; then
	complete() { # COMP_WORD... : what _relview offers
		bash -c '. "$1/completions/relview.bash"; shift; COMP_WORDS=("$@")
			COMP_CWORD=$(($# - 1)); _relview; printf "%s\n" "${COMPREPLY[@]}"' \
			complete "$SRCDIR" "$@"
	}
	expect_eq "$(complete "$RELVIEW" --list-th)" "--list-themes"
	expect_eq "$(complete "$RELVIEW" --them)" "--theme="
	expect_contains "$(complete "$RELVIEW" --theme "")" "high-contrast"
	expect_eq "$(complete "$RELVIEW" --theme = sol)" "solarized"
	expect_eq "$(complete "$RELVIEW" --format js)" "json"
fi

# zsh completion: it must at least be valid zsh, and define _relview.
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$SRCDIR/completions/_relview" || fail "completions/_relview is not valid zsh"
	zsh -fc "fpath=('$SRCDIR/completions' \$fpath); autoload -Uz _relview; whence -w _relview" |
		grep -q "_relview: function" || fail "completions/_relview does not define _relview"
else
	note "zsh not found: the zsh completion is not checked"
fi

if command -v mandoc >/dev/null 2>&1; then
	mandoc -T lint -W style "$man1" "$man5" >"$TMP/lint" 2>&1 || true
	[ ! -s "$TMP/lint" ] || fail "mandoc -T lint: $(cat "$TMP/lint")"
else
	note "mandoc not found: the lint is skipped"
fi
pass
