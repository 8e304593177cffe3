/* query — the filters and the search that narrow the catalog to a view.
 *
 * Kinds combine with AND, values of one kind with OR. A query is compiled against a
 * catalog once (each topic and location facet decided up front), then tested per
 * release. */
#ifndef RELVIEW_QUERY_H
#define RELVIEW_QUERY_H

#include "relview/expr.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct catalog;
struct release;
struct order;

struct query {
	const char **topics; /* words matched against topic names */
	size_t ntopics;
	const char **locations; /* city, state (name or code) or country */
	size_t nlocations;
	uint32_t since, until; /* yyyymmdd bounds, inclusive; 0: open */
	const char *search;    /* a query (expr.h) over title and body; NULL or "": none */
	bool unread, starred;  /* only releases not marked read; only starred ones */
};

struct filter {
	const struct catalog *cat;
	bool *topic_ok, *location_ok; /* per facet id; NULL: that kind is not filtered */
	bool *input_ok;               /* per input (catalog->inputs); NULL: all */
	size_t ntopic_ok, nlocation_ok, ninput_ok; /* the facets each table decides */
	/* The values that decide topics and locations added later; none once a kind is
	 * chosen facet by facet. */
	const char **topic_values, **location_values;
	size_t ntopic_values, nlocation_values;
	uint32_t since, until;
	struct expr search; /* the query's search; empty: none */
	bool unread, starred;
	const uint8_t *marks; /* per release id: enum state_flag bits; NULL: none marked */
};

/* Compile a query against a catalog; false when out of memory (or when its search
 * is not a query: callers check it with expr_parse first). The query's topic
 * and location values must outlive the filter: they decide facets added later. */
bool filter_init(struct filter *f, const struct catalog *cat, const struct query *q);
/* Decide the facets the catalog gained since (a catalog still loading): by the
 * query's values while they are the filter's, else not chosen. False when out of
 * memory. */
bool filter_grow(struct filter *f);
void filter_free(struct filter *f);
bool filter_match(const struct filter *f, const struct release *r);

/* The releases in `order` (over the filter's catalog) that match, in that order, as
 * release indices into view (room for order->count); returns how many. */
size_t filter_view(const struct filter *f, const struct order *order, uint32_t *view);

#endif
