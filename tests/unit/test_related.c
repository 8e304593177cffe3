/* related: names found in text, releases of the same topic and place near in time,
 * releases sharing rare names, the ranking and the reasons given. */
#include "config.h"

#include "relview/catalog.h"
#include "relview/related.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

/* The names related_names() finds in text, joined by " | ". */
static const char *names_of(const char *text)
{
	static char out[512];
	struct str names[16];
	size_t n = related_names((struct str){text, strlen(text)}, names, 16);
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s", i ? " | " : "",
		                        (int)names[i].len, names[i].s);
	return out;
}

static void names_are_runs_of_capitalised_words(void **state)
{
	(void)state;
	assert_string_equal(names_of("Agents of Operation Quiet Storm arrested Sterus Feranford."),
	                    "Operation Quiet Storm | Sterus Feranford");
	/* One word, acronyms and lower-case words are no names; punctuation ends one. */
	assert_string_equal(names_of("Houston police and HSI Houston, Texas. Agents spent"), "");
	assert_string_equal(names_of("Seattle, Washington State"), "Washington State");
	/* UTF-8 capitals and lower case; hyphens and apostrophes inside words. */
	assert_string_equal(names_of("Danoon Teruúa, 55, of Manchester"), "Danoon Teruúa");
	assert_string_equal(names_of("Órla O'Brien-Smith met"), "Órla O'Brien-Smith");
	assert_string_equal(names_of("MAYAGÜEZ, P.R. — Jane Roe"), "Jane Roe");
}

static void names_lose_the_words_that_lead_up_to_them(void **state)
{
	(void)state;
	assert_string_equal(
	        names_of("said HSI Seattle Acting Field Office Director Sterus Feranford."),
	        "Sterus Feranford");
	assert_string_equal(names_of("Special Agent in Charge Jane Q. Doe said"), "Jane Q. Doe");
	assert_string_equal(names_of("During Operation Quiet Storm, The Department of Labor"),
	                    "Operation Quiet Storm");
	assert_string_equal(names_of("In March John Doe"), "John Doe");
	/* A possessive ends the name; a trailing initial is dropped. */
	assert_string_equal(names_of("Jane Roe’s lawyer, Ann Lee Q. said"), "Jane Roe | Ann Lee");
	/* An initial does not start one; a headline's long run is none. */
	assert_string_equal(names_of("U.S. Attorney Jane Roe"), "Jane Roe");
	assert_string_equal(
	        names_of("Pre-Columbian Artifacts Stolen Decades Ago Returned to India"), "");
}

/* Fixture releases: a title, a location, topics and a body per release. */
static struct catalog *catalog_of(const char *const rows[][5], size_t n)
{
	struct catalog *cat = catalog_new();
	assert_non_null(cat);
	for (size_t i = 0; i < n; i++)
		assert_true(fixture_add(cat, (uint32_t)strtoul(rows[i][0], NULL, 10), rows[i][1],
		                        rows[i][2], rows[i][3], rows[i][4], NULL));
	return cat;
}

/* The related releases of release `id` as "TITLE: WHY" lines. */
static char *related_of(const struct catalog *cat, uint32_t id)
{
	static char out[2048];
	struct related_index *ix = related_new(cat);
	struct related *items;
	size_t n, len = 0;
	assert_non_null(ix);
	assert_true(related_find(ix, id, &items, &n));
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const struct release *r = &cat->releases[items[i].id];
		len += (size_t)snprintf(out + len, sizeof out - len, "%.*s: %s\n",
		                        (int)r->title.len, r->title.s, items[i].why);
	}
	free(items);
	related_free(ix);
	return out;
}

static void same_topic_and_place_within_thirty_days(void **state)
{
	(void)state;
	static const char *const rows[][5] = {
	        {"20200301", "Origin", "Houston, TX", "Narcotics|Gangs", "Seized."},
	        {"20200313", "Later", "Houston, TX", "Gangs", "Arrested."},
	        {"20200131", "Thirty earlier", "Houston, TX", "Narcotics", "Charged."},
	        {"20200130", "Too early", "Houston, TX", "Narcotics", "Sentenced."},
	        {"20200301", "Same day", "Houston, TX", "Narcotics", "Removed."},
	        {"20200305", "Other place", "Dallas, TX", "Narcotics", "Seized too."},
	        {"20200305", "Other topic", "Houston, TX", "Fraud", "Indicted."},
	        {"0", "Undated", "Houston, TX", "Narcotics", "Undated."},
	};
	struct catalog *cat = catalog_of(rows, sizeof rows / sizeof *rows);
	/* Newest first, as the list is. */
	assert_string_equal(related_of(cat, 0),
	                    "Later: same topic+place, 12 days later\n"
	                    "Same day: same topic+place, same day\n"
	                    "Thirty earlier: same topic+place, 30 days earlier\n");
	/* Undated, or without a place: nothing of this kind. */
	assert_string_equal(related_of(cat, 7), "");
	catalog_free(cat);
}

/* A catalog where "Operation Quiet Storm" is in releases 0 and 3, "Sterus Feranford"
 * in 0, 2 and 3, and "Homeland Security Investigations" in more than are rare. */
static struct catalog *names_catalog(void)
{
	static const char *const rows[][5] = {
	        {"20200301", "Origin", "Houston, TX", "Narcotics",
	         "Homeland Security Investigations led Operation Quiet Storm with Sterus "
	         "Feranford."},
	        {"20150101", "Unrelated", "Boston, MA", "Fraud", "Nothing in common here."},
	        {"20200310", "One shared", "Seattle, WA", "Fraud",
	         "Agents thanked Sterus Feranford and Homeland Security Investigations."},
	        {"20190101", "Two shared", "Miami, FL", "Gangs",
	         "Operation Quiet Storm ended; Sterus Feranford retired."},
	        {"20200315", "Near in place", "Houston, TX", "Narcotics",
	         "Homeland Security Investigations again, and Sterus Feranford."},
	};
	struct catalog *cat = catalog_of(rows, sizeof rows / sizeof *rows);
	for (int i = 0; i < RELATED_RARE_MAX; i++) {
		char title[64];
		snprintf(title, sizeof title, "Filler %d", i);
		assert_true(fixture_add(cat, 20100101 + (uint32_t)i, title, "Reno, NV", "Fraud",
		                        "Homeland Security Investigations worked the case.", NULL));
	}
	return cat;
}

static void rare_names_relate_and_common_ones_do_not(void **state)
{
	(void)state;
	struct catalog *cat = names_catalog();
	/* Both reasons come first, then names shared, newest first (not the most shared
	 * first); the common name is never a reason. */
	assert_string_equal(related_of(cat, 0),
	                    "Near in place: same topic+place, 14 days later; shares: Sterus "
	                    "Feranford\n"
	                    "One shared: shares: Sterus Feranford\n"
	                    "Two shared: shares: Operation Quiet Storm, Sterus Feranford\n");
	assert_string_equal(related_of(cat, 1), "");
	catalog_free(cat);
}

/* The names catalog and `count` more releases that hold "Reno Office"; returns the
 * id of the first of them. */
static uint32_t add_reno(struct catalog *cat, int count)
{
	uint32_t first = (uint32_t)cat->count;
	for (int i = 0; i < count; i++) {
		char title[64];
		snprintf(title, sizeof title, "Reno %d", i);
		assert_true(fixture_add(cat, 20000101 + (uint32_t)i * 100, title, "", "",
		                        "The Reno Office closed the case.", NULL));
	}
	return first;
}

static void a_name_held_by_too_many_is_not_rare(void **state)
{
	(void)state;
	struct catalog *cat = names_catalog();
	uint32_t first = add_reno(cat, RELATED_RARE_MAX);
	const char *got = related_of(cat, first);
	assert_non_null(strstr(got, "Reno 1: shares: Reno Office\n"));
	assert_null(strstr(got, "Reno 0:")); /* never itself */
	catalog_free(cat);

	cat = names_catalog();
	first = add_reno(cat, RELATED_RARE_MAX + 1);
	assert_string_equal(related_of(cat, first), "");
	catalog_free(cat);
}

/* "Utah State Police" is in two releases only, but "State Police" ends the names
 * of more than RELATED_RARE_MAX: an agency of a kind, which relates no two cases;
 * "Dallas Police Department" so too. A person's name of three words still relates. */
static void names_that_end_as_many_do_are_not_rare(void **state)
{
	(void)state;
	static const char *const states[] = {"Idaho",    "Ohio",    "Iowa",   "Maine",  "Texas",
	                                     "Nevada",   "Utah",    "Oregon", "Kansas", "Virginia",
	                                     "Maryland", "Alabama", "Florida"};
	static const char *const rows[][5] = {
	        {"20200301", "Origin", "Houston, TX", "Narcotics",
	         "The Utah State Police, the Dallas Police Department and Maria Elena Ruiz."},
	        {"20200310", "Troopers", "Provo, UT", "Fraud",
	         "The Utah State Police arrested two."},
	        {"20200312", "Dallas", "Boston, MA", "Gangs",
	         "The Dallas Police Department helped."},
	        {"20190101", "Ruiz", "Miami, FL", "Gangs", "Maria Elena Ruiz testified."},
	};
	struct catalog *cat = catalog_of(rows, sizeof rows / sizeof *rows);
	for (size_t i = 0; i < sizeof states / sizeof *states; i++) {
		char title[64], body[128];
		snprintf(title, sizeof title, "Filler %zu", i);
		snprintf(body, sizeof body,
		         "The %s State Police and the %s Police Department worked the case.",
		         states[i], states[i]);
		assert_true(fixture_add(cat, 20100101 + (uint32_t)i, title, "Reno, NV", "Fraud",
		                        body, NULL));
	}
	assert_string_equal(related_of(cat, 0), "Ruiz: shares: Maria Elena Ruiz\n");
	assert_string_equal(related_of(cat, 1), "");
	catalog_free(cat);
}

static void an_empty_catalog_and_one_alone(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	struct related_index *ix = related_new(cat);
	struct related *items;
	size_t n;
	assert_non_null(ix);
	assert_false(related_find(ix, 0, &items, &n)); /* no such release */
	related_free(ix);
	assert_true(fixture_add(cat, 20200101, "Alone", "Houston, TX", "Narcotics",
	                        "Operation Quiet Storm", NULL));
	assert_string_equal(related_of(cat, 0), "");
	catalog_free(cat);
}

/* A name in a subtitle relates as one in the title or body does ("HSI Anchorage
 * seizes $269,000" and its subtitle "Case is part of Operation Quiet Bridge"). */
static void names_in_subtitles_relate(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	assert_non_null(cat);
	assert_true(fixture_add_subtitled(cat, 20140311, "HSI Anchorage seizes $269,000",
	                                  "Case is part of Operation Quiet Bridge", "Anchorage, AK",
	                                  "Financial Crimes", "Agents seized the money.", NULL));
	assert_true(fixture_add(cat, 20140101, "Two charged in Alaska", "Juneau, AK", "Narcotics",
	                        "The arrests came out of Operation Quiet Bridge.", NULL));
	assert_true(fixture_add_subtitled(cat, 20130101, "Smuggler sentenced",
	                                  "Operation Quiet Bridge nets a third", "Nome, AK",
	                                  "Smuggling", "He was sentenced.", NULL));
	assert_true(fixture_add(cat, 20120101, "Unrelated", "Boston, MA", "Fraud",
	                        "Nothing in common here.", NULL));
	assert_string_equal(related_of(cat, 0),
	                    "Two charged in Alaska: shares: Operation Quiet Bridge\n"
	                    "Smuggler sentenced: shares: Operation Quiet Bridge\n");
	assert_string_equal(related_of(cat, 2),
	                    "HSI Anchorage seizes $269,000: shares: Operation Quiet Bridge\n"
	                    "Two charged in Alaska: shares: Operation Quiet Bridge\n");
	catalog_free(cat);
}

/* A catalog still loading grows while the index is built: the index covers the
 * releases there were when it began, finishes over them, and answers for a release
 * that came after it (the reader's related pane uses it meanwhile). */
static void the_index_covers_the_releases_it_began_over(void **state)
{
	(void)state;
	struct catalog *cat = names_catalog();
	size_t began = cat->count;
	struct related_index *ix = related_new(cat);
	bool ok;
	assert_non_null(ix);
	assert_false(related_index_step(ix, 2, &ok));
	assert_true(fixture_add(cat, 20200320, "Came later", "Denver, CO", "Gangs",
	                        "Sterus Feranford spoke of Operation Quiet Storm.", NULL));
	assert_int_equal(related_index_covers(ix), began);
	size_t steps = 0;
	while (!related_index_step(ix, 1, &ok) && ok)
		steps++;
	assert_true(ok);
	assert_true(steps < 2 * began); /* the newcomer is not waited for */
	struct related *items;
	size_t n;
	assert_true(related_find(ix, (uint32_t)began, &items, &n));
	assert_true(n >= 2);
	bool origin = false, two_shared = false;
	for (size_t i = 0; i < n; i++) {
		origin |= items[i].id == 0;
		two_shared |= items[i].id == 3;
		assert_true(items[i].id != began); /* never itself */
	}
	assert_true(origin && two_shared);
	free(items);
	related_free(ix);
	catalog_free(cat);
}

/* Built a release at a time, then a sort pass at a time, the index counts up and
 * answers as one built at once. */
static void the_index_builds_in_steps(void **state)
{
	(void)state;
	struct catalog *cat = names_catalog();
	struct related_index *ix = related_new(cat);
	bool ok;
	int before = 0;
	size_t steps = 1;
	assert_non_null(ix);
	assert_int_equal(related_index_percent(ix), 0);
	for (; !related_index_step(ix, 1, &ok); steps++) {
		assert_true(ok);
		assert_true(related_index_percent(ix) >= before);
		assert_true(related_index_percent(ix) < 100);
		before = related_index_percent(ix);
	}
	assert_true(steps > cat->count + 1); /* a release a step, then the sort's passes */
	assert_true(ok);
	assert_int_equal(related_index_percent(ix), 100);
	struct related *items;
	size_t n;
	assert_true(related_find(ix, 0, &items, &n));
	assert_int_equal(n, 3);
	assert_int_equal(items[0].id, 4);
	assert_string_equal(items[2].why, "shares: Operation Quiet Storm, Sterus Feranford");
	free(items);
	related_free(ix);
	catalog_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(names_are_runs_of_capitalised_words),
	        cmocka_unit_test(names_lose_the_words_that_lead_up_to_them),
	        cmocka_unit_test(same_topic_and_place_within_thirty_days),
	        cmocka_unit_test(rare_names_relate_and_common_ones_do_not),
	        cmocka_unit_test(a_name_held_by_too_many_is_not_rare),
	        cmocka_unit_test(names_that_end_as_many_do_are_not_rare),
	        cmocka_unit_test(an_empty_catalog_and_one_alone),
	        cmocka_unit_test(names_in_subtitles_relate),
	        cmocka_unit_test(the_index_builds_in_steps),
	        cmocka_unit_test(the_index_covers_the_releases_it_began_over),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
