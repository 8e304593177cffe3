/* grow — room in an array that grows as items are appended: its capacity doubles, so
 * that appending n items costs O(n) in all. */
#ifndef RELVIEW_GROW_H
#define RELVIEW_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* Make *items (of *cap items of item_size bytes) hold at least `need` items; false,
 * with the array as it was, when out of memory. */
bool grow_array(void **items, size_t *cap, size_t need, size_t item_size);

#endif
