/* query and facetname: topic and location values, date bounds and the search, and
 * their combination over a small catalog. */
#include "config.h"

#include "relview/catalog.h"
#include "relview/facetname.h"
#include "relview/order.h"
#include "relview/parse.h"
#include "relview/query.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

static bool topic(const char *name, const char *value)
{
	return facetname_topic_matches(name, strlen(name), value);
}

static bool place(const char *location, const char *value)
{
	return facetname_location_matches(location, strlen(location), value);
}

static bool typed(const char *location, const char *typing)
{
	return facetname_location_typed(location, strlen(location), typing);
}

static void topic_values_match_words_of_the_name(void **state)
{
	(void)state;
	assert_true(topic("Transnational Gangs", "gangs"));
	assert_true(topic("Transnational Gangs", "GANG"));
	assert_true(topic("Transnational Gangs", "transnational gangs"));
	assert_true(topic("Cultural Property, Art and Antiquities Investigations", "art"));
	assert_false(topic("Transnational Gangs", "angs"));
	assert_false(topic("Narcotics", "gangs"));
	assert_false(topic("Transnational Gangs", "gangs narcotics"));
	assert_false(topic("Narcotics", ""));
	assert_false(topic("Narcotics", " , "));
}

static void location_values_match_parts_and_states(void **state)
{
	(void)state;
	assert_true(place("Houston, TX", "texas"));
	assert_true(place("Houston, TX", "TX"));
	assert_true(place("Austin, Texas", "tx"));
	assert_true(place("Houston, TX", "houston"));
	assert_true(place("Houston, TX", "Houston, Texas"));
	assert_true(place("Mexico City, Mexico", "mexico"));
	assert_true(place("Miami, FL, United States", "united states"));
	assert_true(place("Washington, D.C.", "dc"));
	assert_true(place("Washington, DC, United States", "D.C."));
	assert_false(place("Houston, TX", "Dallas, Texas"));
	assert_false(place("Mexico City, Mexico", "new mexico"));
	assert_false(place("Santa Fe, NM", "mexico"));
	assert_true(place("Santa Fe, NM", "new mexico"));
	assert_false(place("Houston, TX", ""));
}

/* Words of a place begin with the value's words, accents folded; the United States
 * has its names, and a state's name is not its words. */
static void location_values_are_word_prefixes(void **state)
{
	(void)state;
	assert_true(place("Houston, TX", "hou"));
	assert_true(place("San Jose, CA", "jose"));
	assert_true(place("San Juan, PR", "san j"));
	assert_true(place("San Juan, PR", "san,j")); /* a comma parts words too */
	assert_true(place("Seattle, WA", "seat"));
	assert_true(place("Washington, DC", "washington dc"));
	assert_true(place("Mayagüez, Puerto Rico", "mayaguez"));
	assert_true(place("Ciudad Juárez, Mexico", "JUAREZ"));
	assert_true(place("Houston, TX", "usa"));
	assert_true(place("Houston, TX", "u.s."));
	assert_true(place("Miami, FL, United States", "us"));
	assert_true(place("Miami, United States", "united states of america"));
	assert_true(place("Sacramento, CA", "calif."));
	assert_false(place("Mexico City, Mexico", "usa"));
	assert_false(place("Rome, Italy", "us"));
	assert_false(place("Santa Fe, New Mexico", "mexico"));
	assert_false(place("Houston, TX", "ouston"));
}

/* A state's name and the country's match from their first word, an abbreviation
 * that is a code is that code only, and an accent typed counts. */
static void location_names_and_abbreviations(void **state)
{
	(void)state;
	assert_true(place("Mayagüez, Puerto Rico", "puerto"));
	assert_true(place("San Juan, PR", "puerto r"));
	assert_true(place("Albany, New York", "new y"));
	assert_true(place("Española, NM", "new m"));
	assert_false(place("Manchester, NH", "new m"));
	assert_true(place("Manchester, NH", "new h"));
	assert_true(place("New York, NY", "new york city") == false);
	assert_true(place("New York City, NY", "new york city"));
	assert_true(place("Miami, FL", "united"));
	assert_false(place("Mayagüez, Puerto Rico", "rico"));
	assert_false(place("Miami, FL", "states"));
	assert_true(place("San Juan, PR", "p.r."));
	assert_false(place("King of Prussia, PA", "p.r."));
	assert_true(typed("King of Prussia, PA", "pr"));
	assert_true(place("St. Louis, MO", "st. louis"));
	assert_true(place("Cañon City, CO", "cañon"));
	assert_true(place("Cañon City, CO", "canon"));
	assert_true(place("Mayagüez, Puerto Rico", "MAYAGUEZ"));
	/* A city named like a state is not in it (an abbreviation is the state only). */
	assert_false(place("Washington, DC", "wash."));
	assert_true(place("Seattle, WA", "wash."));
	assert_false(place("Delaware, OH", "del."));
	assert_true(place("Dover, DE", "del."));
	assert_true(place("Delaware, OH", "delaware"));
	assert_true(place("Puerto Rico", "p.r."));
}

/* A place is one facet whatever accents were printed: a value's accent is folded
 * too ("méxico" is "Mexico"), in the picker's typing as in a filter. */
static void location_values_fold_accents_always(void **state)
{
	(void)state;
	assert_true(place("Mexico City, Mexico", "méxico"));
	assert_true(place("Ciudad Juárez, Mexico", "Ciudad Juárez"));
	assert_true(place("Ciudad Juarez, Mexico", "juárez"));
	assert_true(place("Bogota, Colombia", "bogotá"));
	assert_true(place("Bogotá, Colombia", "bogota"));
	assert_true(place("Newark, NJ", "ñ"));
	assert_true(typed("Mexico City, Mexico", "méx"));
	assert_false(place("Santa Fe, NM", "méxico"));
}

/* A whole value that is a postal code alone is that state only; typed in the
 * picker it is on its way to a word ("ca" to "cairo"). */
static void location_postal_code_alone_is_the_state(void **state)
{
	(void)state;
	assert_true(place("Sacramento, CA", "ca"));
	assert_true(place("Sacramento, CA", "CA"));
	assert_true(place("California", "ca"));
	assert_false(place("Camden, NJ", "ca"));
	assert_false(place("Cairo, Egypt", "ca"));
	assert_false(place("Toronto, Canada", "ca"));
	assert_false(place("Cañon City, CO", "ca"));
	assert_false(place("King of Prussia, PA", "pr"));
	assert_true(place("San Juan, PR", "PR"));
	assert_false(place("New Delhi, India", "in"));
	assert_true(place("Indianapolis, IN", "in"));
	assert_false(place("Hartford, CT", "co")); /* not Connecticut's name */
	assert_true(place("Denver, CO", "co"));
	assert_true(place("Houston, TX", "tx"));
	assert_true(place("Cairo, Egypt", "cai"));
	assert_true(place("Camden, NJ", "ca nj"));
	assert_true(typed("Cairo, Egypt", "ca"));
	assert_true(typed("Camden, NJ", "ca"));
	assert_true(typed("Sacramento, CA", "ca"));
}

static void topic_values_fold_accents(void **state)
{
	(void)state;
	assert_true(topic("Inmigración", "inmigracion"));
	assert_true(topic("Inmigración", "INMIGRACIÓN"));
	assert_false(topic("Inmigracion", "inmigración"));
	assert_true(topic("Transnational Gangs", "GANGS"));
	assert_false(topic("Transnational Gangs", "nat"));
}

static void add(struct catalog *cat, uint32_t date, const char *title, const char *location,
                const char *topic, const char *body)
{
	assert_true(fixture_add(cat, date, title, location, topic, body, NULL));
}

static struct catalog *sample(void)
{
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	add(cat, 20140311, "Gang arrests", "Houston, TX", "Transnational Gangs", "MS-13 members");
	add(cat, 20130101, "Drug seizure", "Miami, FL", "Narcotics", "Cocaine was found.");
	add(cat, 20120615, "Artifacts returned", "Mexico City, Mexico", "", "Pottery.");
	add(cat, 0, "Undated gang story", "", "Transnational Gangs", "no date here");
	return cat;
}

/* Run a query and compare the titles of the view with want (NULL-terminated). */
static void expect_view(const struct catalog *cat, const struct query *q, const char **want)
{
	struct filter f;
	struct order order = {0};
	uint32_t view[16];
	assert_true(filter_init(&f, cat, q));
	assert_true(order_sort(&order, cat, false));
	size_t n = filter_view(&f, &order, view), k = 0;
	for (; want[k]; k++) {
		assert_true(k < n);
		assert_memory_equal(cat->releases[view[k]].title.s, want[k], strlen(want[k]));
	}
	assert_int_equal(n, k);
	order_free(&order);
	filter_free(&f);
}

static void filters_combine_and_between_kinds_or_within(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	const char *gangs[] = {"gangs"}, *two[] = {"gangs", "narcotics"}, *tx[] = {"texas"};
	expect_view(cat, &(struct query){0},
	            (const char *[]){"Gang arrests", "Drug seizure", "Artifacts returned",
	                             "Undated gang story", NULL});
	expect_view(cat, &(struct query){.topics = gangs, .ntopics = 1},
	            (const char *[]){"Gang arrests", "Undated gang story", NULL});
	expect_view(cat, &(struct query){.topics = two, .ntopics = 2},
	            (const char *[]){"Gang arrests", "Drug seizure", "Undated gang story", NULL});
	expect_view(cat,
	            &(struct query){.topics = two, .ntopics = 2, .locations = tx, .nlocations = 1},
	            (const char *[]){"Gang arrests", NULL});
	expect_view(cat, &(struct query){.since = 20130101, .until = 20131231},
	            (const char *[]){"Drug seizure", NULL});
	expect_view(cat, &(struct query){.since = 20130101},
	            (const char *[]){"Gang arrests", "Drug seizure", NULL});
	expect_view(cat, &(struct query){.search = "cocaine"},
	            (const char *[]){"Drug seizure", NULL});
	expect_view(cat, &(struct query){.search = "Cocaine"},
	            (const char *[]){"Drug seizure", NULL});
	expect_view(cat, &(struct query){.search = "COCAINE"}, (const char *[]){NULL});
	expect_view(cat, &(struct query){.search = "gang"},
	            (const char *[]){"Gang arrests", "Undated gang story", NULL});
	catalog_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(topic_values_match_words_of_the_name),
	        cmocka_unit_test(location_values_match_parts_and_states),
	        cmocka_unit_test(location_values_are_word_prefixes),
	        cmocka_unit_test(location_names_and_abbreviations),
	        cmocka_unit_test(location_values_fold_accents_always),
	        cmocka_unit_test(location_postal_code_alone_is_the_state),
	        cmocka_unit_test(topic_values_fold_accents),
	        cmocka_unit_test(filters_combine_and_between_kinds_or_within),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
