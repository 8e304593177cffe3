/* picker — the topic, location and source pickers as data. */
#include "config.h"

#include "relview/picker.h"

#include "relview/ascii.h"
#include "relview/facetname.h"
#include "relview/place.h"
#include "relview/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int compare_folded(struct str a, struct str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	for (size_t i = 0; i < n; i++) {
		int ca = (unsigned char)ascii_lower(a.s[i]),
		    cb = (unsigned char)ascii_lower(b.s[i]);
		if (ca != cb)
			return ca - cb;
	}
	return (a.len > b.len) - (a.len < b.len);
}

/* A facet and the group it is listed under. */
struct entry {
	struct str name, group; /* group.len 0: none */
	uint32_t facet;
};

static int by_group_then_name(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = compare_folded(a->group.len ? a->group : a->name,
	                       b->group.len ? b->group : b->name);
	if (c)
		return c;
	if (!a->group.len != !b->group.len) /* a lone "Mexico" before the group "Mexico" */
		return a->group.len ? 1 : -1;
	return compare_folded(a->name, b->name);
}

static struct str trim(const char *s, size_t n)
{
	ascii_trim(&s, &n);
	return (struct str){s, n};
}

static bool is_united_states(struct str country)
{
	static const char us[] = "United States";
	return country.len == sizeof us - 1 && ascii_ncasecmp(country.s, us, country.len) == 0;
}

/* The group of places printed with the country and no state: not all of the United
 * States, which are grouped by state. */
static const struct str stateless = {"United States, no state given",
                                     sizeof "United States, no state given" - 1};

/* The group of a location: a state named after the city ("Houston, TX" → Texas),
 * or else the country it ends with ("Brasilia, Brazil" → Brazil). */
static struct str location_group(struct str loc)
{
	const char *name;
	if (place_state_of(loc.s, loc.len, &name))
		return (struct str){name, strlen(name)};
	size_t comma = place_last_comma(loc.s, loc.len);
	struct str country = comma < loc.len ? trim(loc.s + comma + 1, loc.len - comma - 1) : loc;
	if (country.len && place_is_country(country.s, country.len))
		return is_united_states(country) ? stateless : country;
	return (struct str){NULL, 0};
}

static bool build_items(struct picker *p, const struct catalog *cat, const uint32_t *counts)
{
	size_t count = p->nfacets;
	struct entry *e = malloc((count ? count : 1) * sizeof *e);
	/* calloc: scan-build, not following nitems, took an item never built for one read */
	p->items = calloc(2 * count + 1, sizeof *p->items);
	if (!e || !p->items) {
		free(e);
		return false;
	}
	size_t kept = 0;
	for (uint32_t i = 0; i < count; i++) {
		/* A place whose releases all moved to another (catalog.h: us_cities) is
		 * in no release: not offered. */
		if (p->kind == FACET_LOCATION && !cat->locations.items[i].count)
			continue;
		struct str name = facet_name(cat, p->kind, i);
		struct str group =
		        p->kind == FACET_LOCATION ? location_group(name) : (struct str){NULL, 0};
		e[kept++] = (struct entry){name, group, i};
	}
	count = kept;
	qsort(e, count, sizeof *e, by_group_then_name);
	uint32_t group = PICKER_NONE;
	for (size_t i = 0; i < count; i++) {
		bool same = group != PICKER_NONE && e[i].group.len &&
		            compare_folded(p->items[group].label, e[i].group) == 0;
		if (!same && e[i].group.len) {
			group = (uint32_t)p->nitems;
			p->items[p->nitems++] =
			        (struct picker_item){e[i].group, PICKER_NONE, PICKER_NONE, 0};
		} else if (!same) {
			group = PICKER_NONE;
		}
		p->items[p->nitems++] =
		        (struct picker_item){e[i].name, e[i].facet, group, counts[e[i].facet]};
		if (group != PICKER_NONE)
			p->items[group].count += counts[e[i].facet];
	}
	free(e);
	return true;
}

bool picker_init(struct picker *p, const struct catalog *cat, enum facet_kind kind,
                 const uint32_t *counts, const bool *chosen)
{
	size_t count = facet_count(cat, kind);
	*p = (struct picker){.kind = kind, .nfacets = count};
	p->chosen = calloc(count ? count : 1, sizeof *p->chosen);
	p->shown = malloc((2 * count + 1) * sizeof *p->shown);
	if (!p->chosen || !p->shown || !build_items(p, cat, counts) || !picker_narrow(p, "", 0)) {
		picker_free(p);
		return false;
	}
	if (chosen)
		memcpy(p->chosen, chosen, count * sizeof *p->chosen);
	return true;
}

void picker_free(struct picker *p)
{
	free(p->items);
	free(p->chosen);
	free(p->shown);
	*p = (struct picker){0};
}

/* Which items the typing matches: topics and places as --topic and --location
 * match (word prefixes, states and countries by name or code), sources (paths) as
 * the search matches text. hit: room for every item. False when out of memory. */
static bool match_items(const struct picker *p, const char *text, size_t len, bool *hit)
{
	char *value = strndup(text, len);
	struct matcher m;
	bool by_name = p->kind != FACET_SOURCE;
	if (!value || (!by_name && !matcher_init(&m, value, len))) {
		free(value);
		return false;
	}
	for (size_t i = 0; i < p->nitems; i++) {
		struct str label = p->items[i].label;
		if (!len)
			hit[i] = true;
		else if (by_name)
			hit[i] = p->kind == FACET_TOPIC
			                 ? facetname_topic_matches(label.s, label.len, value)
			                 : facetname_location_typed(label.s, label.len, value);
		else
			hit[i] = matcher_find(&m, label.s, label.len, &(size_t){0}) != NULL;
	}
	if (!by_name)
		matcher_free(&m);
	free(value);
	return true;
}

/* A postal code typed ("pr") names its state: the row of the state's group when it
 * shows, before the places that merely begin with the letters (Port-au-Prince). */
static size_t state_row(const struct picker *p, const char *text, size_t len)
{
	const char *name;
	if (p->kind != FACET_LOCATION || len != 2 || !place_state(text, len, &name))
		return SIZE_MAX;
	for (size_t row = 0; row < p->nshown; row++) {
		struct str label = p->items[p->shown[row]].label;
		if (p->items[p->shown[row]].facet == PICKER_NONE && label.len == strlen(name) &&
		    memcmp(label.s, name, label.len) == 0)
			return row;
	}
	return SIZE_MAX;
}

bool picker_narrow(struct picker *p, const char *text, size_t len)
{
	bool *hit = calloc(p->nitems ? p->nitems : 1, sizeof *hit);
	if (!hit || !match_items(p, text, len, hit)) {
		free(hit);
		return false;
	}
	uint32_t was = p->nshown ? p->shown[p->cursor.sel] : PICKER_NONE;
	/* A group shows when a member matches; members show when their group does. */
	bool *group_needed = calloc(p->nitems ? p->nitems : 1, sizeof *group_needed);
	if (!group_needed) {
		free(hit);
		return false;
	}
	for (size_t i = 0; i < p->nitems; i++)
		if (hit[i] && p->items[i].parent != PICKER_NONE)
			group_needed[p->items[i].parent] = true;
	/* The cursor: on the item it was on while the text names that, else on the
	 * first the text names, not a group shown only for a member. */
	size_t kept = SIZE_MAX, first = SIZE_MAX;
	p->nshown = 0;
	for (size_t i = 0; i < p->nitems; i++) {
		uint32_t parent = p->items[i].parent;
		if (hit[i] || group_needed[i] || (parent != PICKER_NONE && hit[parent])) {
			if (hit[i] && i == was)
				kept = p->nshown;
			if (hit[i] && first == SIZE_MAX)
				first = p->nshown;
			p->shown[p->nshown++] = (uint32_t)i;
		}
	}
	size_t state = kept == SIZE_MAX ? state_row(p, text, len) : SIZE_MAX;
	p->cursor.sel = kept != SIZE_MAX    ? kept
	                : state != SIZE_MAX ? state
	                : first != SIZE_MAX ? first
	                                    : 0;
	p->cursor.count = p->nshown;
	p->pointed = len > 0; /* typed and erased: nothing pointed at */
	free(hit);
	free(group_needed);
	return true;
}

/* Members of group g follow it directly. */
static size_t members_end(const struct picker *p, size_t g)
{
	size_t i = g + 1;
	while (i < p->nitems && p->items[i].parent == g)
		i++;
	return i;
}

void picker_toggle(struct picker *p)
{
	p->pointed = false;
	p->toggled = true;
	if (!p->nshown)
		return;
	size_t item = p->shown[p->cursor.sel];
	if (p->items[item].facet != PICKER_NONE) {
		bool *c = &p->chosen[p->items[item].facet];
		*c = !*c;
		return;
	}
	bool on = picker_state(p, item) != 2;
	for (size_t i = item + 1; i < members_end(p, item); i++)
		p->chosen[p->items[i].facet] = on;
}

void picker_clear(struct picker *p)
{
	memset(p->chosen, 0, p->nfacets * sizeof *p->chosen);
	p->pointed = false;
	p->toggled = true;
}

void picker_choose_pointed(struct picker *p)
{
	if (!p->pointed || !p->nshown || (p->toggled && picker_nchosen(p)))
		return;
	memset(p->chosen, 0, p->nfacets * sizeof *p->chosen);
	picker_toggle(p);
}

int picker_state(const struct picker *p, size_t item)
{
	if (p->items[item].facet != PICKER_NONE)
		return p->chosen[p->items[item].facet] ? 2 : 0;
	size_t on = 0, end = members_end(p, item);
	for (size_t i = item + 1; i < end; i++)
		on += p->chosen[p->items[i].facet];
	return on == 0 ? 0 : on == end - item - 1 ? 2 : 1;
}

size_t picker_nchosen(const struct picker *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nfacets; i++)
		n += p->chosen[i];
	return n;
}
