/* catalog: arena texts, duplicates kept once, facets counted, display order. */
#include "config.h"

#include "relview/catalog.h"
#include "relview/parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

/* A release with these fields (topics separated by '|') and no body. */
static bool add(struct catalog *cat, uint32_t date, const char *title, const char *location,
                const char *topics, const char *entry)
{
	return fixture_add(cat, date, title, location, topics, "", entry);
}

static struct catalog *sample(void)
{
	struct catalog *cat = catalog_new();
	assert_non_null(cat);
	assert_int_equal(catalog_add_input(cat, "bundle.tar.gz"), 0);
	assert_true(
	        add(cat, 20140311, "Beta", "Houston, TX", "Narcotics|Transnational Gangs", "a"));
	assert_true(add(cat, 0, "Undated", "", "", "b"));
	assert_true(add(cat, 20150101, "Newest", "Houston, TX", "Narcotics", "c"));
	assert_true(add(cat, 20140311, "alpha", "Miami, FL", "", "d"));
	assert_true(add(cat, 19990101, "Oldest", "", "Contraband", "e"));
	return cat;
}

static void titles_in_order(const struct catalog *cat, const char *const *want)
{
	for (size_t i = 0; i < cat->count; i++) {
		const struct release *r = catalog_at(cat, i);
		assert_int_equal(r->title.len, strlen(want[i]));
		assert_memory_equal(r->title.s, want[i], r->title.len);
	}
}

static void newest_first_ties_by_title_undated_last(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	assert_true(catalog_sort(cat, false));
	const char *want[] = {"Newest", "alpha", "Beta", "Oldest", "Undated"};
	titles_in_order(cat, want);
	catalog_free(cat);
}

static void oldest_first_keeps_undated_last(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	assert_true(catalog_sort(cat, true));
	const char *want[] = {"Oldest", "alpha", "Beta", "Newest", "Undated"};
	titles_in_order(cat, want);
	catalog_free(cat);
}

/* Titles alike in their first bytes, in case, or in all but their length: the
 * order is still the one a case-blind comparison of whole titles gives. */
static void same_day_titles_in_case_blind_order(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	assert_non_null(cat);
	assert_int_equal(catalog_add_input(cat, "bundle.tar.gz"), 0);
	const char *titles[] = {"ICE arrests gang members in Houston",
	                        "Ab",
	                        "ice ARRESTS fugitive",
	                        "ICE arrests gang leader",
	                        "a",
	                        "AB c",
	                        "ice arrests"};
	for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
		char entry[8];
		snprintf(entry, sizeof entry, "e%zu", i);
		assert_true(add(cat, 20200102, titles[i], "", "", entry));
	}
	assert_true(catalog_sort(cat, false));
	const char *want[] = {"a",
	                      "Ab",
	                      "AB c",
	                      "ice arrests",
	                      "ice ARRESTS fugitive",
	                      "ICE arrests gang leader",
	                      "ICE arrests gang members in Houston"};
	titles_in_order(cat, want);
	catalog_free(cat);
}

static void identical_text_is_kept_once(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	assert_false(
	        add(cat, 20140311, "Beta", "Houston, TX", "Narcotics|Transnational Gangs", "z"));
	assert_int_equal(cat->count, 5);
	assert_int_equal(cat->duplicates, 1);
	/* one byte different is another release */
	assert_true(
	        add(cat, 20140311, "Beta!", "Houston, TX", "Narcotics|Transnational Gangs", "z"));
	assert_int_equal(cat->count, 6);
	catalog_free(cat);
}

/* Commit "same text" as the seq'th entry named `entry`. */
static bool commit_copy(struct catalog *cat, uint64_t seq, const char *entry)
{
	char *dst = catalog_reserve(cat, 9);
	memcpy(dst, "same text", 9);
	struct parsed p = {.title = {0, 4}};
	return catalog_commit(cat, 9, &p, 0, seq, entry, (struct str){NULL, 0});
}

static void of_two_copies_the_earlier_entry_wins_in_any_order(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "bundle.zip");
	assert_true(commit_copy(cat, 7, "late.txt"));
	assert_false(commit_copy(cat, 3, "early.txt")); /* arrives second, read first */
	assert_false(commit_copy(cat, 9, "later.txt"));
	assert_int_equal(cat->count, 1);
	assert_string_equal(cat->releases[0].entry, "early.txt");
	assert_int_equal(cat->releases[0].seq, 3);
	catalog_free(cat);
}

static void facets_are_interned_and_counted(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	assert_int_equal(cat->topics.count, 3);
	assert_int_equal(cat->locations.count, 2);
	for (size_t i = 0; i < cat->topics.count; i++) {
		const struct facet *f = &cat->topics.items[i];
		uint32_t want = f->name.len == 9 && memcmp(f->name.s, "Narcotics", 9) == 0 ? 2 : 1;
		assert_int_equal(f->count, want);
	}
	const struct release *r = &cat->releases[0];
	assert_int_equal(r->ntopics, 2);
	assert_memory_equal(catalog_topic(cat, r, 1)->name.s, "Transnational Gangs", 19);
	assert_int_equal(cat->releases[1].location_id, FACET_NONE);
	assert_int_equal(cat->releases[0].location_id, cat->releases[2].location_id);
	catalog_free(cat);
}

static void fallback_title_is_copied_when_outside_the_text(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	char *dst = catalog_reserve(cat, 4);
	memcpy(dst, "body", 4);
	struct parsed p = {.body = {0, 4}};
	char name[] = "file-name";
	assert_true(catalog_commit(cat, 4, &p, 0, 0, "dir/file-name.txt", (struct str){name, 9}));
	name[0] = 'X'; /* the catalog must not keep the caller's buffer */
	assert_memory_equal(cat->releases[0].title.s, "file-name", 9);
	assert_string_equal(cat->releases[0].entry, "dir/file-name.txt");
	catalog_free(cat);
}

static void outsized_text_gets_its_own_block(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	size_t big = (size_t)20 << 20;
	char *dst = catalog_reserve(cat, big * 3);
	memset(dst, 'a', big);
	struct parsed p = {.title = {0, 10}};
	assert_true(catalog_commit(cat, big, &p, 0, 0, NULL, (struct str){NULL, 0}));
	assert_true(add(cat, 20200101, "After", "", "", "y"));
	assert_int_equal(cat->releases[0].text.len, big);
	assert_int_equal(cat->releases[0].text.s[big - 1], 'a');
	catalog_free(cat);
}

static void many_releases_grow_every_index(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	char title[32], topic[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(title, sizeof title, "Release %d", i);
		snprintf(topic, sizeof topic, "Topic %d", i % 700);
		assert_true(add(cat, 20000101 + (uint32_t)(i % 28), title, "", topic, NULL));
	}
	assert_int_equal(cat->count, 5000);
	assert_int_equal(cat->topics.count, 700);
	assert_false(add(cat, 20000101 + 4999 % 28, "Release 4999", "", "Topic 99", NULL));
	assert_true(catalog_sort(cat, false));
	for (size_t i = 1; i < cat->count; i++)
		assert_true(catalog_at(cat, i - 1)->date >= catalog_at(cat, i)->date);
	catalog_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(newest_first_ties_by_title_undated_last),
	        cmocka_unit_test(oldest_first_keeps_undated_last),
	        cmocka_unit_test(same_day_titles_in_case_blind_order),
	        cmocka_unit_test(identical_text_is_kept_once),
	        cmocka_unit_test(facets_are_interned_and_counted),
	        cmocka_unit_test(of_two_copies_the_earlier_entry_wins_in_any_order),
	        cmocka_unit_test(fallback_title_is_copied_when_outside_the_text),
	        cmocka_unit_test(outsized_text_gets_its_own_block),
	        cmocka_unit_test(many_releases_grow_every_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
