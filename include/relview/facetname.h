/* facetname — does a --topic or --location value (a topic: or location: term, a
 * picker's typing) name a facet? Both compare words, case folded: every word of the
 * value begins a word of the name ("gang" and "Transnational Gangs", "san j" and
 * "San Juan, PR", "mayaguez" and "Mayagüez"). A topic folds accents too unless the
 * value has one (as the search does); a place always ("méxico" is "Mexico"). A
 * place also answers to its state's postal code and name (from its first word:
 * "new m", not "mexico", is New Mexico) and, in the U.S., to "usa", "us", "u.s."
 * and "united states"; an abbreviation that is a code ("p.r.") is that code only,
 * and so is a whole value that is a postal code alone ("ca", "TX"). */
#ifndef RELVIEW_FACETNAME_H
#define RELVIEW_FACETNAME_H

#include <stdbool.h>
#include <stddef.h>

struct facet_set;

bool facetname_topic_matches(const char *name, size_t len, const char *value);
bool facetname_location_matches(const char *location, size_t len, const char *value);
/* As facetname_location_matches, for what is being typed in the picker: a postal
 * code alone narrows as any word does ("ca" on the way to "cairo"). */
bool facetname_location_typed(const char *location, size_t len, const char *typed);

typedef bool (*facetname_test)(const char *name, size_t len, const char *value);

/* Decide, for the facets of set from *decided on, whether any of the values names
 * each: the table grows to the set's size. False when out of memory. */
bool facetname_decide(bool **table, size_t *decided, const struct facet_set *set,
                      const char *const *values, size_t nvalues, facetname_test test);
/* Does the value name any facet of set? */
bool facetname_names_any(const struct facet_set *set, const char *value, facetname_test test);

#endif
