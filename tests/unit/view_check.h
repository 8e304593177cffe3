/* view_check — the small catalog test_view and test_reader read, and the checks they
 * share. */
#ifndef RELVIEW_TEST_VIEW_CHECK_H
#define RELVIEW_TEST_VIEW_CHECK_H

#include "relview/order.h"

#include <stdint.h>

struct browse;
struct catalog;
struct facet_set;

/* The display order of the catalog a test reads, its own as a reader's would be. */
extern struct order order;

/* A release from literal fields; topics separated by '|'. */
void add(struct catalog *cat, uint32_t date, const char *title, const char *location,
         const char *topics, const char *body);
/* Sorts cat into order. */
void sort_sample(const struct catalog *cat);
/* A test's end: its catalog and the order over it. */
void drop(struct catalog *cat);
/* Five releases: three with "gang", two in Texas, one undated; sorted. */
struct catalog *sample(void);
/* A release's title as a string (a static buffer). */
const char *title_of(const struct catalog *cat, uint32_t id);
/* Compare the list's titles with want (NULL-terminated). */
void expect_list(const struct browse *b, const char **want);
/* Runs a search or filter to its end. */
void finish(struct browse *b);
/* The number of the facet called name; fails the test when there is none. */
uint32_t facet_id(const struct facet_set *set, const char *name);

#endif
