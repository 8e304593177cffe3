/* head.h — pass 1 for one release: everything its header holds and the story its
 * title and body tell, decided before any text is written, so that the entries can
 * be sorted by name and memory holds headers only. */
#ifndef RELGEN_HEAD_H
#define RELGEN_HEAD_H

#include "release.h"
#include "rng.h"

struct gen_opts {
	bool plain;       /* only the current layout, with every header field */
	bool all_layouts; /* every layout relview reads, not only the first five */
};

/* The i-th topic as the release prints it, into out: its name, in Spanish on the
 * Spanish pages, with "&" for "and" where rel->ampersand. */
void topic_spelling(const struct release *rel, unsigned i, struct buf *out);

/* Whether the layout prints a headline (the truth has none where it does not). */
bool layout_has_title(unsigned layout);

/* Fills rel (which comes zeroed, but for its copy) from r, keeping its strings in
 * pool, and leaves its entry name, not yet unique, in name. */
void head_generate(struct rng *r, struct release *rel, const struct gen_opts *o, struct buf *pool,
                   struct buf *name);

#endif
