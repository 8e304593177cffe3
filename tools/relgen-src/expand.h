/* expand.h — template expansion: a template's codes (templates.h) replaced by the
 * release's story, by words drawn at random, or by its typographic style; and the
 * invented names of people. */
#ifndef RELGEN_EXPAND_H
#define RELGEN_EXPAND_H

#include "release.h"
#include "rng.h"

struct expand_ctx {
	struct rng *r;
	const struct release *rel;
	const char *pool;
	struct buf *out;
	int depth; /* of quotations in quotations, which stop at two */
};

void expand(struct expand_ctx *c, const char *t);
void gen_given_name(struct rng *r, struct buf *b);
void gen_family_name(struct rng *r, struct buf *b);

#endif
