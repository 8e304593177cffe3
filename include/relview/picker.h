/* picker — choosing topics or locations: every facet with its count under the
 * other filters, locations grouped by state or country, narrowed as one types. */
#ifndef RELVIEW_PICKER_H
#define RELVIEW_PICKER_H

#include "relview/catalog.h"
#include "relview/scroll.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PICKER_NONE UINT32_MAX

struct picker_item {
	struct str label;
	uint32_t facet;  /* the facet id; PICKER_NONE for a group */
	uint32_t parent; /* the group's item index; PICKER_NONE at top level */
	uint32_t count;  /* releases under the other filters */
};

struct picker {
	enum facet_kind kind;
	struct picker_item *items;
	size_t nitems;
	bool *chosen; /* per facet id */
	size_t nfacets;
	uint32_t *shown; /* item indices left by the narrowing text */
	size_t nshown;
	struct scroll cursor;
	/* The cursor was put on an item, by typing or moving, since the last choice
	 * (picker_toggle, picker_clear): Enter with nothing chosen takes that item. */
	bool pointed;
	/* Something was chosen or unchosen here: what is chosen is the user's doing,
	 * not only the filter the picker opened with. */
	bool toggled;
};

/* The picker for a kind of facet: every facet with its count; locations grouped by
 * state (by its name or code, after the city) or else by country (the last part).
 * `chosen` (NULL: none) is copied. False when out of memory. */
bool picker_init(struct picker *p, const struct catalog *cat, enum facet_kind kind,
                 const uint32_t *counts, const bool *chosen);
void picker_free(struct picker *p);
/* Show only items the text names (topics and places as --topic and --location
 * take it, words apart with spaces: facetname.h; sources whose path holds it, as
 * the search finds text), with their group or the members of a matching group.
 * The cursor stays on the same item while the text names it, or else goes to the
 * first item the text names itself ("mayaguez": Mayagüez, PR, not Puerto Rico,
 * which shows for it). Text typed points the cursor (pointed). */
bool picker_narrow(struct picker *p, const char *text, size_t len);
/* Toggle the item under the cursor; a group turns all its members on, or all off
 * when they all were on. */
void picker_toggle(struct picker *p);
/* Unchoose everything. */
void picker_clear(struct picker *p);
/* Before applying (Enter), as fzf does: unless something chosen here is chosen
 * still, the item the cursor was pointed at (pointed) is chosen, in place of what
 * the picker opened with ("l", "seattle", Enter: Seattle, whatever place was
 * chosen before); nothing changes when nothing was typed nor moved since opening
 * or the last choice (with nothing chosen, Enter then means no filter). */
void picker_choose_pointed(struct picker *p);
/* 0: not chosen, 1: some members chosen (groups), 2: chosen. */
int picker_state(const struct picker *p, size_t item);
size_t picker_nchosen(const struct picker *p);

#endif
