/* catalog: arena texts, duplicates kept once, facets counted; and the display order
 * a reader keeps over it (order.h). */
#include "config.h"

#include "relview/catalog.h"
#include "relview/order.h"
#include "relview/parse.h"
#include "relview/topics.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The catalog's releases in display order, in an order of the test's own. */
static struct order sorted(const struct catalog *cat, bool oldest_first)
{
	struct order o = {0};
	assert_true(order_sort(&o, cat, oldest_first));
	assert_int_equal(o.count, cat->count);
	return o;
}

static void titles_in_order(const struct catalog *cat, bool oldest_first, const char *const *want)
{
	struct order o = sorted(cat, oldest_first);
	for (size_t i = 0; i < cat->count; i++) {
		const struct release *r = order_at(&o, cat, i);
		assert_int_equal(r->title.len, strlen(want[i]));
		assert_memory_equal(r->title.s, want[i], r->title.len);
	}
	order_free(&o);
}

static void newest_first_ties_by_title_undated_last(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	const char *want[] = {"Newest", "alpha", "Beta", "Oldest", "Undated"};
	titles_in_order(cat, false, want);
	catalog_free(cat);
}

static void oldest_first_keeps_undated_last(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	const char *want[] = {"Oldest", "alpha", "Beta", "Newest", "Undated"};
	titles_in_order(cat, true, want);
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
	const char *want[] = {"a",
	                      "Ab",
	                      "AB c",
	                      "ice arrests",
	                      "ice ARRESTS fugitive",
	                      "ICE arrests gang leader",
	                      "ICE arrests gang members in Houston"};
	titles_in_order(cat, false, want);
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

/* One facet per place and per topic, whatever the spelling; the release keeps the
 * text as printed. */
static void facets_fold_spellings_of_one_place_or_topic(void **state)
{
	(void)state;
	struct topic_vocab *vocab = topic_vocab_new();
	struct catalog *cat = catalog_new();
	assert_non_null(vocab);
	assert_non_null(cat);
	catalog_use_vocab(cat, vocab);
	assert_int_equal(catalog_add_input(cat, "bundle.tar.gz"), 0);
	assert_true(
	        add(cat, 20140311, "A", "Houston, TX", "Firearms, Ammunition and Explosives", "a"));
	assert_true(add(cat, 20140312, "B", "Houston, Texas", "Firearms, Ammunition & Explosives",
	                "b"));
	assert_true(add(cat, 20140313, "C", "HOUSTON, TX, United States",
	                "Cultural Property, Art and Antiquities|Cultural Property, Art and "
	                "Antiquities Investigations",
	                "c"));
	assert_true(
	        add(cat, 20140314, "D", "Washington, DC, United States", "Invented Topic", "d"));
	assert_true(add(cat, 20140315, "E", "Washington, DC", "", "e"));
	assert_int_equal(cat->locations.count, 2);
	assert_int_equal(cat->releases[0].location_id, cat->releases[1].location_id);
	assert_int_equal(cat->releases[0].location_id, cat->releases[2].location_id);
	assert_int_equal(cat->releases[3].location_id, cat->releases[4].location_id);
	struct str houston = catalog_location(cat, &cat->releases[2]);
	assert_int_equal(houston.len, 11);
	assert_memory_equal(houston.s, "Houston, TX", 11);
	assert_int_equal(cat->locations.items[cat->releases[0].location_id].count, 3);
	/* the release itself: as printed */
	assert_memory_equal(cat->releases[1].location.s, "Houston, Texas", 14);
	assert_int_equal(cat->topics.count, 3);
	assert_int_equal(catalog_topic(cat, &cat->releases[0], 0),
	                 catalog_topic(cat, &cat->releases[1], 0));
	assert_int_equal(catalog_topic(cat, &cat->releases[0], 0)->count, 2);
	struct str printed = catalog_topic_printed(cat, &cat->releases[1], 0);
	assert_int_equal(printed.len, 33);
	assert_memory_equal(printed.s, "Firearms, Ammunition & Explosives", 33);
	/* two spellings of one topic on one release: one facet, counted once; both
	 * spellings stay as printed */
	assert_int_equal(cat->releases[2].ntopics, 1);
	assert_int_equal(catalog_topic(cat, &cat->releases[2], 0)->count, 1);
	char both[160];
	static const char want_both[] = "Cultural Property, Art and Antiquities" CATALOG_TOPIC_SEP
	                                "Cultural Property, Art and Antiquities Investigations";
	size_t both_len = catalog_join_printed_topics(cat, &cat->releases[2], both, sizeof both);
	assert_int_equal(both_len, sizeof want_both - 1);
	assert_memory_equal(both, want_both, both_len);
	char joined[128];
	size_t len = catalog_join_topics(cat, &cat->releases[1], joined, sizeof joined);
	assert_int_equal(len, 35);
	assert_memory_equal(joined, "Firearms, Ammunition and Explosives", 35);
	len = catalog_join_printed_topics(cat, &cat->releases[1], joined, sizeof joined);
	assert_int_equal(len, 33);
	catalog_free(cat);
	topic_vocab_free(vocab);
}

/* A place printed in capitals and in its own case is one facet, named with the inner
 * capitals the printed case keeps, whichever comes first. */
static void place_facets_are_blind_to_case(void **state)
{
	(void)state;
	static const char *const orders[2][2] = {{"MCALLEN, TX", "McAllen, Texas"},
	                                         {"McAllen, Texas", "MCALLEN, TX"}};
	for (size_t k = 0; k < 2; k++) {
		struct catalog *cat = catalog_new();
		assert_non_null(cat);
		assert_int_equal(catalog_add_input(cat, "bundle.tar.gz"), 0);
		assert_true(add(cat, 20140311, "A", orders[k][0], "", "a"));
		assert_true(add(cat, 20140312, "B", orders[k][1], "", "b"));
		assert_int_equal(cat->locations.count, 1);
		struct str name = catalog_location(cat, &cat->releases[0]);
		assert_int_equal(name.len, 11);
		assert_memory_equal(name.s, "McAllen, TX", 11);
		assert_int_equal(cat->locations.items[0].count, 2);
		catalog_free(cat);
	}
}

/* The facet of each of two spellings, added in either order, and its name. */
static void expect_one_facet(enum facet_kind kind, const char *first, const char *second,
                             const char *named)
{
	const char *const orders[2][2] = {{first, second}, {second, first}};
	for (size_t k = 0; k < 2; k++) {
		struct catalog *cat = catalog_new();
		assert_non_null(cat);
		assert_int_equal(catalog_add_input(cat, "bundle.tar.gz"), 0);
		bool place = kind == FACET_LOCATION;
		assert_true(add(cat, 20140311, "A", place ? orders[k][0] : "",
		                place ? "" : orders[k][0], "a"));
		assert_true(add(cat, 20140312, "B", place ? orders[k][1] : "",
		                place ? "" : orders[k][1], "b"));
		const struct facet_set *set = place ? &cat->locations : &cat->topics;
		assert_int_equal(set->count, 1);
		assert_int_equal(set->items[0].count, 2);
		assert_int_equal(set->items[0].name.len, strlen(named));
		assert_memory_equal(set->items[0].name.s, named, strlen(named));
		catalog_free(cat);
	}
}

/* Spellings that differ in case, accents or punctuation are one facet, named by the
 * one written in both cases with the most accents, then the most capitals. */
static void facets_are_blind_to_accents_and_punctuation(void **state)
{
	(void)state;
	expect_one_facet(FACET_LOCATION, "Bogota, Colombia", "Bogotá, Colombia",
	                 "Bogotá, Colombia");
	expect_one_facet(FACET_LOCATION, "CAÑON CITY, CO", "Cañon City, Colorado",
	                 "Cañon City, CO");
	expect_one_facet(FACET_LOCATION, "St. Louis, MO", "St Louis, MO", "St Louis, MO");
	expect_one_facet(FACET_TOPIC, "Counter-Proliferation Tests", "Counter Proliferation Tests",
	                 "Counter Proliferation Tests");
	expect_one_facet(FACET_TOPIC, "ORGANIZED THEFT", "Organized Theft", "Organized Theft");
}

/* The facet name and count of release i. */
static void expect_place(const struct catalog *cat, size_t i, const char *named, uint32_t count)
{
	struct str name = catalog_location(cat, &cat->releases[i]);
	assert_int_equal(name.len, strlen(named));
	assert_memory_equal(name.s, named, name.len);
	assert_int_equal(cat->locations.items[cat->releases[i].location_id].count, count);
}

/* "Houston, United States" is counted under Houston's one state, and under itself
 * again once Houston is known in a second state: the same whatever the order the
 * three come in (each of the six). */
static void a_us_city_with_no_state_joins_its_one_state(void **state)
{
	(void)state;
	static const char *const places[3] = {"Houston, United States", "HOUSTON, Texas",
	                                      "Houston, MS"};
	static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
	                                 {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
	for (size_t k = 0; k < 6; k++) {
		struct catalog *cat = catalog_new();
		assert_non_null(cat);
		assert_int_equal(catalog_add_input(cat, "bundle.tar.gz"), 0);
		size_t at[3]; /* where each place's release is */
		for (size_t i = 0; i < 3; i++) {
			int p = orders[k][i];
			at[p] = i;
			char entry[2] = {(char)('a' + i), 0};
			assert_true(add(cat, 20140311 + (uint32_t)i, entry, places[p], "", entry));
			bool texas_only = i == 1 && orders[k][2] == 2;
			if (texas_only) /* the bare city and Texas, so far */
				expect_place(cat, at[0], "Houston, TX", 2);
		}
		expect_place(cat, at[0], "Houston, United States", 1);
		expect_place(cat, at[1], "Houston, TX", 1);
		expect_place(cat, at[2], "Houston, MS", 1);
		catalog_free(cat);
	}
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

/* A list frees the texts while it sorts and writes the records: nothing it reads may
 * lie in them. Under ASan a title left in a text is a use after free; without it,
 * a read of unmapped memory. */
static void records_outlive_the_texts_they_came_from(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	assert_true(add(cat, 20200102, "Second", "Denver, CO", "Gangs|Fraud", "dir/b.txt"));
	assert_true(add(cat, 20200101, "First", "", "Fraud", "dir/a.txt"));
	char *dst = catalog_reserve(cat, 4);
	memcpy(dst, "body", 4);
	struct parsed p = {.body = {0, 4}};
	assert_true(catalog_commit(cat, 4, &p, 0, 2, "dir/c.txt", (struct str){dst, 2}));

	catalog_texts_free(catalog_detach_texts(cat));
	struct order o = sorted(cat, false);
	const char *titles[] = {"Second", "First", "bo"}, *entries[] = {"b", "a", "c"};
	for (size_t pos = 0; pos < 3; pos++) {
		const struct release *r = order_at(&o, cat, pos);
		assert_int_equal(r->title.len, strlen(titles[pos]));
		assert_memory_equal(r->title.s, titles[pos], r->title.len);
		assert_int_equal(r->entry[4], entries[pos][0]);
		assert_int_equal(r->text.len + r->body.len + r->location.len + r->subtitle.len, 0);
	}
	const struct release *newest = order_at(&o, cat, 0);
	struct str where = catalog_location(cat, newest);
	assert_int_equal(where.len, 10);
	assert_memory_equal(where.s, "Denver, CO", where.len);
	assert_int_equal(catalog_location(cat, order_at(&o, cat, 1)).len, 0);
	assert_int_equal(newest->ntopics, 2);
	assert_memory_equal(catalog_topic(cat, newest, 1)->name.s, "Fraud", 5);
	order_free(&o);
	catalog_free(cat);
}

static void topics_join_measured_whole_or_cut(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	const struct release *two = &cat->releases[0], *none = &cat->releases[1];
	assert_int_equal(catalog_join_topics(cat, two, NULL, 0), 30);
	assert_int_equal(catalog_join_topics(cat, none, NULL, 0), 0);
	char buf[34];
	memset(buf, '#', sizeof buf);
	assert_int_equal(catalog_join_topics(cat, two, buf, sizeof buf), 30);
	assert_memory_equal(buf, "Narcotics; Transnational Gangs####", 34); /* no NUL written */
	memset(buf, '#', sizeof buf);
	assert_int_equal(catalog_join_topics(cat, two, buf, 11), 30);
	assert_memory_equal(buf, "Narcotics; #", 12); /* cut, nothing past the size */
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
	struct order o = sorted(cat, false);
	for (size_t i = 1; i < cat->count; i++)
		assert_true(order_at(&o, cat, i - 1)->date >= order_at(&o, cat, i)->date);
	order_free(&o);
	catalog_free(cat);
}

/* Release i of a stream whose dates and titles come in no order at all. */
static bool add_shuffled(struct catalog *cat, int i)
{
	char title[32], entry[32];
	snprintf(title, sizeof title, "Release %d", (i * 7919) % 1000);
	snprintf(entry, sizeof entry, "e%d.txt", i);
	uint32_t date = i % 11 == 0 ? 0 : 20000101 + (uint32_t)((i * 104729) % 9) * 10000;
	return fixture_add(cat, date, title, "", "", entry, entry); /* a body of its own */
}

/* The display order by its definition: date (undated last), then the title case
 * blind, shorter first, then byte by byte, then the entry name. */
static int defined_order(const struct release *a, const struct release *b, bool oldest_first)
{
	if (a->date != b->date) {
		if (!a->date || !b->date)
			return a->date ? -1 : 1;
		return (a->date < b->date) == oldest_first ? -1 : 1;
	}
	size_t n = a->title.len < b->title.len ? a->title.len : b->title.len;
	int c = strncasecmp(a->title.s, b->title.s, n);
	if (c == 0)
		c = (a->title.len > b->title.len) - (a->title.len < b->title.len);
	if (c == 0)
		c = memcmp(a->title.s, b->title.s, n);
	return c ? c : strcmp(a->entry, b->entry);
}

/* Undated, on one crowded day, or spread over 56 years and every month. */
static uint32_t spread_date(int i)
{
	if (i % 13 == 0)
		return 0;
	if (i % 5 == 0)
		return 20200102;
	uint32_t year = 1970 + (uint32_t)((i * 7919) % 56);
	return year * 10000 + (uint32_t)(i % 12 + 1) * 100 + (uint32_t)(i % 28 + 1);
}

/* Enough releases for the sort by date digits: dates across decades and months,
 * undated ones, one crowded day, and titles alike in their first 8 bytes. */
static void many_releases_sort_as_defined(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	assert_non_null(cat);
	catalog_add_input(cat, "x");
	static const char *const forms[] = {"ICE arrests", "ice ARRESTS", "Release"};
	for (int i = 0; i < 6000; i++) {
		char title[32], entry[32];
		snprintf(title, sizeof title, "%s %d", forms[i % 3], (i * 31) % 1000);
		snprintf(entry, sizeof entry, "e%d.txt", i);
		assert_true(fixture_add(cat, spread_date(i), title, "", "", entry, entry));
	}
	for (int oldest = 0; oldest <= 1; oldest++) {
		struct order o = sorted(cat, oldest);
		for (size_t i = 1; i < cat->count; i++)
			assert_true(defined_order(order_at(&o, cat, i - 1), order_at(&o, cat, i),
			                          oldest) < 0);
		order_free(&o);
	}
	catalog_free(cat);
}

/* The order is the one a sort of the whole catalog makes, and each rank says where
 * its release is. */
static void order_is_a_full_sort(const struct order *o, const struct catalog *cat)
{
	uint32_t *want = malloc((cat->count ? cat->count : 1) * sizeof *want);
	assert_non_null(want);
	for (size_t i = 0; i < cat->count; i++)
		want[i] = (uint32_t)i;
	assert_true(order_sort_ids(cat, want, cat->count, o->oldest_first));
	assert_int_equal(o->count, cat->count);
	assert_memory_equal(o->ids, want, cat->count * sizeof *want);
	for (size_t pos = 0; pos < o->count; pos++)
		assert_int_equal(o->rank[o->ids[pos]], pos);
	free(want);
}

static void order_update_merges_each_batch_as_a_sort_would(void **state)
{
	(void)state;
	for (int oldest = 0; oldest <= 1; oldest++) {
		struct catalog *cat = catalog_new();
		catalog_add_input(cat, "x");
		struct order o;
		order_init(&o, oldest);
		size_t nadded;
		assert_int_equal(order_update(&o, cat, &nadded), ORDER_SAME);
		int i = 0;
		for (int batch = 1; batch <= 40; batch++) {
			for (int end = i + batch * 3; i < end; i++)
				assert_true(add_shuffled(cat, i));
			assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
			assert_int_equal(nadded, batch * 3);
			/* The new ids, in display order, are the ones just committed. */
			for (size_t k = 0; k < nadded; k++) {
				assert_true(o.added[k] >= cat->count - nadded);
				assert_true(k == 0 ||
				            order_lower_bound(&o, o.added, k, o.added[k]) == k);
			}
			order_is_a_full_sort(&o, cat);
		}
		assert_int_equal(order_update(&o, cat, &nadded), ORDER_SAME);
		order_free(&o);
		catalog_free(cat);
	}
}

static void merge_ids_puts_each_where_it_belongs(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	for (int i = 0; i < 300; i++)
		assert_true(add_shuffled(cat, i));
	struct order o = sorted(cat, false);
	/* Every third release out of a list, then merged back in. */
	uint32_t list[300], out[100];
	size_t n = 0, k = 0;
	for (size_t pos = 0; pos < cat->count; pos++)
		if (pos % 3 == 1)
			out[k++] = o.ids[pos];
		else
			list[n++] = o.ids[pos];
	order_merge_ids(&o, list, n, out, k);
	assert_memory_equal(list, o.ids, cat->count * sizeof *list);
	assert_int_equal(order_lower_bound(&o, list, cat->count, o.ids[17]), 17);
	order_merge_ids(&o, list, 0, list, 0); /* nothing into nothing */
	order_free(&o);
	catalog_free(cat);
}

static void an_earlier_copy_of_an_ordered_release_remakes_the_order(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "bundle.zip");
	struct order o;
	order_init(&o, false);
	assert_true(commit_copy(cat, 7, "late.txt"));
	size_t nadded;
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
	assert_false(commit_copy(cat, 3, "early.txt")); /* takes over the placed record */
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_REMADE);
	assert_int_equal(nadded, 0);
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_SAME);
	order_is_a_full_sort(&o, cat);
	order_free(&o);
	catalog_free(cat);
}

/* A release that takes another copy's key before an order placed it is placed by
 * its new key: nothing to sort again. */
static void an_earlier_copy_of_a_release_not_yet_placed_is_merged(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "bundle.zip");
	struct order o;
	order_init(&o, false);
	assert_true(add(cat, 20200101, "Before", "", "", "a.txt"));
	size_t nadded;
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
	assert_true(commit_copy(cat, 7, "late.txt"));
	assert_false(commit_copy(cat, 3, "early.txt"));
	assert_int_equal(cat->rekeys, 1);
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
	assert_int_equal(nadded, 1);
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_SAME);
	order_is_a_full_sort(&o, cat);
	order_free(&o);
	catalog_free(cat);
}

/* An order is its keeper's alone: two over one catalog, in opposite directions and
 * brought up to date at different times, each stay whole and do not meet. */
static void two_orders_over_one_catalog_keep_their_own(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	struct order newest, oldest;
	order_init(&newest, false);
	order_init(&oldest, true);
	size_t nadded;
	int i = 0;
	for (int batch = 1; batch <= 12; batch++) {
		for (int end = i + batch * 5; i < end; i++)
			assert_true(add_shuffled(cat, i));
		assert_int_equal(order_update(&newest, cat, &nadded), ORDER_ADDED);
		order_is_a_full_sort(&newest, cat);
		if (batch % 3 == 0) { /* the other keeper looks less often */
			assert_int_equal(order_update(&oldest, cat, &nadded), ORDER_ADDED);
			order_is_a_full_sort(&oldest, cat);
		}
	}
	assert_true(add_shuffled(cat, i)); /* one more, for the newest-first keeper only */
	assert_int_equal(order_update(&newest, cat, &nadded), ORDER_ADDED);
	assert_int_equal(oldest.count, cat->count - 1);
	assert_true(order_at(&newest, cat, 0)->date > order_at(&oldest, cat, 0)->date);
	order_is_a_full_sort(&newest, cat);
	order_free(&newest);
	order_free(&oldest);
	catalog_free(cat);
}

/* ---- one thread adds, another reads: the reader's view of a loading catalog ---- */

#define STREAM 3000

static atomic_bool stream_done;

static void *add_stream(void *arg)
{
	struct catalog *cat = arg;
	int i = 0;
	while (i < STREAM && add_shuffled(cat, i))
		i++;
	atomic_store(&stream_done, true);
	return i == STREAM ? cat : NULL;
}

static void a_reader_takes_in_what_a_writer_adds(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	assert_true(catalog_share(cat));
	assert_int_equal(catalog_add_input(cat, "x"), 0);
	struct order o;
	order_init(&o, false);
	pthread_t writer;
	assert_int_equal(pthread_create(&writer, NULL, add_stream, cat), 0);
	size_t seen = 0;
	for (bool last = false; !last;) {
		size_t nadded;
		last = atomic_load(&stream_done); /* then all is in before the lock */
		catalog_lock(cat);
		enum order_update u = order_update(&o, cat, &nadded);
		assert_true(u == ORDER_SAME || u == ORDER_ADDED);
		seen += nadded;
		assert_int_equal(seen, cat->count);
		/* Everything in the order is whole and in its place. */
		if (nadded)
			order_is_a_full_sort(&o, cat);
		catalog_unlock(cat);
	}
	assert_int_equal(seen, STREAM);
	void *result;
	pthread_join(writer, &result);
	assert_ptr_equal(result, cat);
	order_is_a_full_sort(&o, cat);
	order_free(&o);
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
	        cmocka_unit_test(facets_fold_spellings_of_one_place_or_topic),
	        cmocka_unit_test(of_two_copies_the_earlier_entry_wins_in_any_order),
	        cmocka_unit_test(place_facets_are_blind_to_case),
	        cmocka_unit_test(a_us_city_with_no_state_joins_its_one_state),
	        cmocka_unit_test(facets_are_blind_to_accents_and_punctuation),
	        cmocka_unit_test(fallback_title_is_copied_when_outside_the_text),
	        cmocka_unit_test(records_outlive_the_texts_they_came_from),
	        cmocka_unit_test(topics_join_measured_whole_or_cut),
	        cmocka_unit_test(outsized_text_gets_its_own_block),
	        cmocka_unit_test(many_releases_grow_every_index),
	        cmocka_unit_test(many_releases_sort_as_defined),
	        cmocka_unit_test(order_update_merges_each_batch_as_a_sort_would),
	        cmocka_unit_test(merge_ids_puts_each_where_it_belongs),
	        cmocka_unit_test(an_earlier_copy_of_an_ordered_release_remakes_the_order),
	        cmocka_unit_test(an_earlier_copy_of_a_release_not_yet_placed_is_merged),
	        cmocka_unit_test(two_orders_over_one_catalog_keep_their_own),
	        cmocka_unit_test(a_reader_takes_in_what_a_writer_adds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
