#!/bin/sh
# The configuration file and themes from the command line: --check-config (exit
# status, every mistake with file, line and key), --dump-config read back to the
# same, --list-themes, a bad theme warned about, [topics] in the parser's
# vocabulary, [limits] in the reader, and options over the file.
. "$SRCDIR/tests/cli/lib.sh"
need_prog RELVIEW

# No user file of the machine running the tests may count.
XDG_CONFIG_HOME=$TMP/xdg
HOME=$TMP/home
export XDG_CONFIG_HOME HOME
unset RELVIEW_DATADIR NO_COLOR
mkdir -p "$XDG_CONFIG_HOME/relview/themes" "$HOME"

corpus=$TMP/corpus
mkdir -p "$corpus"
printf 'Skip to main content\n%s\n\n%s\n\n%s\n\nUpdated: 01/01/2020\n' \
	'March 11, 2014Houston, TXNarcoticsZebraCorp Investigations' 'Zebra title' \
	'HOUSTON — Agents found striped contraband.' >"$corpus/zebra.txt"
{
	printf 'Skip to main content\n%s\n\n%s\n\n' 'March 12, 2014Miami, FLNarcotics' 'Long title'
	i=0
	while [ $i -lt 300 ]; do
		printf 'MIAMI - a long body line that goes on and on, to make this release large.\n'
		i=$((i + 1))
	done
} >"$corpus/long.txt"

# No file at all: the defaults, and --check-config says so.
expect_status 0 "$RELVIEW" --check-config
expect_contains "$(cat "$TMP/stdout")" "no configuration file"

# A good file in the default place is found and checked.
cat >"$XDG_CONFIG_HOME/relview/config.ini" <<'INI'
[ui]
theme = light
sort = oldest
[keys]
down = j x
INI
expect_status 0 "$RELVIEW" --check-config
expect_contains "$(cat "$TMP/stdout")" "$XDG_CONFIG_HOME/relview/config.ini: no problems"
expect_status 0 "$RELVIEW" --dump-config
expect_contains "$(cat "$TMP/stdout")" "theme = light"
expect_contains "$(cat "$TMP/stdout")" "down = j x"
# The file's sort, and the command line over it.
expect_eq "$("$RELVIEW" --list "$corpus" | cut -f4 | paste -sd'|' -)" 'Zebra title|Long title'
expect_eq "$("$RELVIEW" --list --newest-first "$corpus" | cut -f4 | paste -sd'|' -)" \
	'Long title|Zebra title'
expect_status 0 "$RELVIEW" --dump-config --theme solarized
expect_contains "$(cat "$TMP/stdout")" "theme = solarized"
# Every option that stands for a setting is over the file's, as the dump shows.
expect_status 0 "$RELVIEW" --dump-config --newest-first --mouse --restricted
for line in "sort = newest" "mouse = true" "restricted = true" "theme = light"; do
	grep -qx "$line" "$TMP/stdout" || fail "--dump-config with the options lacks '$line'"
done
expect_status 2 "$RELVIEW" --dump-config --theme ""
expect_contains "$(cat "$TMP/stderr")" "relview: --theme: a theme name or file is needed"

# Every mistake: file, line, [section] key; still runs; --check-config exits 1.
bad=$TMP/bad.ini
cat >"$bad" <<'INI'
[ui]
layout = diagonal
wrap = 5
[keys]
down = x
up = k x
page_down = Dwn
nosuch = q
[colours]
fg = red
[limits]
max_total_bytes = lots
INI
expect_status 1 "$RELVIEW" --config "$bad" --check-config
err=$(cat "$TMP/stderr")
expect_contains "$err" "relview: $bad:2: [ui] layout: 'diagonal' is not auto, side, stacked or list; auto is used"
expect_contains "$err" "$bad:3: [ui] wrap:"
expect_contains "$err" "$bad:6: [keys] up: 'x' is bound twice (also to down)"
expect_contains "$err" "$bad:7: [keys] page_down: 'Dwn' is not a key name"
expect_contains "$err" "$bad:8: [keys] nosuch: unknown action"
expect_contains "$err" "$bad:9: [colours]: unknown section"
expect_contains "$err" "$bad:12: [limits] max_total_bytes: 'lots'"
expect_contains "$err" "7 problems in the configuration"
# ...and the rest of relview goes on, with the defaults for what was wrong.
expect_status 0 "$RELVIEW" --config "$bad" --list "$corpus"
expect_contains "$(cat "$TMP/stderr")" "$bad:2: [ui] layout"
expect_eq "$(wc -l <"$TMP/stdout")" 2
# A line that is no ini at all: said where, and the file is not used.
printf '[ui]\ntheme = light\nnonsense\n' >"$TMP/broken.ini"
expect_status 1 "$RELVIEW" --config "$TMP/broken.ini" --check-config
expect_contains "$(cat "$TMP/stderr")" "$TMP/broken.ini:3: not a [section]"
# A file named that is not there, or is no file: a usage error (status 2), in every
# mode, as for any other option given wrong.
expect_status 2 "$RELVIEW" --config "$TMP/none.ini" --check-config
expect_contains "$(cat "$TMP/stderr")" "--config: $TMP/none.ini: cannot read"
expect_status 2 "$RELVIEW" --config "$TMP/none.ini" --list "$corpus"
expect_contains "$(cat "$TMP/stderr")" "Try 'relview --help'"
expect_status 2 "$RELVIEW" --config "$TMP" --list "$corpus"
expect_contains "$(cat "$TMP/stderr")" "cannot read"

# --dump-config: dump, load, dump gives the same, also from a busy file.
cat >"$TMP/busy.ini" <<'INI'
[ui]
theme = solarized
layout = stacked
date_format = "%d %b %Y; #%j"
columns = title date topics
wrap = 72
[keys]
search = "#" /
help = none
half_down = C-d C-f
quit = q Q
[topics]
names = ZebraCorp Investigations | Art, Antiques and Fakes
[limits]
max_entry_bytes = 1536K
max_total_bytes = 2G
INI
expect_status 0 "$RELVIEW" --config "$TMP/busy.ini" --dump-config
cp "$TMP/stdout" "$TMP/dump1.ini"
expect_status 0 "$RELVIEW" --config "$TMP/dump1.ini" --check-config
expect_status 0 "$RELVIEW" --config "$TMP/dump1.ini" --dump-config
cmp -s "$TMP/dump1.ini" "$TMP/stdout" || fail "the dump read back differs: $(diff "$TMP/dump1.ini" "$TMP/stdout")"
expect_contains "$(cat "$TMP/dump1.ini")" 'date_format = "%d %b %Y; #%j"'
# q taken by quit is no longer close's: the dump says so, or reading it back clashes.
expect_contains "$(cat "$TMP/dump1.ini")" 'close = none'
expect_contains "$(cat "$TMP/dump1.ini")" 'max_entry_bytes = 1536K'

# --list-themes: the shipped ones and the user's own.
printf '[selected]\nfg = red\n' >"$XDG_CONFIG_HOME/relview/themes/mine.ini"
expect_status 0 "$RELVIEW" --list-themes
for theme in default light high-contrast solarized mine; do
	grep -qx "$theme" "$TMP/stdout" || fail "--list-themes lacks $theme: $(cat "$TMP/stdout")"
done

# A theme with mistakes: warned like the configuration, relview still runs.
printf '[selected]\nfg = mauve\n[sidebar]\nbg = red\n' >"$TMP/bad-theme.ini"
expect_status 1 "$RELVIEW" --config /dev/null --theme "$TMP/bad-theme.ini" --check-config
expect_contains "$(cat "$TMP/stderr")" "$TMP/bad-theme.ini:2: [selected] fg: 'mauve' is not a colour"
expect_contains "$(cat "$TMP/stderr")" "$TMP/bad-theme.ini:3: [sidebar]: unknown section"
expect_status 1 "$RELVIEW" --config /dev/null --theme no-such-theme --check-config
expect_contains "$(cat "$TMP/stderr")" "theme 'no-such-theme' not found"
for theme in default light high-contrast solarized; do
	expect_status 0 "$RELVIEW" --config /dev/null --theme "$theme" --check-config
done

# [topics]: a made-up topic run together with a known one is split out whole.
expect_eq "$("$RELVIEW" --config /dev/null --list "$corpus/zebra.txt" | cut -f3)" \
	'Narcotics; Zebra; Corp Investigations'
printf '[topics]\nnames = ZebraCorp Investigations\n' >"$TMP/topics.ini"
expect_eq "$("$RELVIEW" --config "$TMP/topics.ini" --list "$corpus/zebra.txt" | cut -f3)" \
	'Narcotics; ZebraCorp Investigations'

# [limits]: an entry over max_entry_bytes is skipped with a message.
printf '[limits]\nmax_entry_bytes = 4K\n' >"$TMP/limits.ini"
expect_status 0 "$RELVIEW" --config "$TMP/limits.ini" --list "$corpus"
expect_eq "$(cut -f4 "$TMP/stdout")" 'Zebra title'
expect_contains "$(cat "$TMP/stderr")" "long.txt"
# Sizes in the unit that reads right: 4K is "4 KiB", not "0 MiB".
expect_contains "$(cat "$TMP/stderr")" "entry larger than 4 KiB, skipped"

# [ui] wrap: --print wraps there unless --width says otherwise.
printf '[ui]\nwrap = 30\n' >"$TMP/wrap.ini"
width=$("$RELVIEW" --config "$TMP/wrap.ini" --print=1 "$corpus/long.txt" | awk '{ if (length > w) w = length } END { print w }')
[ "$width" -le 30 ] || fail "wrap = 30 printed lines of $width columns"
width=$("$RELVIEW" --config "$TMP/wrap.ini" --print=1 --width=60 "$corpus/long.txt" | awk '{ if (length > w) w = length } END { print w }')
[ "$width" -gt 30 ] || fail "--width=60 did not win over wrap = 30"

# The settings modes take no inputs.
expect_status 2 "$RELVIEW" --dump-config "$corpus"
pass
