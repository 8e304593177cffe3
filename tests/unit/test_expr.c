/* expr: the query language — how a text is read (and refused), what it matches
 * over a small catalog, when one query narrows another, and hostile queries. */
#include "config.h"

#include "relview/catalog.h"
#include "relview/expr.h"
#include "relview/state.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

/* How a query reads, in words; or "error: WHY". */
static const char *reading(const char *text)
{
	static char out[512];
	char why[128];
	struct expr e;
	if (!expr_parse(&e, text, strlen(text), why, sizeof why)) {
		snprintf(out, sizeof out, "error: %s", why);
		return out;
	}
	expr_describe(&e, out, sizeof out);
	expr_free(&e);
	return out;
}

static void reads_words_phrases_negation_and_either(void **state)
{
	(void)state;
	assert_string_equal(reading(""), "");
	assert_string_equal(reading("   "), "");
	assert_string_equal(reading("gang"), "gang");
	assert_string_equal(reading("gang cartel"), "gang and cartel");
	assert_string_equal(reading("gang | cartel texas"), "(gang or cartel) and texas");
	assert_string_equal(reading("gang|cartel"), "gang or cartel");
	assert_string_equal(reading("\"ice agents\" -\"press office\""),
	                    "\"ice agents\" and not \"press office\"");
	assert_string_equal(reading("-sentenced anti-gang"), "not sentenced and anti-gang");
	assert_string_equal(reading("title:fentanyl topic:gangs location:\"san juan\""),
	                    "title fentanyl and topic gangs and location \"san juan\"");
	assert_string_equal(reading("is:read -is:starred"), "read and not starred");
	assert_string_equal(reading("date:2014..2016 is:unread is:starred -is:read"),
	                    "date 2014..2016 and unread and starred and unread");
	/* A word:word that names no field is text. */
	assert_string_equal(reading("http://www.ice.gov"), "http://www.ice.gov");
	assert_string_equal(reading("TOPIC:gangs"), "topic gangs");
}

static void refuses_what_is_not_a_query(void **state)
{
	(void)state;
	assert_string_equal(reading("\"ice agents"),
	                    "error: unclosed quote: end the phrase with \"");
	assert_string_equal(reading("gang -"),
	                    "error: a lone - negates nothing: write -word or -\"a phrase\"");
	assert_string_equal(reading("- gang"),
	                    "error: a lone - negates nothing: write -word or -\"a phrase\"");
	assert_string_equal(reading("| gang"), "error: | needs a term on each side");
	assert_string_equal(reading("gang |"), "error: | needs a term on each side");
	assert_string_equal(reading("gang || cartel"), "error: | needs a term on each side");
	assert_string_equal(reading("topic:"), "error: topic: needs a value");
	assert_string_equal(reading("date:soon"),
	                    "error: date:soon is not a date or a range (2014, 2014-03..2016)");
	assert_string_equal(
	        reading("date:2016..2014"),
	        "error: date:2016..2014 is not a date or a range (2014, 2014-03..2016)");
	assert_string_equal(reading("is:new"), "error: is:new: is takes unread, read or starred");
	assert_string_equal(reading("\"\""),
	                    "error: an empty phrase \"\" finds nothing to look for");
	assert_string_equal(reading("-\"   \""),
	                    "error: an empty phrase \"\" finds nothing to look for");
	assert_string_equal(reading("date:.."),
	                    "error: date:.. is not a date or a range (2014, 2014-03..2016)");
}

/* ( and ) look like grouping, which | before AND already is: refused unquoted
 * (taken as text they quietly found nothing), read in a phrase. */
static void parentheses_only_in_quotes(void **state)
{
	(void)state;
	const char *why = "error: ( ) only in quotes, \"(202)\": they do not group (| binds "
	                  "before and)";
	assert_string_equal(reading("(gang | cartel) texas"), why);
	assert_string_equal(reading("(gang)"), why);
	assert_string_equal(reading("gang)"), why);
	assert_string_equal(reading("-(gang"), why);
	assert_string_equal(reading("location:(texas)"), why);
	assert_string_equal(reading("call (202) 732-4242"), why);
	assert_string_equal(reading("\"(202) 732\""), "\"(202) 732\"");
	assert_string_equal(reading("title:\"(AP)\" gang"), "title \"(AP)\" and gang");
}

/* 10,000 terms, quotes by the thousand, invalid UTF-8: refused or read, quickly. */
static void hostile_queries(void **state)
{
	(void)state;
	size_t n = 20000;
	char *text = malloc(n + 1);
	assert_non_null(text);
	for (size_t i = 0; i < n; i += 2)
		text[i] = 'a', text[i + 1] = ' ';
	text[n] = '\0';
	assert_string_equal(reading(text), "error: more than 64 terms: not a query relview reads");
	memset(text, '"', n);
	assert_string_equal(reading(text), "error: an empty phrase \"\" finds nothing to look for");
	memset(text, 'a', n);
	text[0] = '"'; /* a quote left open before 20,000 letters */
	assert_string_equal(reading(text), "error: unclosed quote: end the phrase with \"");
	memset(text, '|', n);
	assert_string_equal(reading(text), "error: | needs a term on each side");
	memset(text, '-', n);
	assert_non_null(reading(text));
	free(text);
	assert_string_equal(reading("\xff\xfe \xc3"), "\xff\xfe and \xc3");
	assert_string_equal(reading("topic:\xff"), "topic \xff");
}

static struct catalog *sample(void)
{
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	assert_true(fixture_add(cat, 20140311, "Gang arrests in Houston", "Houston, TX",
	                        "Transnational Gangs", "MS-13 members were sentenced.", NULL));
	assert_true(fixture_add(cat, 20150101, "Cartel money seized", "Laredo, Texas",
	                        "Narcotics|Financial Crimes", "A cartel's cash.", NULL));
	assert_true(fixture_add(cat, 20120615, "Artifacts returned", "Mayagüez, Puerto Rico", "",
	                        "Pottery from PEÑA BLANCA.", NULL));
	assert_true(fixture_add(cat, 0, "Undated gang story", "", "Transnational Gangs",
	                        "no date here", NULL));
	return cat;
}

/* The titles' first words of the releases the query matches, in catalog order. */
static const char *matches(const struct catalog *cat, const char *query, const uint8_t *marks)
{
	static char out[256];
	char why[128];
	struct expr e;
	out[0] = '\0';
	assert_true(expr_parse(&e, query, strlen(query), why, sizeof why));
	assert_true(expr_bind(&e, cat));
	for (size_t i = 0; i < cat->count; i++)
		if (expr_match(&e, cat, &cat->releases[i], marks)) {
			const struct str *t = &cat->releases[i].title;
			size_t word = strcspn(t->s, " ");
			snprintf(out + strlen(out), sizeof out - strlen(out), "%s%.*s",
			         out[0] ? " " : "", (int)word, t->s);
		}
	expr_free(&e);
	return out;
}

static void matches_over_a_catalog(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	uint8_t marks[4] = {STATE_READ, STATE_STARRED, 0, STATE_READ | STATE_STARRED};
	assert_string_equal(matches(cat, "", NULL), "Gang Cartel Artifacts Undated");
	assert_string_equal(matches(cat, "gang", NULL), "Gang Undated");
	/* A word is looked for in title and body: the location is location:'s. */
	assert_string_equal(matches(cat, "gang | cartel texas", NULL), "");
	assert_string_equal(matches(cat, "gang | cartel location:texas", NULL), "Gang Cartel");
	assert_string_equal(matches(cat, "gang | cartel place:texas", NULL), "Gang Cartel");
	assert_string_equal(matches(cat, "gang | cartel location:texas -sentenced", NULL),
	                    "Cartel");
	assert_string_equal(matches(cat, "gang | cartel date:2014..2014", NULL), "Gang");
	assert_string_equal(matches(cat, "date:2012..", NULL), "Gang Cartel Artifacts");
	assert_string_equal(matches(cat, "title:sentenced", NULL), "");
	assert_string_equal(matches(cat, "title:gang", NULL), "Gang Undated");
	assert_string_equal(matches(cat, "topic:gangs", NULL), "Gang Undated");
	assert_string_equal(matches(cat, "topic:financial", NULL), "Cartel");
	assert_string_equal(matches(cat, "location:mayaguez", NULL), "Artifacts");
	assert_string_equal(matches(cat, "location:usa", NULL), "Gang Cartel Artifacts");
	assert_string_equal(matches(cat, "\"pena blanca\"", NULL), "Artifacts");
	assert_string_equal(matches(cat, "\"members sentenced\"", NULL), "");
	assert_string_equal(matches(cat, "is:unread", marks), "Cartel Artifacts");
	assert_string_equal(matches(cat, "is:read", marks), "Gang Undated");
	assert_string_equal(matches(cat, "is:starred -is:read", marks), "Cartel");
	assert_string_equal(matches(cat, "is:unread", NULL), "Gang Cartel Artifacts Undated");
	catalog_free(cat);
}

static bool narrows(const char *narrow, const char *wide)
{
	char why[128];
	struct expr a, b;
	assert_true(expr_parse(&a, narrow, strlen(narrow), why, sizeof why));
	assert_true(expr_parse(&b, wide, strlen(wide), why, sizeof why));
	bool r = expr_narrows(&a, &b);
	expr_free(&a);
	expr_free(&b);
	return r;
}

/* Typing on narrows the last result only where every match of the new query is a
 * match of the old one. */
static void narrowing(void **state)
{
	(void)state;
	assert_true(narrows("gang", "gan"));
	assert_true(narrows("gang texas", "gang"));
	assert_true(narrows("gang -x", "gang"));
	assert_true(narrows("title:gang", "gan"));
	assert_true(narrows("-gan", "-gang"));
	assert_true(narrows("gang", "gang | cartel"));
	assert_true(narrows("Gang", "gan"));
	assert_true(narrows("topic:gangs gang", "topic:gangs"));
	assert_false(narrows("gang | cartel", "gang"));
	assert_false(narrows("-gang", "gang"));
	assert_false(narrows("-gang", "-gan"));
	assert_false(narrows("gan", "gang"));
	assert_false(narrows("gang", "Gan"));
	assert_true(narrows("peña", "pena")); /* pena folds what peña holds */
	assert_true(narrows("infl", "inf"));  /* in "inﬂuence" too: inf is found there */
	assert_false(narrows("topic:gangs", "topic:gang"));
	assert_false(narrows("gan", "title:gan"));
	assert_true(narrows("anything", ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(reads_words_phrases_negation_and_either),
	        cmocka_unit_test(refuses_what_is_not_a_query),
	        cmocka_unit_test(parentheses_only_in_quotes),
	        cmocka_unit_test(hostile_queries),
	        cmocka_unit_test(matches_over_a_catalog),
	        cmocka_unit_test(narrowing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
