/* sets.h — a hash of bytes and two open-addressing sets: of 64-bit hashes (for the
 * texts written, which must all differ) and of entry names (which must be unique).
 * Neither ever removes or grows: each is sized for what it will hold. */
#ifndef RELGEN_SETS_H
#define RELGEN_SETS_H

#include "base.h"

uint64_t hash_bytes(const void *data, size_t n);

/* An open-addressing set of 64-bit hashes (0 stands for empty). */
struct hashset {
	uint64_t *slot;
	size_t mask, count;
};

void hashset_init(struct hashset *s, size_t expect);
bool hashset_add(struct hashset *s, uint64_t h);

/* Entry names, kept exactly (a table of pool offsets by hash). */
struct nameset {
	size_t *slot; /* pool offset + 1; 0 empty */
	size_t mask;
};

void nameset_init(struct nameset *s, size_t expect);
bool nameset_has(const struct nameset *s, const struct buf *pool, const char *name);
void nameset_add(struct nameset *s, const struct buf *pool, size_t off);

#endif
