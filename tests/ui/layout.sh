#!/bin/sh
# Layouts: at 80x24 the list is stacked over a preview whose header is one line of
# date, place and topics (no source: the full reader has it), so that the release's
# text starts on the preview's fourth row; a terminal too short to split well shows
# the list alone, and Enter reads full screen; v cycles side by side, stacked and
# the list alone; layout = list in the configuration chooses it.
set -u
. "$SRCDIR/tests/ui/lib.sh"

first=$(title_of_row 1)
# The first release's date, place as printed and topics, as the preview joins them.
meta=$("$RELVIEW" --list --format=json "$BUNDLE" | head -1 | PYTHONIOENCODING=utf-8 python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
print(" \u00b7 ".join(x for x in (r["date"], r["location"], "; ".join(r["topics"])) if x))
') || skip "python3 is needed to read the JSON"
rule_line() {
	screen | grep -n "^───" | cut -d: -f1 | head -1
}

start 80 24 -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
rule=$(rule_line)
[ -n "$rule" ] || fail "no rule between the stacked panes at 80x24"
screen_line $((rule + 1)) | grep -qF -- "$first" || fail "the preview does not start with the title"
# A title of two lines pushes the rest down one.
at=$((rule + 2))
screen_line "$at" | grep -qF -- "$meta" || at=$((rule + 3))
screen_line "$at" | grep -qF -- "$meta" ||
	fail "no one line of date, place and topics under the title: want '$meta'"
[ -z "$(screen_line $((at + 1)) | tr -d ' ')" ] || fail "no blank line under the header"
[ -n "$(screen_line $((at + 2)) | tr -d ' ')" ] || fail "the text does not start under the header"
screen | grep -q "Source:" && fail "the preview shows the source"
screen | grep -q "Date:" && fail "the preview shows the labelled fields"
# Full screen, the whole header with the source.
keys Enter
wait_for "Source:"
wait_for "Date:"
keys q
wait_gone "Source:"
keys Q
expect_restored 0

# 80x19: the list alone; Enter reads full screen, q comes back to the list alone.
start 80 19 -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
[ -z "$(rule_line)" ] || fail "a rule at 80x19: the list is not alone"
screen_line 17 | grep -qF -- "$(title_of_row 16 | cut -c1-20)" ||
	fail "the list does not fill the screen at 80x19"
keys Enter
wait_for "Source:"
screen_line 2 | grep -qF -- "$first" || fail "Enter did not read the release full screen"
keys q
wait_gone "Source:"
screen_line 17 | grep -qF -- "$(title_of_row 16 | cut -c1-20)" || fail "q did not come back to the list alone"
# Tab, too, reads it full screen there: no preview to give the keys to.
keys Tab
wait_for "Source:"
keys Tab
wait_gone "Source:"
keys Q
expect_restored 0

# v cycles from stacked: the list alone, side by side, stacked again.
start -- "$RELVIEW" "$BUNDLE"
expect_shown "$TOTAL"
[ -n "$(rule_line)" ] || fail "not stacked at 100x30"
keys v
wait_for "The list alone"
[ -z "$(rule_line)" ] || fail "v did not show the list alone"
keys v
wait_for "│"
keys v
wait_gone "│"
[ -n "$(rule_line)" ] || fail "v did not come back to stacked"
keys Q
expect_restored 0

# The configuration chooses it.
printf '[ui]\nlayout = list\n' >"$TMP/list.ini"
start -- "$RELVIEW" --config="$TMP/list.ini" "$BUNDLE"
expect_shown "$TOTAL"
[ -z "$(rule_line)" ] || fail "layout = list did not show the list alone"
keys Q
expect_restored 0
pass
