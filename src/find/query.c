#include "config.h"

#include "relview/query.h"

#include "relview/ascii.h"
#include "relview/catalog.h"
#include "relview/order.h"
#include "relview/place.h"
#include "relview/state.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- topics: words of the value begin words of the name ---------------------- */

static bool is_word_byte(unsigned char c)
{
	return ascii_is_alpha((char)c) || ascii_is_digit((char)c) || c >= 0x80;
}

/* Does some word of name[0..len) begin with the word w[0..wlen)? */
static bool name_has_word_prefix(const char *name, size_t len, const char *w, size_t wlen)
{
	for (size_t i = 0; i < len; i++) {
		bool word_start = is_word_byte((unsigned char)name[i]) &&
		                  (i == 0 || !is_word_byte((unsigned char)name[i - 1]));
		if (word_start && len - i >= wlen && strncasecmp(name + i, w, wlen) == 0)
			return true;
	}
	return false;
}

bool query_topic_matches(const char *name, size_t len, const char *value)
{
	bool any_word = false;
	for (const char *p = value; *p;) {
		while (*p && !is_word_byte((unsigned char)*p))
			p++;
		const char *w = p;
		while (*p && is_word_byte((unsigned char)*p))
			p++;
		if (p == w)
			break;
		any_word = true;
		if (!name_has_word_prefix(name, len, w, (size_t)(p - w)))
			return false;
	}
	return any_word;
}

/* ---- locations: parts compared, states by code ------------------------------- */

/* A part of a location or value, trimmed, periods ignored when comparing. */
struct part {
	const char *s;
	size_t len;
};

static struct part trim(const char *s, size_t len)
{
	ascii_trim(&s, &len);
	return (struct part){s, len};
}

static bool parts_equal(struct part a, struct part b)
{
	size_t i = 0, j = 0;
	for (;;) {
		while (i < a.len && a.s[i] == '.')
			i++;
		while (j < b.len && b.s[j] == '.')
			j++;
		if (i == a.len || j == b.len)
			return i == a.len && j == b.len;
		if (ascii_lower(a.s[i++]) != ascii_lower(b.s[j++]))
			return false;
	}
}

static bool part_matches(struct part loc, struct part want)
{
	if (parts_equal(loc, want))
		return true;
	const char *a = place_state(loc.s, loc.len, NULL);
	const char *b = place_state(want.s, want.len, NULL);
	return a && b && strcmp(a, b) == 0;
}

static bool location_has_part(const char *location, size_t len, struct part want)
{
	const char *p = location, *end = location + len;
	while (p <= end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma ? comma : end;
		if (part_matches(trim(p, (size_t)(stop - p)), want))
			return true;
		p = stop + 1;
	}
	return false;
}

bool query_location_matches(const char *location, size_t len, const char *value)
{
	bool any_part = false;
	for (const char *p = value; *p;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		struct part want = trim(p, n);
		p += n + (comma != NULL);
		if (!want.len)
			continue;
		any_part = true;
		if (!location_has_part(location, len, want))
			return false;
	}
	return any_part;
}

/* ---- filter ------------------------------------------------------------------- */

typedef bool (*value_test)(const char *, size_t, const char *);

/* Decide for the facets from *decided on whether any of the values matches each:
 * the table grows to the set's size. False when out of memory. */
static bool decide_facets(bool **table, size_t *decided, const struct facet_set *set,
                          const char **values, size_t nvalues, value_test test)
{
	if (*table && *decided == set->count)
		return true;
	bool *ok = realloc(*table, (set->count ? set->count : 1) * sizeof *ok);
	if (!ok)
		return false;
	*table = ok;
	for (size_t i = *decided; i < set->count; i++) {
		ok[i] = false;
		for (size_t v = 0; v < nvalues && !ok[i]; v++)
			ok[i] = test(set->items[i].name.s, set->items[i].name.len, values[v]);
	}
	*decided = set->count;
	return true;
}

/* The topic and location tables: a kind with values or a table is filtered. */
static bool filter_grow_values(struct filter *f)
{
	const struct catalog *cat = f->cat;
	return (!(f->topic_ok || f->ntopic_values) ||
	        decide_facets(&f->topic_ok, &f->ntopic_ok, &cat->topics, f->topic_values,
	                      f->ntopic_values, query_topic_matches)) &&
	       (!(f->location_ok || f->nlocation_values) ||
	        decide_facets(&f->location_ok, &f->nlocation_ok, &cat->locations,
	                      f->location_values, f->nlocation_values, query_location_matches));
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
	if (!filter_grow_values(f))
		goto fail;
	f->searching = q->search && *q->search;
	if (f->searching && !matcher_init(&f->matcher, q->search, strlen(q->search)))
		goto fail;
	return true;
fail:
	filter_free(f);
	return false;
}

bool filter_grow(struct filter *f)
{
	const struct catalog *cat = f->cat;
	if (!filter_grow_values(f))
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
	if (f->searching)
		matcher_free(&f->matcher);
	*f = (struct filter){0};
}

static bool topics_match(const struct filter *f, const struct release *r)
{
	for (size_t i = 0; i < r->ntopics; i++)
		if (f->topic_ok[f->cat->topic_refs[r->topic_first + i]])
			return true;
	return false;
}

bool filter_text_matches(const struct matcher *m, const struct release *r)
{
	const struct str fields[] = {r->title, r->subtitle, r->body};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (fields[i].len && matcher_find(m, fields[i].s, fields[i].len))
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
	return !f->searching || filter_text_matches(&f->matcher, r);
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
