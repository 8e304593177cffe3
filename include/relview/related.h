/* related — the releases related to one release, ranked, each with why:
 *
 *  - same topic and place: the same location, at least one topic in common, and
 *    dated within RELATED_DAYS days of it ("same topic+place, 12 days later");
 *  - rare names: names both releases hold that few releases of the catalog hold
 *    ("shares: Operation Quiet Storm").
 *
 * A name is a run of two or more capitalised words in the title, subtitle or body ("Sterus
 * Feranford", "Operation Quiet Storm", "Jane Q. Doe"), with the words that lead up
 * to names dropped from its front ("The", "On", "Special Agent", "Director"): see
 * related_names(). It is rare when at most RELATED_RARE_MAX releases hold it and its
 * last two words (its tail: "State Police" of "Utah State Police") end the names of
 * at most RELATED_RARE_MAX releases too: a name whose tail is that common names one
 * of a kind of agency ("Utah State Police", "Dallas Police Department"), found by
 * how many releases name one of the kind, not from a list of them. The index of
 * rare names and common tails is built over the whole catalog on the first question
 * (at once, or in steps), and kept. No curses here. */
#ifndef RELVIEW_RELATED_H
#define RELVIEW_RELATED_H

#include "relview/catalog.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RELATED_DAYS 30
/* A name more releases than this hold (an office, a city, an agency) relates
 * nothing: shared by so many, it says little about any two. */
#define RELATED_RARE_MAX 12
/* Results at most: the nearest and the most shared first. */
#define RELATED_MAX     200
#define RELATED_WHY_MAX 128
/* Longer runs of capitalised words are headlines, not names. */
#define RELATED_NAME_WORDS_MAX 5

struct related {
	uint32_t id; /* the release's index in the catalog */
	char why[RELATED_WHY_MAX];
};

struct related_index;

/* An index over the catalog, built on the first related_find(); NULL when out of
 * memory. The catalog must outlive it. */
struct related_index *related_new(const struct catalog *cat);
void related_free(struct related_index *ix);

/* Build the index a step at a time, so that a screen can stay responsive while it
 * is built: up to `budget` more releases, or once all are in, a part of the sort
 * (a few, then a last step). True once it is complete; *ok false when out of
 * memory. */
bool related_index_step(struct related_index *ix, size_t budget, bool *ok);
/* How much of the index is built, 0 to 100. */
int related_index_percent(const struct related_index *ix);
/* The releases it indexes: ids below this, the catalog's count when it began (a
 * catalog still loading grows past it; the names of later releases are not in). */
size_t related_index_covers(const struct related_index *ix);

/* The releases related to release `id` into *out (to be freed; NULL when none) and
 * *n: the RELATED_MAX best (both reasons, then the same place and nearest, then the
 * most and rarest names shared), by reason (both, same place, names), each reason's
 * newest first (undated last) as the list is; the index is completed first when it
 * is not yet. False when out of memory. */
bool related_find(struct related_index *ix, uint32_t id, struct related **out, size_t *n);

/* The names in a text, in order, as spans of it (each once is not promised); at
 * most max of them. Returns how many. */
size_t related_names(struct str text, struct str *names, size_t max);

#endif
