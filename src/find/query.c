#include "config.h"

#include "relview/query.h"

#include "relview/catalog.h"
#include "relview/facetname.h"
#include "relview/order.h"
#include "relview/state.h"

#include <stdlib.h>
#include <string.h>

/* ---- filter ------------------------------------------------------------------- */

/* The topic and location tables: a kind with values or a table is filtered. */
static bool filter_grow_values(struct filter *f)
{
	const struct catalog *cat = f->cat;
	return (!(f->topic_ok || f->ntopic_values) ||
	        facetname_decide(&f->topic_ok, &f->ntopic_ok, &cat->topics, f->topic_values,
	                         f->ntopic_values, facetname_topic_matches)) &&
	       (!(f->location_ok || f->nlocation_values) ||
	        facetname_decide(&f->location_ok, &f->nlocation_ok, &cat->locations,
	                         f->location_values, f->nlocation_values,
	                         facetname_location_matches));
}

bool filter_init(struct filter *f, const struct catalog *cat, const struct query *q)
{
	*f = (struct filter){.cat = cat,
	                     .topic_values = q->topics,
	                     .ntopic_values = q->ntopics,
	                     .location_values = q->locations,
	                     .nlocation_values = q->nlocations,
	                     .since = q->since,
	                     .until = q->until,
	                     .unread = q->unread,
	                     .starred = q->starred};
	char why[128];
	const char *search = q->search ? q->search : "";
	if (!filter_grow_values(f) ||
	    !expr_parse(&f->search, search, strlen(search), why, sizeof why) ||
	    !expr_bind(&f->search, cat))
		goto fail;
	return true;
fail:
	filter_free(f);
	return false;
}

bool filter_grow(struct filter *f)
{
	const struct catalog *cat = f->cat;
	if (!filter_grow_values(f) || !expr_bind(&f->search, cat))
		return false;
	if (!f->input_ok || f->ninput_ok == cat->ninputs)
		return true;
	bool *ok = realloc(f->input_ok, cat->ninputs * sizeof *ok);
	if (!ok)
		return false;
	memset(ok + f->ninput_ok, 0, (cat->ninputs - f->ninput_ok) * sizeof *ok);
	f->input_ok = ok;
	f->ninput_ok = cat->ninputs;
	return true;
}

void filter_free(struct filter *f)
{
	free(f->topic_ok);
	free(f->location_ok);
	free(f->input_ok);
	expr_free(&f->search);
	*f = (struct filter){0};
}

static bool topics_match(const struct filter *f, const struct release *r)
{
	for (size_t i = 0; i < r->ntopics; i++)
		if (f->topic_ok[f->cat->topic_refs[r->topic_first + i]])
			return true;
	return false;
}

/* The read and star filters, on the marks the caller gave. */
static bool marks_match(const struct filter *f, const struct release *r)
{
	uint8_t flags = f->marks ? f->marks[r - f->cat->releases] : 0;
	return !(f->unread && (flags & STATE_READ)) && !(f->starred && !(flags & STATE_STARRED));
}

bool filter_match(const struct filter *f, const struct release *r)
{
	if (!marks_match(f, r))
		return false;
	if ((f->since || f->until) &&
	    (!r->date || (f->since && r->date < f->since) || (f->until && r->date > f->until)))
		return false;
	if (f->topic_ok && !topics_match(f, r))
		return false;
	if (f->input_ok && !f->input_ok[r->input])
		return false;
	if (f->location_ok && (r->location_id == FACET_NONE || !f->location_ok[r->location_id]))
		return false;
	return expr_match(&f->search, f->cat, r, f->marks);
}

size_t filter_view(const struct filter *f, const struct order *order, uint32_t *view)
{
	size_t n = 0;
	/* The order covers the releases in it: after a sort that ran out of memory,
	 * not every release. */
	for (size_t pos = 0; pos < order->count; pos++) {
		uint32_t id = order->ids[pos];
		if (filter_match(f, &f->cat->releases[id]))
			view[n++] = id;
	}
	return n;
}
