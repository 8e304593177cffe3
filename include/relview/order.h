/* order — the display order of a catalog's releases, kept by the one who shows them.
 *
 * The rule: newest first (oldest first when asked), ties by title, then input, then
 * entry; undated releases last either way. An order belongs to the thread that
 * reads it (the terminal's reader, or --list, --print and --stats once everything
 * is loaded): while a loader adds releases (catalog_share), the catalog is the
 * loader's to write and the order is only ever written by its owner, which reads
 * the catalog for it with the catalog's lock held (feed_enter). Nothing in the
 * catalog refers to an order, so any number of them can be kept over one catalog. */
#ifndef RELVIEW_ORDER_H
#define RELVIEW_ORDER_H

#include "relview/catalog.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct order {
	uint32_t *ids;   /* release ids in display order: ids[0 .. count) */
	uint32_t *keys;  /* beside ids: each one's date as a key that grows along the order */
	uint32_t *rank;  /* by release id below count: its position in ids */
	size_t count;    /* releases in the order: the ids below this (after an
	                  * out-of-memory, fewer than the catalog holds) */
	size_t cap;      /* room in ids, keys and rank */
	uint32_t *added; /* the ids the last order_update merged in, in display order */
	size_t rekeys;   /* the catalog's rekeys already looked at (catalog.h) */
	bool oldest_first;
	bool remake; /* the next update sorts the whole again (a sort ran out of memory) */
};

/* An empty order in a direction: the first order_update sorts what is there. */
void order_init(struct order *o, bool oldest_first);
void order_free(struct order *o);

/* Put every release of the catalog in order. False when out of memory: then the
 * order covers what it covered (o->count), or nothing, and the next order_update
 * tries again. */
bool order_sort(struct order *o, const struct catalog *cat, bool oldest_first);

enum order_update { ORDER_SAME, ORDER_ADDED, ORDER_REMADE, ORDER_NO_MEMORY };

/* Bring the order up to date with the releases the catalog gained since the order
 * was sorted or last updated, in its direction: they are sorted among themselves
 * and merged in, so the cost is O(k log n) comparisons and one pass of moves over
 * the order for k new releases, never a sort of the whole. ORDER_ADDED:
 * o->added[0 .. *nadded) are the new ids in display order. ORDER_REMADE: a
 * release already in the order took an earlier copy's name (catalog_commit), so
 * the whole order was sorted again. ORDER_NO_MEMORY: the order is as it was (or
 * empty, after a whole sort failed) and the next update tries again. */
enum order_update order_update(struct order *o, const struct catalog *cat, size_t *nadded);

/* Merge k release ids (in display order) into list[0 .. n) (in display order, with
 * room for n + k): each new id's place is found by binary search over positions in
 * the order, and the rest moves up in blocks. Every id must be in the order. */
void order_merge_ids(const struct order *o, uint32_t *list, size_t n, const uint32_t *add,
                     size_t k);

/* The first position in list[0 .. n) (in display order) whose release does not
 * come before release id: where id is, or would go. id must be in the order. */
size_t order_lower_bound(const struct order *o, const uint32_t *list, size_t n, uint32_t id);

/* Put some release ids in display order (no order needed: the cache writes its
 * records so). False when out of memory. */
bool order_sort_ids(const struct catalog *cat, uint32_t *ids, size_t n, bool oldest_first);

static inline const struct release *order_at(const struct order *o, const struct catalog *cat,
                                             size_t pos)
{
	return &cat->releases[o->ids[pos]];
}

#endif
