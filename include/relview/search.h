/* search — finding a typed string in release text, with smart case: a pattern with
 * no capital letter matches regardless of (ASCII) case, one with a capital matches
 * exactly. Used by the list filter and by find-in-release. */
#ifndef RELVIEW_SEARCH_H
#define RELVIEW_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct matcher {
	char *pattern; /* lower-cased when folding */
	size_t len;
	bool fold; /* ignore case */
};

/* Prepare a matcher for a pattern (copied); false when out of memory. An empty
 * pattern matches everywhere. */
bool matcher_init(struct matcher *m, const char *pattern, size_t len);
void matcher_free(struct matcher *m);

/* The first match in hay[0..n), or NULL. */
const char *matcher_find(const struct matcher *m, const char *hay, size_t n);

#endif
