#include "config.h"

#include "relview/grow.h"

#include <stdint.h>
#include <stdlib.h>

#define FIRST_CAPACITY 64

bool grow_array(void **items, size_t *cap, size_t need, size_t item_size)
{
	if (need <= *cap)
		return true;
	size_t bigger = *cap ? *cap * 2 : FIRST_CAPACITY;
	while (bigger < need)
		bigger *= 2;
	if (bigger > SIZE_MAX / item_size)
		return false;
	void *more = realloc(*items, bigger * item_size);
	if (!more)
		return false;
	*items = more;
	*cap = bigger;
	return true;
}
