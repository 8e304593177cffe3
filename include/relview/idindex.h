/* idindex — the one hash table: an open-addressing index of uint32 ids into an array
 * its owner keeps (the catalog's releases and facets, the topic vocabulary, a
 * reader's hard-link targets). A slot holds id + 1 (0 is empty); probing is linear;
 * the index is kept at most half full. The owner hashes and compares its own items:
 *
 *     for (size_t i = idindex_first(ix, hash); ix->slots[i]; i = idindex_next(ix, i))
 *             if (item ix->slots[i] - 1 is the one sought) break;
 *     ... ix->slots[i] is then the match, or the empty slot where it would go.
 */
#ifndef RELVIEW_IDINDEX_H
#define RELVIEW_IDINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct idindex {
	uint32_t *slots;
	size_t nslots; /* 0, or a power of two */
};

/* The hash of the owner's item `id`, as it was probed for. */
typedef uint64_t idindex_key(const void *owner, uint32_t id);

/* Room for one more id with `count` ids (0 .. count - 1) in: the slots are doubled
 * (at least `first` of them) and the ids put back by key() when that would pass
 * half full. False, with the index as it was, when out of memory. */
bool idindex_reserve(struct idindex *ix, size_t count, size_t first, idindex_key *key,
                     const void *owner);

static inline size_t idindex_first(const struct idindex *ix, uint64_t hash)
{
	return (size_t)hash & (ix->nslots - 1);
}

static inline size_t idindex_next(const struct idindex *ix, size_t slot)
{
	return (slot + 1) & (ix->nslots - 1);
}

void idindex_free(struct idindex *ix);

#endif
