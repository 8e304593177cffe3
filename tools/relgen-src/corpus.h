/* corpus.h — the corpus: every release's header, and the entries of the archive
 * sorted by name, with what each holds. Building it is pass 1; writing it is
 * write.h's pass 2. */
#ifndef RELGEN_CORPUS_H
#define RELGEN_CORPUS_H

#include "head.h"
#include "release.h"
#include "sets.h"

/* What an entry holds: a release, an exact copy of one, or junk that is no release. */
enum entry_kind {
	ENT_RELEASE,
	ENT_COPY,
	ENT_DIR,
	ENT_PNG,
	ENT_DS_STORE,
	ENT_APPLEDOUBLE,
	ENT_EMPTY
};

struct entry {
	size_t name; /* pool offset */
	uint8_t kind;
	uint32_t rel; /* the release, for ENT_RELEASE and ENT_COPY */
};

struct corpus {
	uint64_t seed;
	struct gen_opts opts;
	struct buf pool;
	struct release *rel;
	size_t nrel;
	struct entry *ent;
	size_t nent, capent;
	struct nameset names;
};

/* Pass 1: count releases into c, which holds the seed and options, then the copies
 * and junk entries unless plain; the entries sorted by name. */
void corpus_build(struct corpus *c, size_t count);
void corpus_free(struct corpus *c);

#endif
