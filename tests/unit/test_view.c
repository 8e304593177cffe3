/* view: scrolling, list columns, the browse filters and incremental search, marks,
 * jumps and a catalog still loading — the list's rules, without a terminal; the
 * reader's layout, the pickers and the prompt editor are test_reader.c's. */
#include "config.h"

#include "relview/catalog.h"
#include "relview/parse.h"
#include "relview/state.h"
#include "relview/view.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "view_check.h"

static void scrolling_keeps_the_cursor_in_view(void **state)
{
	(void)state;
	struct scroll s = {.count = 100};
	scroll_move(&s, 1, 10);
	assert_int_equal(s.sel, 1);
	assert_int_equal(s.top, 0);
	scroll_move(&s, 15, 10);
	assert_int_equal(s.sel, 16);
	assert_int_equal(s.top, 7);
	scroll_move(&s, -1000, 10);
	assert_int_equal(s.sel, 0);
	assert_int_equal(s.top, 0);
	scroll_move(&s, 1000, 10);
	assert_int_equal(s.sel, 99);
	assert_int_equal(s.top, 90);
	/* A page moves the view with the cursor. */
	scroll_set(&s, 5, 10);
	s.top = 0;
	scroll_page(&s, 9, 10);
	assert_int_equal(s.sel, 14);
	assert_int_equal(s.top, 9);
	/* The reader never scrolls past its last page, nor when it is short. */
	struct scroll r = {.count = 30};
	scroll_view(&r, 100, 10);
	assert_int_equal(r.top, 20);
	assert_int_equal(scroll_percent(&r, 10), 100);
	scroll_view(&r, -15, 10);
	assert_int_equal(r.top, 5);
	assert_int_equal(scroll_percent(&r, 10), 50);
	struct scroll shorter = {.count = 3};
	scroll_view(&shorter, 5, 10);
	assert_int_equal(shorter.top, 0);
	/* A list that shrank under the cursor. */
	s.count = 4;
	scroll_fit(&s, 10);
	assert_int_equal(s.sel, 3);
	assert_int_equal(s.top, 0);
	s.count = 0;
	scroll_fit(&s, 10);
	assert_int_equal(s.sel, 0);
}

static void columns_share_the_width(void **state)
{
	(void)state;
	const size_t widths[] = {20, 40, 64, 80, 100, 140, 250};
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		struct columns c;
		columns_fit(widths[i], &c);
		size_t sum = c.title;
		sum += c.date ? c.date + 1 : 0;
		sum += c.location ? c.location + 1 : 0;
		sum += c.topics ? c.topics + 1 : 0;
		assert_int_equal(sum, widths[i]);
		assert_true(c.title >= widths[i] / 3);
	}
	struct columns c;
	columns_fit(40, &c);
	assert_int_equal(c.date, COLUMN_DATE_WIDTH);
	assert_int_equal(c.location, 0);
	columns_fit(80, &c);
	assert_true(c.location > 0);
	assert_int_equal(c.topics, 0);
	columns_fit(100, &c);
	assert_true(c.location > 0 && c.topics > 0);
	columns_fit(20, &c);
	assert_int_equal(c.date, 0);
	assert_int_equal(c.title, 20);
}

static void search_narrows_and_widens(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	struct browse b;
	assert_true(browse_init(&b, cat, &order, &(struct query){0}));
	assert_false(browse_busy(&b));
	assert_int_equal(b.nbase, 5);
	assert_true(browse_set_search(&b, "ga", 2));
	/* Nothing is tested until asked: typing never waits for a scan. */
	assert_true(browse_busy(&b));
	assert_false(browse_step(&b, 2));
	finish(&b);
	expect_list(&b,
	            (const char *[]){"Gang arrests", "Gang and drugs", "Undated gang story", NULL});
	/* Grown text: only the last result is tested again. */
	assert_true(browse_set_search(&b, "gang", 4));
	assert_int_equal(b.job.ncand, 3);
	finish(&b);
	assert_true(browse_set_search(&b, "\"gang s\"", 8)); /* a phrase: "gang s" together */
	assert_int_equal(b.job.ncand, 3);
	finish(&b);
	expect_list(&b, (const char *[]){"Undated gang story", NULL});
	/* Grown again before the last search had finished: what was left is kept. */
	assert_true(browse_set_search(&b, "o", 1));
	assert_true(browse_step(&b, 0) == false);
	assert_true(browse_step(&b, 2) == false);
	assert_true(browse_set_search(&b, "or", 2));
	finish(&b);
	expect_list(&b, (const char *[]){"Undated gang story", NULL});
	/* Shorter text: from the whole filtered list again. Smart case. */
	assert_true(browse_set_search(&b, "Gang", 4));
	finish(&b);
	expect_list(&b, (const char *[]){"Gang arrests", "Gang and drugs", NULL});
	/* A text that is no query keeps the search in effect and says why. */
	assert_true(browse_set_search(&b, "\"gang", 5));
	assert_string_equal(b.job.error, "unclosed quote: end the phrase with \"");
	assert_string_equal(b.job.text, "Gang");
	finish(&b);
	expect_list(&b, (const char *[]){"Gang arrests", "Gang and drugs", NULL});
	assert_true(browse_set_search(&b, "", 0));
	assert_string_equal(b.job.error, "");
	assert_int_equal(browse_list(&b, &(size_t){0}), b.base);
	browse_free(&b);
	drop(cat);
}

/* Long steps are tested half on the caller's thread, half on a helper's: whatever
 * the step, the list is every release whose text matches, in display order. */
static void long_steps_keep_every_match_in_order(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "bundle.tar.gz");
	for (int i = 0; i < 1000; i++) {
		char title[32], body[64];
		snprintf(title, sizeof title, "Release %d", i);
		snprintf(body, sizeof body, "Text %d%s.", i,
		         i % 3 == 0 || i % 7 == 0 ? " with the needle" : "");
		add(cat, 20000101 + (uint32_t)(i % 28), title, "", "", body);
	}
	sort_sample(cat);
	uint32_t want[1000];
	size_t nwant = 0;
	for (size_t pos = 0; pos < cat->count; pos++) {
		struct str body = cat->releases[order.ids[pos]].body;
		if (memmem(body.s, body.len, "needle", 6))
			want[nwant++] = order.ids[pos];
	}
	assert_int_equal(nwant, 1000 / 3 + 1 + 1000 / 7 + 1 - (1000 / 21 + 1));

	static const size_t budgets[] = {SIZE_MAX, 1000, 999, 333, 65, 64, 63, 1};
	struct browse b;
	assert_true(browse_init(&b, cat, &order, &(struct query){0}));
	for (size_t k = 0; k < sizeof budgets / sizeof *budgets; k++) {
		assert_true(browse_set_search(&b, "", 0));
		assert_true(browse_set_search(&b, "needle", 6));
		while (!browse_step(&b, budgets[k]))
			;
		size_t n;
		const uint32_t *list = browse_list(&b, &n);
		assert_int_equal(n, nwant);
		assert_memory_equal(list, want, n * sizeof *list);
	}
	browse_free(&b);
	drop(cat);
}

static void facets_dates_and_counts(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	struct browse b;
	const char *gangs[] = {"gangs"};
	assert_true(browse_init(&b, cat, &order, &(struct query){.topics = gangs, .ntopics = 1}));
	expect_list(&b,
	            (const char *[]){"Gang arrests", "Gang and drugs", "Undated gang story", NULL});
	/* Counts of a kind ignore that kind's own filter but honour the others. */
	uint32_t counts[8];
	browse_facet_counts(&b, FACET_TOPIC, counts);
	assert_int_equal(counts[facet_id(&cat->topics, "Narcotics")], 2);
	assert_int_equal(counts[facet_id(&cat->topics, "Transnational Gangs")], 3);
	browse_facet_counts(&b, FACET_LOCATION, counts);
	assert_int_equal(counts[facet_id(&cat->locations, "Miami, FL")], 0);
	assert_int_equal(counts[facet_id(&cat->locations, "Houston, TX")], 1);
	/* Exact facets chosen in a picker replace the --topic words. */
	bool chosen[8] = {0};
	chosen[facet_id(&cat->topics, "Narcotics")] = true;
	assert_true(browse_set_facets(&b, FACET_TOPIC, chosen, cat->topics.count));
	expect_list(&b, (const char *[]){"Drug seizure", "Gang and drugs", NULL});
	browse_set_dates(&b, 20120101, 0);
	expect_list(&b, (const char *[]){"Drug seizure", NULL});
	char text[200];
	browse_describe(&b, text, sizeof text);
	assert_string_equal(text, "topic: Narcotics  dates: 2012-01-01..");
	assert_true(browse_set_search(&b, "cocaine", 7));
	finish(&b);
	browse_describe(&b, text, sizeof text);
	assert_string_equal(text, "topic: Narcotics  dates: 2012-01-01..  /cocaine");
	browse_facet_counts(&b, FACET_TOPIC, counts);
	assert_int_equal(counts[facet_id(&cat->topics, "Narcotics")], 1);
	assert_int_equal(counts[facet_id(&cat->topics, "Transnational Gangs")], 0);
	assert_true(browse_filtered(&b));
	assert_true(browse_clear(&b));
	assert_false(browse_filtered(&b));
	assert_int_equal(b.nbase, 5);
	browse_free(&b);
	drop(cat);
}

/* After an update of the order that ran out of memory, the order covers the
 * releases it covered before and the ones that came since are in the catalog
 * but not in it: the list and the facet counts take only those in the order. */
static void the_list_reads_only_what_the_order_covers(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	add(cat, 20150101, "Gang arrived", "Houston, TX", "Transnational Gangs", "Later.");
	add(cat, 20150102, "Gang arrived too", "Houston, TX", "Transnational Gangs", "Later.");
	/* What memory past the order holds is no release of it: say, id 0 again. */
	uint32_t **const arrays[] = {&order.ids, &order.keys, &order.rank};
	assert_true(catalog_grow_ids(arrays, 3, &order.cap, cat->count));
	for (size_t pos = order.count; pos < cat->count; pos++)
		order.ids[pos] = 0;
	assert_int_equal(order.count, 5);
	const char *gangs[] = {"gangs"};
	struct browse b;
	assert_true(browse_init(&b, cat, &order, &(struct query){.topics = gangs, .ntopics = 1}));
	expect_list(&b,
	            (const char *[]){"Gang arrests", "Gang and drugs", "Undated gang story", NULL});
	uint32_t counts[8];
	browse_facet_counts(&b, FACET_TOPIC, counts);
	assert_int_equal(counts[facet_id(&cat->topics, "Transnational Gangs")], 3);
	assert_int_equal(counts[facet_id(&cat->topics, "Narcotics")], 2);
	browse_free(&b);
	drop(cat);
}

/* Read and star marks filter the list, and next unread skips read releases,
 * wrapping round; marks changed later leave the list as it is until a filter
 * changes. */
static void read_and_star_marks(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	struct browse b;
	/* By release id, in the order sample() adds them (also the display order). */
	uint8_t marks[5] = {STATE_READ, 0, STATE_READ | STATE_STARRED, STATE_STARRED, STATE_READ};
	assert_true(browse_init(&b, cat, &order, &(struct query){.unread = true}));
	expect_list(&b, (const char *[]){"Gang arrests", "Drug seizure", "Artifacts returned",
	                                 "Gang and drugs", "Undated gang story", NULL});
	browse_set_marks(&b, marks);
	expect_list(&b, (const char *[]){"Drug seizure", "Gang and drugs", NULL});
	browse_only(&b, false, true);
	expect_list(&b, (const char *[]){"Artifacts returned", "Gang and drugs", NULL});
	browse_only(&b, true, true);
	expect_list(&b, (const char *[]){"Gang and drugs", NULL});
	char text[200];
	browse_describe(&b, text, sizeof text);
	assert_string_equal(text, "unread  starred");
	assert_true(browse_clear(&b));
	assert_false(browse_filtered(&b));
	assert_int_equal(browse_next_unread(&b, 0), 1);
	assert_int_equal(browse_next_unread(&b, 1), 3);
	assert_int_equal(browse_next_unread(&b, 3), 1); /* wraps round */
	marks[1] = marks[3] = STATE_READ;
	assert_int_equal(browse_next_unread(&b, 0), 5); /* none left */
	browse_free(&b);
	drop(cat);
}

/* The command line's jumps, month moves and history. */
static void jumps_months_and_history(void **state)
{
	(void)state;
	struct jump j;
	assert_true(view_parse_jump("2014-03", &j));
	assert_int_equal(j.kind, JUMP_DATE);
	assert_int_equal(j.since, 20140301);
	assert_int_equal(j.until, 20140331);
	assert_true(view_parse_jump(" 42", &j));
	assert_int_equal(j.kind, JUMP_ROW);
	assert_int_equal(j.row, 42);
	assert_true(view_parse_jump("topic  gangs", &j));
	assert_int_equal(j.kind, JUMP_TOPIC);
	assert_string_equal(j.name, "gangs");
	assert_true(view_parse_jump("location texas", &j));
	assert_int_equal(j.kind, JUMP_LOCATION);
	assert_false(view_parse_jump("0", &j));
	assert_false(view_parse_jump("topic ", &j));
	assert_false(view_parse_jump("2014-13", &j));
	assert_false(view_parse_jump("hello", &j));

	struct catalog *cat =
	        sample(); /* 2014-03-11, 2013-01-01, 2012-06-15, 2011-01-01, undated */
	struct browse b;
	assert_true(browse_init(&b, cat, &order, &(struct query){0}));
	assert_int_equal(browse_find_date(&b, 20130101, 20131231, false), 1);
	assert_int_equal(browse_find_date(&b, 20120101, 20121231, false), 2);
	assert_int_equal(browse_find_date(&b, 20100101, 20101231, false), 3); /* the nearest */
	assert_int_equal(browse_find_date(&b, 20120101, 20121231, true), 0);
	assert_int_equal(browse_month_step(&b, 0, true), 1);
	assert_int_equal(browse_month_step(&b, 3, true), 4);
	assert_int_equal(browse_month_step(&b, 4, true), 4); /* none further */
	assert_int_equal(browse_month_step(&b, 2, false), 1);
	assert_int_equal(browse_month_step(&b, 0, false), 0);
	assert_true(browse_month_starts(&b, 1));
	assert_false(browse_month_starts(&b, 0));
	assert_int_equal(browse_months(&b), 5);
	/* Every release a month of its own: a separator before each but the first. */
	assert_int_equal(list_row_of(&b, 0, 2, true), 4);
	assert_int_equal(list_row_of(&b, 0, 2, false), 2);
	assert_int_equal(list_top_for(&b, 0, 2, 4, true), 1);
	assert_int_equal(list_top_for(&b, 0, 2, 5, true), 0);
	assert_int_equal(list_top_for(&b, 0, 2, 3, false), 0);
	/* Where a click lands: an item, a separator, below the last. */
	assert_int_equal(list_item_at(&b, 0, 0, true), 0);
	assert_int_equal(list_item_at(&b, 0, 1, true), LIST_NO_ITEM);
	assert_int_equal(list_item_at(&b, 0, 2, true), 1);
	assert_int_equal(list_item_at(&b, 0, 4, true), 2);
	assert_int_equal(list_item_at(&b, 1, 2, true), 2);
	assert_int_equal(list_item_at(&b, 0, 2, false), 2);
	assert_int_equal(list_item_at(&b, 0, 5, false), LIST_NO_ITEM);
	assert_int_equal(list_item_at(&b, 3, 4, true), LIST_NO_ITEM);
	bool ok;
	/* :location as --location: a postal code alone is the state (Michigan, not
	 * Miami), and a place is found with the accents it was printed with or not. */
	assert_int_equal(browse_choose_matching(&b, FACET_LOCATION, "mi", &ok), 0);
	assert_int_equal(browse_choose_matching(&b, FACET_LOCATION, "méxico", &ok), 1);
	expect_list(&b, (const char *[]){"Artifacts returned", NULL});
	assert_int_equal(browse_choose_matching(&b, FACET_LOCATION, "texas", &ok), 2);
	assert_true(ok);
	expect_list(&b, (const char *[]){"Gang arrests", "Gang and drugs", NULL});
	assert_int_equal(browse_choose_matching(&b, FACET_TOPIC, "nothing", &ok), 0);
	expect_list(&b, (const char *[]){"Gang arrests", "Gang and drugs", NULL});
	browse_free(&b);
	drop(cat);

	static struct history h;
	struct edit e = {0};
	edit_set(&e, "typing", 6);
	assert_true(history_add(&h, "2014-03", 7));
	assert_false(history_add(&h, "2014-03", 7)); /* the same again */
	assert_false(history_add(&h, "", 0));
	assert_true(history_add(&h, "ab\033[2Jcd", 9)); /* a control ends the line */
	assert_string_equal(h.items[1].text, "ab");
	assert_true(history_step(&h, true, &e));
	assert_string_equal(e.text, "ab");
	assert_true(history_step(&h, true, &e));
	assert_string_equal(e.text, "2014-03");
	assert_false(history_step(&h, true, &e));
	assert_true(history_step(&h, false, &e));
	assert_true(history_step(&h, false, &e));
	assert_string_equal(e.text, "typing"); /* back to what was being typed */
	assert_false(history_step(&h, false, &e));
	for (int i = 0; i < HISTORY_MAX + 5; i++) {
		char line[16];
		snprintf(line, sizeof line, "%d", i);
		history_add(&h, line, strlen(line));
	}
	assert_int_equal(h.n, HISTORY_MAX);
	assert_string_equal(h.items[0].text, "5");
}

/* The inputs are a facet too: counted, chosen, described, picked. */
static void sources_are_a_facet(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	assert_int_equal(catalog_add_input(cat, "other.zip"), 1);
	cat->releases[1].input = cat->releases[3].input = 1; /* Drug seizure, Gang and drugs */
	struct browse b;
	assert_true(browse_init(&b, cat, &order, &(struct query){0}));
	assert_int_equal(facet_count(cat, FACET_SOURCE), 2);
	assert_int_equal(facet_name(cat, FACET_SOURCE, 1).len, strlen("other.zip"));
	uint32_t counts[2];
	browse_facet_counts(&b, FACET_SOURCE, counts);
	assert_int_equal(counts[0], 3);
	assert_int_equal(counts[1], 2);
	bool chosen[2] = {false, true};
	assert_true(browse_set_facets(&b, FACET_SOURCE, chosen, cat->ninputs));
	expect_list(&b, (const char *[]){"Drug seizure", "Gang and drugs", NULL});
	char text[100];
	browse_describe(&b, text, sizeof text);
	assert_string_equal(text, "source: other.zip");
	/* Counts of sources ignore the source filter itself. */
	browse_facet_counts(&b, FACET_SOURCE, counts);
	assert_int_equal(counts[0], 3);
	struct picker p;
	assert_true(picker_init(&p, cat, FACET_SOURCE, counts, browse_facets(&b, FACET_SOURCE)));
	assert_int_equal(p.nitems, 2);
	assert_int_equal(picker_nchosen(&p), 1);
	picker_free(&p);
	assert_true(browse_clear(&b));
	assert_false(browse_filtered(&b));
	browse_free(&b);
	drop(cat);
}

static void the_selection_stays_or_moves_to_the_next(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	struct browse b;
	assert_true(browse_init(&b, cat, &order, &(struct query){0}));
	uint32_t drugs = order.ids[1]; /* "Drug seizure", second newest */
	assert_int_equal(browse_locate(&b, drugs), 1);
	assert_true(browse_set_search(&b, "gang", 4));
	finish(&b);
	/* Gone from the list: the next one after it in display order. */
	assert_string_equal(title_of(cat, browse_list(&b, &(size_t){0})[browse_locate(&b, drugs)]),
	                    "Gang and drugs");
	assert_true(browse_set_search(&b, "", 0));
	assert_int_equal(browse_locate(&b, drugs), 1);
	assert_true(browse_set_search(&b, "nothing like it", 15));
	finish(&b);
	assert_int_equal(browse_locate(&b, drugs), 0);
	browse_free(&b);
	drop(cat);
}

/* ---- a catalog still loading ------------------------------------------------------ */

/* Release i of a stream in no order, with topics and places that keep appearing:
 * topic "Gang violence" and the inputs after the first only come later. */
static void add_streamed(struct catalog *cat, int i)
{
	static const char *const topics[] = {"Narcotics", "Transnational Gangs", "",
	                                     "Narcotics|Cyber Crimes", "Gang violence"};
	static const char *const places[] = {"Houston, TX", "Miami, FL", "", "Austin, Texas"};
	char title[40], body[60];
	snprintf(title, sizeof title, "Release %03d", (i * 37) % 500);
	snprintf(body, sizeof body, "%s body %d", i % 3 ? "plain" : "gang", i);
	uint32_t date = i % 13 == 0 ? 0 : 20100101 + (uint32_t)((i * 7) % 11) * 10000;
	int topic = i < 200 ? i % 4 : i % 5;
	assert_true(fixture_add(cat, date, title, places[i % 4], topics[topic], body, NULL));
}

/* The list a browse made afresh over the whole catalog would show. */
static void expect_same_list(const struct browse *grown, const struct query *q, const bool *topics,
                             size_t ntopics)
{
	struct browse fresh;
	assert_true(browse_init(&fresh, grown->cat, grown->order, q));
	if (topics)
		assert_true(browse_set_facets(&fresh, FACET_TOPIC, topics, ntopics));
	finish(&fresh);
	size_t n, m;
	const uint32_t *want = browse_list(&fresh, &n), *got = browse_list(grown, &m);
	assert_int_equal(m, n);
	assert_memory_equal(got, want, n * sizeof *got);
	browse_free(&fresh);
}

/* Batches arrive while a search runs: taken in at any point of the scan, the list
 * ends as a browse of the whole catalog would make it. */
static void a_growing_catalog_lists_what_the_whole_would(void **state)
{
	(void)state;
	const char *want_topics[] = {"gang"};
	struct query queries[] = {
	        {0},
	        {.search = "gang"},
	        {.topics = want_topics, .ntopics = 1, .since = 20120101},
	        {.topics = want_topics, .ntopics = 1, .search = "body 1"},
	};
	for (size_t qi = 0; qi < sizeof queries / sizeof *queries; qi++) {
		struct catalog *cat = catalog_new();
		catalog_add_input(cat, "first.tar.gz");
		struct order o;
		order_init(&o, qi % 2 == 1);
		struct browse b;
		assert_true(browse_init(&b, cat, &o, &queries[qi]));
		int i = 0;
		for (int batch = 1; batch <= 25; batch++) {
			for (int end = i + batch * 2; i < end; i++)
				add_streamed(cat, i);
			if (batch == 12)
				catalog_add_input(cat, "second.zip");
			size_t nadded;
			assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
			assert_true(browse_add(&b, o.added, nadded, NULL));
			browse_step(&b, (size_t)batch % 7); /* part of the scan, or none */
		}
		finish(&b);
		expect_same_list(&b, &queries[qi], NULL, 0);
		assert_int_equal(facet_count(cat, FACET_SOURCE), 2);
		browse_free(&b);
		order_free(&o);
		catalog_free(cat);
	}
}

/* Places chosen in one state are said as that state, not as one city of them. */
static void places_in_one_state_are_described_by_it(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	assert_true(fixture_add(cat, 20140311, "A", "Dallas, Texas", "", "", "a"));
	assert_true(fixture_add(cat, 20140312, "B", "Houston, TX", "", "", "b"));
	assert_true(fixture_add(cat, 20140313, "C", "Miami, FL", "", "", "c"));
	assert_true(fixture_add(cat, 20140314, "D", "Texas", "", "", "d")); /* the state alone */
	struct order o;
	order_init(&o, false);
	size_t nadded;
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
	const char *texas[] = {"texas"}, *mixed[] = {"texas", "miami"};
	const struct {
		const char **values;
		size_t n;
		const char *said;
	} cases[] = {{texas, 1, "place: 3 in TX"}, {mixed, 2, "place: Dallas, TX +3"}};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct query q = {.locations = cases[k].values, .nlocations = cases[k].n};
		struct browse b;
		assert_true(browse_init(&b, cat, &o, &q));
		char text[100];
		browse_describe(&b, text, sizeof text);
		assert_string_equal(text, cases[k].said);
		browse_free(&b);
	}
	order_free(&o);
	catalog_free(cat);
}

/* A place chosen in the picker keeps what is in it: "Houston, United States" is in
 * Houston, TX while the catalog knows no other Houston, and leaves it (and the list)
 * when Houston, MS comes. */
static void a_place_chosen_follows_a_city_that_moves(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	assert_true(fixture_add(cat, 20140311, "Bare", "Houston, United States", "", "", "a"));
	assert_true(fixture_add(cat, 20140312, "Texas", "Houston, TX", "", "", "b"));
	struct order o;
	order_init(&o, false);
	struct query q = {0};
	struct browse b;
	assert_true(browse_init(&b, cat, &o, &q));
	size_t nadded, n;
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
	assert_true(browse_add(&b, o.added, nadded, NULL));
	bool chosen[2] = {false, true}; /* Houston, TX */
	assert_true(browse_set_facets(&b, FACET_LOCATION, chosen, 2));
	browse_list(&b, &n);
	assert_int_equal(n, 2);
	assert_true(fixture_add(cat, 20140313, "Mississippi", "Houston, MS", "", "", "c"));
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
	assert_true(browse_add(&b, o.added, nadded, NULL));
	const uint32_t *list = browse_list(&b, &n);
	assert_int_equal(n, 1);
	assert_int_equal(list[0], 1);
	browse_free(&b);
	order_free(&o);
	catalog_free(cat);
}

/* Topics chosen one by one stay the ones chosen; a topic that only comes later is
 * not among them, while a --topic value decides it when it comes. The selected
 * release is found again wherever others were inserted. */
static void facets_chosen_while_loading(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	struct order o;
	order_init(&o, false);
	struct query q = {0};
	struct browse b;
	assert_true(browse_init(&b, cat, &o, &q));
	size_t nadded;
	for (int i = 0; i < 150; i++)
		add_streamed(cat, i);
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
	assert_true(browse_add(&b, o.added, nadded, NULL));
	bool chosen[8] = {0};
	size_t ntopics = cat->topics.count;
	for (size_t t = 0; t < ntopics; t++)
		chosen[t] = cat->topics.items[t].name.s[0] != 'N'; /* all but Narcotics */
	assert_true(browse_set_facets(&b, FACET_TOPIC, chosen, ntopics));
	size_t n;
	uint32_t selected = browse_list(&b, &n)[n / 2];
	for (int i = 150; i < 400; i++)
		add_streamed(cat, i);
	assert_int_equal(order_update(&o, cat, &nadded), ORDER_ADDED);
	assert_true(browse_add(&b, o.added, nadded, NULL));
	assert_true(cat->topics.count > ntopics); /* "Gang violence" came */
	expect_same_list(&b, &q, chosen, ntopics);
	assert_int_equal(browse_list(&b, &n)[browse_locate(&b, selected)], selected);
	char text[100];
	browse_describe(&b, text, sizeof text);
	assert_string_equal(text, "topic: Transnational Gangs +1");
	browse_free(&b);

	/* --topic gang: the later "Gang violence" is chosen as it comes. */
	const char *gang[] = {"gang"};
	q = (struct query){.topics = gang, .ntopics = 1};
	struct catalog *part = catalog_new();
	catalog_add_input(part, "x");
	struct order po;
	order_init(&po, false);
	assert_true(browse_init(&b, part, &po, &q));
	for (int i = 0; i < 400; i++) {
		add_streamed(part, i);
		if (i % 50 == 49) {
			assert_int_equal(order_update(&po, part, &nadded), ORDER_ADDED);
			assert_true(browse_add(&b, po.added, nadded, NULL));
		}
	}
	expect_same_list(&b, &q, NULL, 0);
	browse_describe(&b, text, sizeof text);
	assert_string_equal(text, "topic: Transnational Gangs +1");
	browse_free(&b);
	order_free(&po);
	order_free(&o);
	catalog_free(part);
	catalog_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(scrolling_keeps_the_cursor_in_view),
	        cmocka_unit_test(a_growing_catalog_lists_what_the_whole_would),
	        cmocka_unit_test(facets_chosen_while_loading),
	        cmocka_unit_test(a_place_chosen_follows_a_city_that_moves),
	        cmocka_unit_test(places_in_one_state_are_described_by_it),
	        cmocka_unit_test(columns_share_the_width),
	        cmocka_unit_test(search_narrows_and_widens),
	        cmocka_unit_test(long_steps_keep_every_match_in_order),
	        cmocka_unit_test(facets_dates_and_counts),
	        cmocka_unit_test(the_list_reads_only_what_the_order_covers),
	        cmocka_unit_test(the_selection_stays_or_moves_to_the_next),
	        cmocka_unit_test(read_and_star_marks),
	        cmocka_unit_test(jumps_months_and_history),
	        cmocka_unit_test(sources_are_a_facet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
