#include "config.h"

#include "relview/idindex.h"

#include <stdlib.h>

bool idindex_reserve(struct idindex *ix, size_t count, size_t first, idindex_key *key,
                     const void *owner)
{
	if ((count + 1) * 2 <= ix->nslots)
		return true;
	size_t n = ix->nslots ? ix->nslots * 2 : first;
	while ((count + 1) * 2 > n)
		n *= 2;
	struct idindex fresh = {calloc(n, sizeof *fresh.slots), n};
	if (!fresh.slots)
		return false;
	for (uint32_t id = 0; id < count; id++) {
		size_t i = idindex_first(&fresh, key(owner, id));
		while (fresh.slots[i])
			i = idindex_next(&fresh, i);
		fresh.slots[i] = id + 1;
	}
	free(ix->slots);
	*ix = fresh;
	return true;
}

void idindex_free(struct idindex *ix)
{
	free(ix->slots);
	*ix = (struct idindex){0};
}
