/* page.h — pass 2 for one release: its text, written in its page layout from its
 * header, with a body drawn from a random stream of its own. */
#ifndef RELGEN_PAGE_H
#define RELGEN_PAGE_H

#include "release.h"
#include "rng.h"

struct writer {
	struct rng r;
	const struct release *rel;
	const char *pool;
	struct buf *out;
	uint8_t deck[32], ndeck, dealt; /* see deal_detail() */
};

void write_release_text(struct writer *w);

#endif
