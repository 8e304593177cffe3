/* query — the filters and the search that narrow the catalog to a view.
 *
 * Kinds combine with AND, values of one kind with OR. A query is compiled against a
 * catalog once (each topic and location facet decided up front), then tested per
 * release. */
#ifndef RELVIEW_QUERY_H
#define RELVIEW_QUERY_H

#include "relview/search.h"

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
	const char *search;    /* title and body; NULL or "": none */
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
	bool searching;
	struct matcher matcher;
	bool unread, starred;
	const uint8_t *marks; /* per release id: enum state_flag bits; NULL: none marked */
};

/* Does a topic name match a --topic value? Every word of the value must begin a
 * word of the name, ignoring case: "gangs" and "gang" match "Transnational Gangs". */
bool query_topic_matches(const char *name, size_t len, const char *value);

/* Does a location as printed match a --location value? The value (or each of its
 * comma-separated parts) must equal one of the location's parts, ignoring case and
 * periods; a US state's name and postal code are the same ("texas" matches
 * "Houston, TX"). */
bool query_location_matches(const char *location, size_t len, const char *value);

/* Compile a query against a catalog; false when out of memory. The query's topic
 * and location values must outlive the filter: they decide facets added later. */
bool filter_init(struct filter *f, const struct catalog *cat, const struct query *q);
/* Decide the facets the catalog gained since (a catalog still loading): by the
 * query's values while they are the filter's, else not chosen. False when out of
 * memory. */
bool filter_grow(struct filter *f);
void filter_free(struct filter *f);
bool filter_match(const struct filter *f, const struct release *r);

/* Does the release's title, subtitle or body contain a match? (The search part of a
 * filter, for callers that search incrementally.) */
bool filter_text_matches(const struct matcher *m, const struct release *r);

/* The releases in `order` (over the filter's catalog) that match, in that order, as
 * release indices into view (room for order->count); returns how many. */
size_t filter_view(const struct filter *f, const struct order *order, uint32_t *view);

#endif
