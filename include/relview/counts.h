/* counts — what reading one input gave: the source's own counts and what became of
 * its entries. The loader counts them (load.h); the cache keeps them beside the
 * input's share of the catalog (cache.h), so that a re-open reports the same. */
#ifndef RELVIEW_COUNTS_H
#define RELVIEW_COUNTS_H

#include "relview/source.h"

#include <stdint.h>

struct load_counts {
	struct source_counts source;
	uint64_t releases;   /* added to the catalog */
	uint64_t duplicates; /* merged into an identical release already in */
	uint64_t empty, binary;
};

#endif
