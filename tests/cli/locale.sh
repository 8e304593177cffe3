#!/bin/sh
# A page reads, and a filter or a sort answers, the same whatever the user's locale:
# relview compares and classes letters as ASCII (ascii.h), never by the locale's
# rules, which the cache could not know. In a Turkish locale the C library takes "I"
# for no capital of "i", so a footer in capitals ("PAGE LAST REVIEWED/UPDATED:") stayed
# in the body and "APRIL 2, 2024" was no date. The locale is made in the test's
# folder from Debian's locale sources (the locales package, which ./dev installs).
. "$SRCDIR/tests/cli/lib.sh"
need_prog RELVIEW
need_cmd localedef
[ -d /usr/share/i18n/locales ] || skip "no locale sources (Debian: apt-get install locales)"
localedef -i tr_TR -f UTF-8 "$TMP/tr_TR.UTF-8" 2>/dev/null
[ -d "$TMP/tr_TR.UTF-8" ] || skip "localedef made no tr_TR.UTF-8"
turkish() {
	LOCPATH=$TMP LC_ALL=tr_TR.UTF-8 "$@"
}
[ "$(turkish locale charmap 2>&1)" = UTF-8 ] || hard_error "the Turkish locale is not taken"

mkdir "$TMP/in"
printf '%s\n' 'Skip to main content' 'June 5, 2024Houston, TXNarcotics' '' \
	'Agents seize a ton of cocaine' '' \
	'HOUSTON — Agents seized a ton of cocaine at the port of Houston this week.' '' \
	'PAGE LAST REVIEWED/UPDATED: 06/05/2024' >"$TMP/in/footer.txt"
printf '%s\n' 'APRIL 2, 2024' '' 'Inspectors find a tunnel in Nogales' '' \
	'NOGALES, Ariz. — Inspectors found a tunnel under the border on Tuesday.' \
	>"$TMP/in/date.txt"

list() {
	"$RELVIEW" --no-cache --list --format=json --body "$@" "$TMP/in"
}
plain=$(list) || fail "relview --list failed: $plain"
expect_contains "$plain" '"date":"2024-04-02"'
case $plain in *REVIEWED*) fail "the footer is in the body: $plain" ;; esac
expect_eq "$(turkish "$RELVIEW" --no-cache --list --format=json --body "$TMP/in")" "$plain"
expect_eq "$(turkish "$RELVIEW" --no-cache --list --location=HOUSTON --topic=NARCOTICS "$TMP/in")" \
	"$("$RELVIEW" --no-cache --list --location=houston --topic=narcotics "$TMP/in")"
pass
