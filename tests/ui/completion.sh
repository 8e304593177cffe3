#!/bin/sh
# The bash completion as bash's readline runs it, in an interactive bash: an option
# that takes a value completes to "--theme=" (not "--theme\=", which would make the
# option and its value one word that completes nothing), and the value after it
# completes; file names are still completed as file names (a folder gets its "/").
. "$SRCDIR/tests/ui/lib.sh"

command -v bash >/dev/null 2>&1 || skip "bash is not installed"
mkdir -p "$TMP/bin" "$TMP/folder"
ln -s "$RELVIEW" "$TMP/bin/relview"

start -- env PATH="$TMP/bin:$PATH" PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile -i
type_text ". '$SRCDIR/completions/relview.bash'"
keys Enter
wait_match '^\$ ?$'

type_text "relview --th"
keys Tab
wait_for 'relview --theme='
screen | grep -qF 'theme\=' && fail "the = of --theme= was quoted"
type_text "sol"
keys Tab
wait_for 'relview --theme=solarized'
keys C-u
# Theme names, not every folder, until a path is typed.
type_text "cd '$TMP'"
keys Enter C-l
wait_match '^\$ ?$'
type_text "relview --theme "
keys Tab Tab
wait_for "solarized"
screen | grep -qF 'folder/' && fail "--theme listed the folders with the theme names"
type_text "./fo"
keys Tab
wait_for "relview --theme ./folder/"
keys C-u

type_text "relview --fo"
keys Tab
wait_for 'relview --format='
type_text "js"
keys Tab
wait_for 'relview --format=json'
keys C-u

type_text "relview $TMP/fold"
keys Tab
wait_for "relview $TMP/folder/"
keys C-u
type_text "exit"
keys Enter
wait_for "EXIT=0"
