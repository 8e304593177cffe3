/* bound — the one binary search of the program: the first place in a sorted range
 * where an item is no longer below the one sought (C++'s lower_bound). Inline, so
 * that the comparison it is given is inlined too where it is a known function. */
#ifndef RELVIEW_BOUND_H
#define RELVIEW_BOUND_H

#include <stdbool.h>
#include <stddef.h>

/* The first i in [lo, hi) for which below(ctx, i) is false; hi when it is true
 * throughout. below() must be true on a prefix of the range and false after it. */
static inline size_t lower_bound(size_t lo, size_t hi, bool (*below)(const void *ctx, size_t i),
                                 const void *ctx)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (below(ctx, mid))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#endif
