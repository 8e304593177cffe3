/* view_check — the small catalog test_view and test_reader read, and the checks they
 * share. */
#include "config.h"

#include "view_check.h"

#include "relview/catalog.h"
#include "relview/view.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

/* A release from literal fields; topics separated by '|'. */
void add(struct catalog *cat, uint32_t date, const char *title, const char *location,
         const char *topics, const char *body)
{
	assert_true(fixture_add(cat, date, title, location, topics, body, NULL));
}

/* The display order of the catalog a test reads, its own as a reader's would be. */
struct order order;

void sort_sample(const struct catalog *cat)
{
	order_free(&order);
	assert_true(order_sort(&order, cat, false));
}

/* A test's end: its catalog and the order over it. */
void drop(struct catalog *cat)
{
	order_free(&order);
	catalog_free(cat);
}

struct catalog *sample(void)
{
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "bundle.tar.gz");
	add(cat, 20140311, "Gang arrests", "Houston, TX", "Transnational Gangs",
	    "MS-13 members were arrested.\n\nThe gang operated in Texas.");
	add(cat, 20130101, "Drug seizure", "Miami, FL, United States", "Narcotics",
	    "Cocaine was found.");
	add(cat, 20120615, "Artifacts returned", "Mexico City, Mexico", "", "Pottery.");
	add(cat, 20110101, "Gang and drugs", "Austin, Texas", "Transnational Gangs|Narcotics",
	    "Both.");
	add(cat, 0, "Undated gang story", "", "Transnational Gangs", "no date here");
	sort_sample(cat);
	return cat;
}

const char *title_of(const struct catalog *cat, uint32_t id)
{
	static char buf[128];
	struct str t = cat->releases[id].title;
	snprintf(buf, sizeof buf, "%.*s", (int)t.len, t.s);
	return buf;
}

/* Compare the list's titles with want (NULL-terminated). */
void expect_list(const struct browse *b, const char **want)
{
	size_t n, k = 0;
	const uint32_t *list = browse_list(b, &n);
	for (; want[k]; k++) {
		assert_true(k < n);
		assert_string_equal(title_of(b->cat, list[k]), want[k]);
	}
	assert_int_equal(n, k);
}

void finish(struct browse *b)
{
	while (!browse_step(b, 1))
		;
}

uint32_t facet_id(const struct facet_set *set, const char *name)
{
	for (uint32_t i = 0; i < set->count; i++)
		if (set->items[i].name.len == strlen(name) &&
		    memcmp(set->items[i].name.s, name, strlen(name)) == 0)
			return i;
	fail_msg("no facet %s", name);
	return 0;
}
