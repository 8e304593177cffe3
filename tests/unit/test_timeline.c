/* timeline: releases counted per month and per year (empty months in the span,
 * undated ones apart), what the browse's filters leave to count, and the text of
 * bars and sparklines. */
#include "config.h"

#include "relview/catalog.h"
#include "relview/query.h"
#include "relview/timeline.h"
#include "relview/view.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

static struct timeline *counted(const uint32_t *dates, size_t n)
{
	struct timeline *t = malloc(sizeof *t);
	assert_non_null(t);
	timeline_clear(t);
	for (size_t i = 0; i < n; i++)
		timeline_add(t, dates[i]);
	return t;
}

static void expect_label(const struct timeline *t, enum timeline_unit unit, size_t i,
                         const char *want)
{
	char label[TIMELINE_LABEL_MAX];
	timeline_label(t, unit, i, label);
	assert_string_equal(label, want);
}

static void months_span_first_to_last_with_empty_ones(void **state)
{
	(void)state;
	static const uint32_t dates[] = {20140311, 20140302, 20131105, 20140130, 0, 20140301, 0};
	struct timeline *t = counted(dates, sizeof dates / sizeof *dates);
	assert_int_equal(t->dated, 5);
	assert_int_equal(t->undated, 2);
	/* 2013-11 .. 2014-03: five months, two of them empty. */
	assert_int_equal(timeline_buckets(t, TIMELINE_MONTH), 5);
	static const uint32_t want[] = {1, 0, 1, 0, 3};
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(timeline_at(t, TIMELINE_MONTH, i), want[i]);
	assert_int_equal(timeline_at(t, TIMELINE_MONTH, 5), 0);
	assert_int_equal(timeline_max(t, TIMELINE_MONTH), 3);
	expect_label(t, TIMELINE_MONTH, 0, "2013-11");
	expect_label(t, TIMELINE_MONTH, 4, "2014-03");
	/* Years: 2013 and 2014. */
	assert_int_equal(timeline_buckets(t, TIMELINE_YEAR), 2);
	assert_int_equal(timeline_at(t, TIMELINE_YEAR, 0), 1);
	assert_int_equal(timeline_at(t, TIMELINE_YEAR, 1), 4);
	assert_int_equal(timeline_max(t, TIMELINE_YEAR), 4);
	expect_label(t, TIMELINE_YEAR, 1, "2014");
	free(t);
}

static void nothing_dated_spans_nothing(void **state)
{
	(void)state;
	static const uint32_t dates[] = {0, 0, 18991231, 21010101, 20141301};
	struct timeline *t = counted(dates, sizeof dates / sizeof *dates);
	assert_int_equal(t->undated, 5);
	assert_int_equal(t->dated, 0);
	assert_int_equal(timeline_buckets(t, TIMELINE_MONTH), 0);
	assert_int_equal(timeline_buckets(t, TIMELINE_YEAR), 0);
	assert_int_equal(timeline_find(t, TIMELINE_MONTH, 20140101), 0);
	char line[64];
	assert_int_equal(timeline_sparkline(t, 12, true, line), 0);
	assert_string_equal(line, "");
	free(t);
}

static void the_whole_range_of_dates_counts(void **state)
{
	(void)state;
	static const uint32_t dates[] = {19000101, 21001231};
	struct timeline *t = counted(dates, 2);
	assert_int_equal(timeline_buckets(t, TIMELINE_MONTH), TIMELINE_MONTHS);
	assert_int_equal(timeline_buckets(t, TIMELINE_YEAR), TIMELINE_YEARS);
	expect_label(t, TIMELINE_MONTH, TIMELINE_MONTHS - 1, "2100-12");
	expect_label(t, TIMELINE_YEAR, 0, "1900");
	free(t);
}

static void periods_are_the_date_filters_of_buckets(void **state)
{
	(void)state;
	static const uint32_t dates[] = {20111215, 20120210};
	struct timeline *t = counted(dates, 2);
	uint32_t since, until;
	timeline_period(t, TIMELINE_MONTH, 2, &since, &until); /* 2012-02, a leap year */
	assert_int_equal(since, 20120201);
	assert_int_equal(until, 20120229);
	timeline_period(t, TIMELINE_YEAR, 0, &since, &until);
	assert_int_equal(since, 20110101);
	assert_int_equal(until, 20111231);
	/* A date finds its bucket; one outside the span the nearest end. */
	assert_int_equal(timeline_find(t, TIMELINE_MONTH, 20120131), 1);
	assert_int_equal(timeline_find(t, TIMELINE_YEAR, 20120131), 1);
	assert_int_equal(timeline_find(t, TIMELINE_MONTH, 20100101), 0);
	assert_int_equal(timeline_find(t, TIMELINE_MONTH, 20200101), 2);
	assert_int_equal(timeline_find(t, TIMELINE_MONTH, 0), 0);
	free(t);
}

static void bars_in_eighths_or_ascii(void **state)
{
	(void)state;
	char bar[64];
	/* Full: every cell a full block. */
	assert_int_equal(timeline_bar(10, 10, 4, true, bar), 12);
	assert_string_equal(bar, "████");
	/* Half of 4 cells is 2; 3/8 of 4 cells is 12 eighths: a block and a half. */
	timeline_bar(5, 10, 4, true, bar);
	assert_string_equal(bar, "██");
	timeline_bar(3, 8, 4, true, bar);
	assert_string_equal(bar, "█▌");
	timeline_bar(1, 32, 4, true, bar);
	assert_string_equal(bar, "▏");
	/* Rounded to the nearest eighth: 8/3 is nearer 3 eighths than 2. */
	timeline_bar(1, 3, 1, true, bar);
	assert_string_equal(bar, "▍");
	/* Tiny but not nothing: at least an eighth, or a '#'. */
	timeline_bar(1, 1000000, 10, true, bar);
	assert_string_equal(bar, "▏");
	timeline_bar(1, 1000000, 10, false, bar);
	assert_string_equal(bar, "#");
	assert_int_equal(timeline_bar(0, 10, 10, true, bar), 0);
	assert_string_equal(bar, "");
	assert_int_equal(timeline_bar(3, 10, 0, true, bar), 0);
	/* ASCII rounds to whole cells. */
	timeline_bar(5, 10, 5, false, bar);
	assert_string_equal(bar, "###");
	timeline_bar(10, 10, 5, false, bar);
	assert_string_equal(bar, "#####");
	/* No overflow with counts near the top of the type. */
	timeline_bar(UINT32_MAX, UINT32_MAX, 20, true, bar);
	assert_int_equal(strlen(bar), 3 * 20);
	timeline_bar(UINT32_MAX / 2, UINT32_MAX, 20, false, bar);
	assert_string_equal(bar, "##########");
}

static void bars_never_pass_their_cells(void **state)
{
	(void)state;
	char bar[3 * 200 + 1];
	for (size_t cells = 1; cells <= 200; cells += 7)
		for (uint32_t count = 1; count <= 50; count++) {
			timeline_bar(count, 50, cells, true, bar);
			/* Every glyph is three bytes and one cell wide. */
			assert_true(strlen(bar) % 3 == 0 && strlen(bar) / 3 <= cells);
			timeline_bar(count, 50, cells, false, bar);
			assert_true(strlen(bar) >= 1 && strlen(bar) <= cells);
		}
}

static void sparklines_show_the_last_months(void **state)
{
	(void)state;
	/* 2013-12: 1, 2014-01: 8, 2014-02: none, 2014-03: 4. */
	uint32_t dates[13] = {20131201, 20140304, 20140305, 20140306, 20140307};
	for (size_t i = 5; i < 13; i++)
		dates[i] = 20140101;
	struct timeline *t = counted(dates, 13);
	char line[3 * 16 + 1];
	assert_int_equal(timeline_sparkline(t, 12, true, line), 4);
	assert_string_equal(line, "▁█ ▄");
	assert_int_equal(timeline_sparkline(t, 12, false, line), 4);
	assert_string_equal(line, ".@ =");
	/* The last two months only, scaled to them. */
	assert_int_equal(timeline_sparkline(t, 2, true, line), 2);
	assert_string_equal(line, " █");
	assert_int_equal(timeline_sparkline(t, 0, true, line), 0);
	free(t);
}

/* Releases in three months of two years, with topics to filter by. */
static struct catalog *sample(void)
{
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "bundle.tar.gz");
	assert_true(
	        fixture_add(cat, 20140311, "Gang arrests", "Houston, TX", "Gangs", "gang", NULL));
	assert_true(fixture_add(cat, 20140302, "Drug seizure", "Miami, FL", "Narcotics", "drugs",
	                        NULL));
	assert_true(fixture_add(cat, 20140105, "Gang case", "Austin, TX", "Gangs", "gang", NULL));
	assert_true(fixture_add(cat, 20131120, "Old gang case", "Austin, TX", "Gangs", "old gang",
	                        NULL));
	assert_true(fixture_add(cat, 0, "Undated gang story", "", "Gangs", "gang", NULL));
	return cat;
}

static bool *choose_topic(const struct catalog *cat, const char *name)
{
	bool *chosen = calloc(cat->topics.count, sizeof *chosen);
	assert_non_null(chosen);
	for (size_t i = 0; i < cat->topics.count; i++)
		chosen[i] = cat->topics.items[i].name.len == strlen(name) &&
		            memcmp(cat->topics.items[i].name.s, name, strlen(name)) == 0;
	return chosen;
}

static void the_browse_counts_its_filters_but_not_its_dates(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	struct browse b;
	struct query q = {0};
	struct order order = {0};
	assert_true(order_sort(&order, cat, false));
	assert_true(browse_init(&b, cat, &order, &q));
	struct timeline *t = counted(NULL, 0);

	browse_timeline(&b, t);
	assert_int_equal(t->dated, 4);
	assert_int_equal(t->undated, 1);
	assert_int_equal(timeline_buckets(t, TIMELINE_MONTH), 5);

	/* A topic filter narrows it; the list's version tells it changed. */
	bool *gangs = choose_topic(cat, "Gangs");
	uint64_t version = b.version;
	assert_true(browse_set_facets(&b, FACET_TOPIC, gangs, cat->topics.count));
	assert_true(b.version > version);
	browse_timeline(&b, t);
	assert_int_equal(t->dated, 3);
	assert_int_equal(timeline_at(t, TIMELINE_MONTH, 4), 1); /* 2014-03: the gang arrests */

	/* A date filter does not: every period of the other filters stays to choose. */
	version = b.version;
	browse_set_dates(&b, 20140301, 20140331);
	assert_true(b.version > version);
	size_t n;
	browse_list(&b, &n);
	assert_int_equal(n, 1);
	browse_timeline(&b, t);
	assert_int_equal(t->dated, 3);
	assert_int_equal(t->undated, 1);
	assert_int_equal(timeline_at(t, TIMELINE_YEAR, 0), 1);

	/* The search counts, finished or not. */
	version = b.version;
	assert_true(browse_set_search(&b, "old", 3));
	assert_true(b.version > version);
	browse_timeline(&b, t);
	assert_int_equal(t->dated, 1);
	assert_int_equal(t->undated, 0);
	browse_set_dates(&b, 0, 0);
	assert_true(browse_set_search(&b, "gang", 4));
	browse_timeline(&b, t); /* still searching: the catalog is scanned */
	assert_int_equal(t->dated, 3);
	browse_step(&b, SIZE_MAX);
	browse_timeline(&b, t); /* done: the list is counted */
	assert_int_equal(t->dated, 3);
	assert_int_equal(t->undated, 1);

	free(t);
	free(gangs);
	browse_free(&b);
	order_free(&order);
	catalog_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(months_span_first_to_last_with_empty_ones),
	        cmocka_unit_test(nothing_dated_spans_nothing),
	        cmocka_unit_test(the_whole_range_of_dates_counts),
	        cmocka_unit_test(periods_are_the_date_filters_of_buckets),
	        cmocka_unit_test(bars_in_eighths_or_ascii),
	        cmocka_unit_test(bars_never_pass_their_cells),
	        cmocka_unit_test(sparklines_show_the_last_months),
	        cmocka_unit_test(the_browse_counts_its_filters_but_not_its_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
