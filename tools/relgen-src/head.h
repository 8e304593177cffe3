/* head.h — pass 1 for one release: everything its header holds and the story its
 * title and body tell, decided before any text is written, so that the entries can
 * be sorted by name and memory holds headers only. */
#ifndef RELGEN_HEAD_H
#define RELGEN_HEAD_H

#include "release.h"
#include "rng.h"

struct gen_opts {
	bool plain; /* only the current layout, with every header field */
};

/* Fills rel (which comes zeroed, but for its copy) from r, keeping its strings in
 * pool, and leaves its entry name, not yet unique, in name. */
void head_generate(struct rng *r, struct release *rel, const struct gen_opts *o, struct buf *pool,
                   struct buf *name);

#endif
