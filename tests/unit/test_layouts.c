/* parse: the layouts of older and other pages, edge cases (empty, boilerplate only,
 * huge), and the places a location names; the current site's layout is
 * test_parse.c's. Every text here is invented; only the site boilerplate and the
 * topic names are real. */
#include "config.h"

#include "parse_check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "relview/parse.h"
#include "relview/place.h"
#include "relview/topics.h"

/* ---- other layouts -------------------------------------------------------------------- */

static const char dhs_banner[] = "United States Flag\n"
                                 "Official Website of the Department of Homeland Security\n"
                                 "\n"
                                 "Report Crimes: Email or Call 1-866-DHS-2-ICE\n"
                                 "\n";

static char *with_banner(const char *rest)
{
	size_t n = strlen(dhs_banner) + strlen(rest) + 1;
	char *text = malloc(n);
	assert_non_null(text);
	snprintf(text, n, "%s%s", dhs_banner, rest);
	return text;
}

static void test_dhs_flag(void **state)
{
	(void)state;
	char *text = with_banner("Human Trafficking\n"
	                         "\n"
	                         "Top Story: Invented rescue of workers at a farm\n"
	                         "\n"
	                         "Workers rescued at a farm\n"
	                         "Workers rescued at a farm\n"
	                         "Workers rescued at a farm\n"
	                         "\n"
	                         "Agents acted on a tip from a neighbor last spring.\n");
	struct parsed p = parse(text);
	assert_int_equal(p.date, 0);
	assert_int_equal(p.location.len, 0);
	check_topics(text, &p, "Human Trafficking", NULL);
	check_span(text, p.title, "Top Story: Invented rescue of workers at a farm");
	check_span(text, p.subtitle, "Workers rescued at a farm");
	check_span(text, p.body, "Agents acted on a tip from a neighbor last spring.");
	free(text);
}

static void test_dhs_flag_unknown_and_comma_topics(void **state)
{
	(void)state;
	char *text = with_banner("Invented Program Area\n\nInvented headline\n\nBODY — Text.\n");
	struct parsed p = parse(text);
	check_topics(text, &p, "Invented Program Area", NULL);
	check_span(text, p.title, "Invented headline");
	free(text);
	text = with_banner("Firearms, Ammunition and Explosives\n\nInvented headline\n\nText.\n");
	p = parse(text);
	check_topics(text, &p, "Firearms, Ammunition and Explosives", NULL);
	check_span(text, p.title, "Invented headline");
	check_span(text, p.body, "Text.");
	free(text);
}

/* A banner with no topic line: the headline is not mistaken for one. */
static void test_dhs_flag_without_topic(void **state)
{
	(void)state;
	char *text = with_banner("Officers arrest a man wanted for an invented crime\n\n"
	                         "Invented Subtitle In Title Case\n\n"
	                         "DENVER - The text of the release.\n");
	struct parsed p = parse(text);
	assert_int_equal(p.ntopics, 0);
	check_span(text, p.title, "Officers arrest a man wanted for an invented crime");
	check_span(text, p.subtitle, "Invented Subtitle In Title Case");
	check_span(text, p.body, "DENVER - The text of the release.");
	free(text);
}

static void test_bare(void **state)
{
	(void)state;
	const char *text = "Agency removes a man wanted for an invented crime\n"
	                   "RIVERTON, Wyo. — Officers removed the man on Friday.\n"
	                   "He had been wanted since an earlier year.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 0);
	assert_int_equal(p.location.len, 0);
	assert_int_equal(p.ntopics, 0);
	check_span(text, p.title, "Agency removes a man wanted for an invented crime");
	assert_int_equal(p.subtitle.len, 0);
	check_span(text, p.body,
	           "RIVERTON, Wyo. — Officers removed the man on Friday.\n"
	           "He had been wanted since an earlier year.");
}

static void test_archive_2007(void **state)
{
	(void)state;
	const char *text = "News Releases\n"
	                   "\n"
	                   "\n"
	                   "June 13, 2007\n"
	                   "\n"
	                   "Agency hands back invented relics to a museum\n"
	                   "Ceremony held at a consulate\n"
	                   "\n"
	                   "Washington, D.C. - The agency today returned the relics.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20070613);
	assert_int_equal(p.location.len, 0);
	check_span(text, p.title, "Agency hands back invented relics to a museum");
	check_span(text, p.subtitle, "Ceremony held at a consulate");
	check_span(text, p.body, "Washington, D.C. - The agency today returned the relics.");
}

static void test_archive_2010(void **state)
{
	(void)state;
	const char *text = "Find releases based on\n"
	                   "Search all news releases\n"
	                   "Tags\n"
	                   "\n"
	                   "News Releases\n"
	                   "\n"
	                   "May 10, 2010\n"
	                   "Washington, DC\n"
	                   "\n"
	                   "Agency signs an invented agreement with a partner\n"
	                   "The first agreement of its kind\n"
	                   "\n"
	                   "WASHINGTON - The agency signed the agreement today.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20100510);
	check_span(text, p.location, "Washington, DC");
	check_span(text, p.title, "Agency signs an invented agreement with a partner");
	check_span(text, p.subtitle, "The first agreement of its kind");
	check_span(text, p.body, "WASHINGTON - The agency signed the agreement today.");
}

/* A copy that put each header field on a line of its own under the date. */
static void test_fields_on_own_lines(void **state)
{
	(void)state;
	const char *text = "News Releases\n"
	                   "\n"
	                   "May 10, 2010\n"
	                   "Mexico City, Mexico\n"
	                   "Transnational Gangs\n"
	                   "\n"
	                   "Invented Headline In Title Case\n"
	                   "\n"
	                   "MEXICO CITY - The body.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20100510);
	check_span(text, p.location, "Mexico City, Mexico");
	check_topics(text, &p, "Transnational Gangs", NULL);
	check_span(text, p.title, "Invented Headline In Title Case");
	check_span(text, p.body, "MEXICO CITY - The body.");

	text = "May 10, 2010\nHouston, TXNarcotics\n\nInvented headline\n";
	p = parse(text);
	check_span(text, p.location, "Houston, TX");
	check_topics(text, &p, "Narcotics", NULL);
	check_span(text, p.title, "Invented headline");
}

/* A headline printed above the header line wins over a body paragraph below it. */
static void test_headline_above_header(void **state)
{
	(void)state;
	const char *text = "Skip to main content\n"
	                   "\n"
	                   "Invented headline above the header\n"
	                   "\n"
	                   "March 20, 2024Houston, TXNarcotics\n"
	                   "\n"
	                   "Officers seized a shipment at the port on a quiet Sunday morning.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20240320);
	check_span(text, p.title, "Invented headline above the header");
	check_span(text, p.body,
	           "Officers seized a shipment at the port on a quiet Sunday morning.");
}

/* An older press office page: a weekday before the date, contact lines after it. */
static void test_press_office(void **state)
{
	(void)state;
	const char *text = "U.S. Immigration and Customs Enforcement\n"
	                   "\n"
	                   "News Release\n"
	                   "\n"
	                   "Tuesday, March 8, 2005\n"
	                   "Contact: Public Affairs\n"
	                   "(202) 555-0100\n"
	                   "\n"
	                   "Invented headline of an older release\n"
	                   "\n"
	                   "WASHINGTON, D.C. - The body text.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20050308);
	assert_int_equal(p.location.len, 0);
	check_span(text, p.title, "Invented headline of an older release");
	check_span(text, p.body, "WASHINGTON, D.C. - The body text.");
}

/* A headline printed above the archive banner is the title when none follows. */
static void test_archive_headline_above(void **state)
{
	(void)state;
	const char *text = "Invented headline printed first\n"
	                   "\n"
	                   "News Releases\n"
	                   "\n"
	                   "August 15, 2008\n"
	                   "\n"
	                   "BOSTON - The body starts at once.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20080815);
	check_span(text, p.title, "Invented headline printed first");
	check_span(text, p.body, "BOSTON - The body starts at once.");
}

static void test_threat_level_copy(void **state)
{
	(void)state;
	const char *text = "Elevated\n"
	                   "Significant Risk of Terrorist Attacks\n"
	                   "September 15, 2008\n"
	                   "WASHINGTON, D.C. - An invented first paragraph of the release.\n"
	                   "A second paragraph.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20080915);
	assert_int_equal(p.location.len, 0);
	assert_int_equal(p.title.len, 0);
	check_span(text, p.body,
	           "WASHINGTON, D.C. - An invented first paragraph of the release.\n"
	           "A second paragraph.");
}

static void test_body_only(void **state)
{
	(void)state;
	const char *text = "WASHINGTON — An invented paragraph that opens the page.\n"
	                   "A second invented paragraph.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 0);
	assert_int_equal(p.title.len, 0);
	check_span(text, p.body,
	           "WASHINGTON — An invented paragraph that opens the page.\n"
	           "A second invented paragraph.");
}

/* A body line opening with a date is no header: the date is not the release's. */
static void test_dated_paragraph(void **state)
{
	(void)state;
	const char *text = "Invented headline\n"
	                   "March 11, 2014 - SALEM - The agency said a great many things today.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 0);
	check_span(text, p.title, "Invented headline");
	check_span(text, p.body,
	           "March 11, 2014 - SALEM - The agency said a great many things today.");
}

/* ---- edge cases ------------------------------------------------------------------------ */

static void test_empty(void **state)
{
	(void)state;
	struct parsed p;
	memset(&p, 0xAB, sizeof p);
	parse_release("", 0, vocab, &p);
	assert_int_equal(p.date, 0);
	assert_int_equal(p.location.len, 0);
	assert_int_equal(p.ntopics, 0);
	assert_int_equal(p.title.len, 0);
	assert_int_equal(p.subtitle.len, 0);
	assert_int_equal(p.body.len, 0);
	memset(&p, 0xAB, sizeof p);
	parse_release(NULL, 0, vocab, &p);
	assert_int_equal(p.body.len, 0);
	p = parse("\n\n   \n");
	assert_int_equal(p.title.len, 0);
	assert_int_equal(p.body.len, 0);
}

static void test_only_boilerplate(void **state)
{
	(void)state;
	struct parsed p = parse("Skip to main content\n\n"
	                        "An official website of the United States government\n\n"
	                        "Here's how you know\n\nU.S. flag\n");
	assert_int_equal(p.date, 0);
	assert_int_equal(p.ntopics, 0);
	assert_int_equal(p.title.len, 0);
	assert_int_equal(p.subtitle.len, 0);
	assert_int_equal(p.body.len, 0);
}

static void test_single_line(void **state)
{
	(void)state;
	const char *text = "A lone invented headline";
	struct parsed p = parse(text);
	check_span(text, p.title, "A lone invented headline");
	assert_int_equal(p.body.len, 0);
	text = "TOPEKA — A lone paragraph of body text, and nothing else at all.";
	p = parse(text);
	assert_int_equal(p.title.len, 0);
	check_span(text, p.body, text);
	text = "March 11, 2014Houston, TXNarcotics";
	p = parse(text);
	assert_int_equal(p.date, 20140311);
	check_span(text, p.location, "Houston, TX");
	assert_int_equal(p.title.len, 0);
}

/* Huge lines and many lines go through in linear time: each of these would take
 * minutes with a quadratic scan. */
static void test_huge_inputs(void **state)
{
	(void)state;
	static const char head[] = "Skip to main content\nMarch 11, 2014Houston, TXNarcotics\n\n";
	static const char tail[] = "\n\nHOUSTON — Body.\n";
	size_t big = 1 << 20, n = sizeof head - 1 + big + sizeof tail - 1;
	char *text = malloc(n + 1);
	assert_non_null(text);
	memcpy(text, head, sizeof head - 1);
	for (size_t i = 0; i < big; i++)
		text[sizeof head - 1 + i] = i % 7 == 6 ? ' ' : (char)('a' + i % 26);
	text[sizeof head - 1] = 'X';
	memcpy(text + sizeof head - 1 + big, tail, sizeof tail);
	struct parsed p;
	parse_release(text, n, vocab, &p);
	assert_int_equal(p.date, 20140311);
	assert_int_equal(p.title.off, sizeof head - 1);
	assert_int_equal(p.title.len, big);
	check_span(text, p.body, "HOUSTON — Body.");

	/* the same line with no header at all, then run on after the header fields */
	parse_release(text + sizeof head - 1, big, vocab, &p);
	assert_int_equal(p.title.len + p.body.len, big);
	text[sizeof head - 3] = ' ';
	text[sizeof head - 2] = ' ';
	parse_release(text, n, vocab, &p);
	assert_int_equal(p.body.off, sizeof "Skip to main content\n" - 1);

	/* half a million short lines, and a million blank ones */
	for (size_t i = 0; i < n; i++)
		text[i] = i % 2 ? '\n' : (char)('a' + i / 2 % 26);
	parse_release(text, n, vocab, &p);
	assert_true(p.body.len > n / 2);
	memset(text, '\n', n);
	parse_release(text, n, vocab, &p);
	assert_int_equal(p.body.len, 0);
	free(text);
}

/* ---- places ---------------------------------------------------------------------------- */

static void check_state(const char *s, const char *code, const char *name)
{
	const char *got_name = NULL;
	const char *got = place_state(s, strlen(s), &got_name);
	assert_non_null(got);
	assert_string_equal(got, code);
	assert_string_equal(got_name, name);
}

static void test_states(void **state)
{
	(void)state;
	check_state("Texas", "TX", "Texas");
	check_state("TX", "TX", "Texas");
	check_state("tx", "TX", "Texas");
	check_state("TEXAS", "TX", "Texas");
	check_state("DC", "DC", "District of Columbia");
	check_state("D.C.", "DC", "District of Columbia");
	check_state("District of Columbia", "DC", "District of Columbia");
	check_state("Puerto Rico", "PR", "Puerto Rico");
	check_state("PR", "PR", "Puerto Rico");
	check_state("Guam", "GU", "Guam");
	check_state("U.S. Virgin Islands", "VI", "U.S. Virgin Islands");
	check_state("VI", "VI", "U.S. Virgin Islands");
	check_state("American Samoa", "AS", "American Samoa");
	check_state("Northern Mariana Islands", "MP", "Northern Mariana Islands");
	check_state("MP", "MP", "Northern Mariana Islands");
	check_state("Calif.", "CA", "California");
	check_state("N.Y.", "NY", "New York");
	check_state("West Virginia", "WV", "West Virginia");
	check_state("Wyoming", "WY", "Wyoming");
	check_state("AK", "AK", "Alaska");
	check_state("Commonwealth of the Northern Mariana Islands", "MP",
	            "Northern Mariana Islands");
	assert_null(place_state("Mexico", 6, NULL));
	assert_null(place_state("Tex", 3, NULL));
	assert_null(place_state("Texass", 6, NULL));
	assert_null(place_state("", 0, NULL));
	assert_null(place_state("XX", 2, NULL));
	assert_non_null(place_state("Texas, more", 5, NULL)); /* only n bytes count */
}

static void test_countries(void **state)
{
	(void)state;
	const char *const yes[] = {"Mexico",        "El Salvador",    "Dominican Republic",
	                           "United States", "U.S.",           "People's Republic of China",
	                           "mexico",        "Guatemala",      "Afghanistan",
	                           "Zimbabwe",      "United Kingdom", "Trinidad and Tobago",
	                           "Brazil",        "Côte d'Ivoire",  "Georgia"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		assert_true(place_is_country(yes[i], strlen(yes[i])));
	const char *const no[] = {"Texas", "Freedonia", "", "Mexic", "Mexico City", "America"};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_false(place_is_country(no[i], strlen(no[i])));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_dhs_flag),
	        cmocka_unit_test(test_dhs_flag_unknown_and_comma_topics),
	        cmocka_unit_test(test_dhs_flag_without_topic),
	        cmocka_unit_test(test_bare),
	        cmocka_unit_test(test_archive_2007),
	        cmocka_unit_test(test_archive_2010),
	        cmocka_unit_test(test_fields_on_own_lines),
	        cmocka_unit_test(test_headline_above_header),
	        cmocka_unit_test(test_archive_headline_above),
	        cmocka_unit_test(test_press_office),
	        cmocka_unit_test(test_threat_level_copy),
	        cmocka_unit_test(test_body_only),
	        cmocka_unit_test(test_dated_paragraph),
	        cmocka_unit_test(test_empty),
	        cmocka_unit_test(test_only_boilerplate),
	        cmocka_unit_test(test_single_line),
	        cmocka_unit_test(test_huge_inputs),
	        cmocka_unit_test(test_states),
	        cmocka_unit_test(test_countries),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
