#include "config.h"

#include "relview/order.h"

#include "relview/ascii.h"
#include "relview/bound.h"

#include <stdlib.h>
#include <string.h>

/* ---- the display rule ----------------------------------------------------------- */

static int compare_str(struct str a, struct str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	const char *as = a.s ? a.s : "", *bs = b.s ? b.s : ""; /* no text: "" */
	int c = ascii_ncasecmp(as, bs, n);
	if (c == 0)
		c = a.len < b.len ? -1 : a.len > b.len;
	if (c == 0 && n)
		c = memcmp(as, bs, n);
	return c;
}

struct sort_ctx {
	const struct catalog *cat;
	int direction; /* -1: newest first, 1: oldest first */
};

static int compare_releases(const void *pa, const void *pb, void *ctx)
{
	const struct sort_ctx *sc = ctx;
	const struct release *a = &sc->cat->releases[*(const uint32_t *)pa];
	const struct release *b = &sc->cat->releases[*(const uint32_t *)pb];
	if (a->date != b->date) {
		if (!a->date || !b->date)
			return a->date ? -1 : 1; /* undated last either way */
		return a->date < b->date ? -sc->direction : sc->direction;
	}
	int c = compare_str(a->title, b->title);
	if (c == 0)
		c = (a->input > b->input) - (a->input < b->input);
	if (c == 0)
		c = strcmp(a->entry ? a->entry : "", b->entry ? b->entry : "");
	if (c == 0)
		c = (a->seq > b->seq) - (a->seq < b->seq);
	return c;
}

/* The date as a key that grows along the display order; undated last either way.
 * Dates are yyyymmdd, so a dated key stays below 10^8. */
static uint32_t order_date(uint32_t date, int direction)
{
	return !date ? UINT32_MAX : direction > 0 ? date : 99999999u - date;
}

/* A release's place in the order boiled down to two numbers, most of the time
 * enough to decide: most releases share their date with others, and comparing their
 * titles without case was a tenth of the parent's time in a load. */
struct sort_key {
	uint32_t date; /* order_date() */
	uint32_t id;
	uint64_t title; /* the title's first 8 bytes, ASCII folded, big-endian */
};

static struct sort_key key_of(const struct catalog *cat, uint32_t id, int direction)
{
	const struct release *r = &cat->releases[id];
	return (struct sort_key){order_date(r->date, direction), id, r->title_key};
}

static int compare_keys(const void *pa, const void *pb, void *ctx)
{
	const struct sort_key *a = pa, *b = pb;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->title != b->title)
		return a->title < b->title ? -1 : 1;
	return compare_releases(&a->id, &b->id, ctx);
}

/* Releases from a cache arrive in display order already: a check in one pass
 * saves the sort. */
static bool already_sorted(const uint32_t *order, size_t n, struct sort_ctx *sc)
{
	struct sort_key prev = n ? key_of(sc->cat, order[0], sc->direction) : (struct sort_key){0};
	for (size_t i = 1; i < n; i++) {
		struct sort_key next = key_of(sc->cat, order[i], sc->direction);
		if (compare_keys(&prev, &next, sc) > 0)
			return false;
		prev = next;
	}
	return true;
}

/* ---- sorting: by date in two radix passes, then each day by title -------------- */

#define RADIX_BITS 16
#define RADIX_SIZE ((size_t)1 << RADIX_BITS)
/* Below this many keys a comparison sort is as quick as clearing the counts. */
#define RADIX_MIN_KEYS 4096
/* A day with more releases than this is sorted by qsort_r, fewer by insertion. */
#define INSERTION_MAX 16

static size_t radix_digit(uint32_t date, int pass)
{
	return (date >> (pass * RADIX_BITS)) & (RADIX_SIZE - 1);
}

/* Moves keys from src to dst in the order of one digit of their dates, keeping the
 * order of keys with the same digit: after the low digit's pass and the high's,
 * the keys are in date order and each day's keys in the order they came. */
static void radix_pass(const struct sort_key *src, struct sort_key *dst, size_t n, size_t *start,
                       int pass)
{
	for (size_t i = 0; i < n; i++)
		dst[start[radix_digit(src[i].date, pass)]++] = src[i];
}

static bool sort_by_date(struct sort_key *keys, size_t n)
{
	size_t *start = calloc(2 * RADIX_SIZE, sizeof *start);
	struct sort_key *tmp = malloc(n * sizeof *tmp);
	if (!start || !tmp) {
		free(start);
		free(tmp);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		start[radix_digit(keys[i].date, 0)]++;
		start[RADIX_SIZE + radix_digit(keys[i].date, 1)]++;
	}
	for (size_t pass = 0; pass < 2; pass++) { /* counts become each digit's first place */
		size_t *count = start + pass * RADIX_SIZE, sum = 0;
		for (size_t d = 0; d < RADIX_SIZE; d++) {
			size_t c = count[d];
			count[d] = sum;
			sum += c;
		}
	}
	radix_pass(keys, tmp, n, start, 0);
	radix_pass(tmp, keys, n, start + RADIX_SIZE, 1);
	free(tmp);
	free(start);
	return true;
}

static void insertion_sort(struct sort_key *keys, size_t n, struct sort_ctx *sc)
{
	for (size_t i = 1; i < n; i++) {
		struct sort_key k = keys[i];
		size_t j = i;
		for (; j > 0 && compare_keys(&keys[j - 1], &k, sc) > 0; j--)
			keys[j] = keys[j - 1];
		keys[j] = k;
	}
}

/* Sorts keys already in date order within each day. */
static void sort_days(struct sort_key *keys, size_t n, struct sort_ctx *sc)
{
	for (size_t day = 0, end; day < n; day = end) {
		for (end = day + 1; end < n && keys[end].date == keys[day].date; end++)
			;
		if (end - day <= INSERTION_MAX)
			insertion_sort(keys + day, end - day, sc);
		else
			qsort_r(keys + day, end - day, sizeof *keys, compare_keys, sc);
	}
}

/* Many keys sort by date in two radix passes and then day by day, which took a
 * third less time than qsort_r on 100k releases; few keys, or many when memory for
 * the passes is short, by qsort_r. */
static void sort_keys(struct sort_key *keys, size_t n, struct sort_ctx *sc)
{
	if (n >= RADIX_MIN_KEYS && sort_by_date(keys, n))
		sort_days(keys, n, sc);
	else
		qsort_r(keys, n, sizeof *keys, compare_keys, sc);
}

bool order_sort_ids(const struct catalog *cat, uint32_t *ids, size_t n, bool oldest_first)
{
	struct sort_ctx sc = {cat, oldest_first ? 1 : -1};
	if (already_sorted(ids, n, &sc))
		return true;
	struct sort_key *keys = malloc((n ? n : 1) * sizeof *keys);
	if (!keys)
		return false;
	for (size_t i = 0; i < n; i++)
		keys[i] = key_of(cat, ids[i], sc.direction);
	sort_keys(keys, n, &sc);
	for (size_t i = 0; i < n; i++)
		ids[i] = keys[i].id;
	free(keys);
	return true;
}

/* ---- the reader's order ------------------------------------------------------------ */

static bool grow_order(struct order *o, size_t need)
{
	uint32_t **const arrays[] = {&o->ids, &o->keys, &o->rank};
	return catalog_grow_ids(arrays, sizeof arrays / sizeof *arrays, &o->cap, need ? need : 1);
}

static uint32_t date_key(const struct order *o, const struct catalog *cat, uint32_t id)
{
	return order_date(cat->releases[id].date, o->oldest_first ? 1 : -1);
}

/* The ranks of ids[from ..) after the order changed there. */
static void rank_order(struct order *o, size_t from)
{
	for (size_t pos = from; pos < o->count; pos++)
		o->rank[o->ids[pos]] = (uint32_t)pos;
}

void order_init(struct order *o, bool oldest_first)
{
	*o = (struct order){.oldest_first = oldest_first};
}

void order_free(struct order *o)
{
	free(o->ids);
	free(o->keys);
	free(o->rank);
	free(o->added);
	*o = (struct order){0};
}

bool order_sort(struct order *o, const struct catalog *cat, bool oldest_first)
{
	o->oldest_first = oldest_first;
	o->remake = true; /* until it is made: the next update tries again */
	if (!grow_order(o, cat->count))
		return false; /* nothing changed */
	o->count = 0;         /* the ids are overwritten: they cover nothing until sorted */
	for (size_t i = 0; i < cat->count; i++)
		o->ids[i] = (uint32_t)i;
	if (!order_sort_ids(cat, o->ids, cat->count, oldest_first))
		return false;
	o->count = cat->count;
	for (size_t pos = 0; pos < o->count; pos++)
		o->keys[pos] = date_key(o, cat, o->ids[pos]);
	rank_order(o, 0);
	o->rekeys = cat->rekeys;
	o->remake = false;
	return true;
}

struct rank_sought {
	const struct order *o;
	const uint32_t *list;
	uint32_t rank;
};

static bool ranked_before(const void *ctx, size_t i)
{
	const struct rank_sought *s = ctx;
	return s->o->rank[s->list[i]] < s->rank;
}

size_t order_lower_bound(const struct order *o, const uint32_t *list, size_t n, uint32_t id)
{
	return lower_bound(0, n, ranked_before, &(struct rank_sought){o, list, o->rank[id]});
}

void order_merge_ids(const struct order *o, uint32_t *list, size_t n, const uint32_t *add, size_t k)
{
	/* From the last new id back: each one's place is searched for only below the
	 * place of the one after it, and what lies between moves up once. */
	size_t end = n;
	for (size_t j = k; j-- > 0;) {
		size_t at = order_lower_bound(o, list, end, add[j]);
		memmove(list + at + j + 1, list + at, (end - at) * sizeof *list);
		list[at + j] = add[j];
		end = at;
	}
}

/* Where a release not yet in the order goes in ids[0 .. n): the date keys beside
 * the ids narrow it down to the releases of its day without touching a record;
 * the sort's own comparison decides among those. */
struct place_sought {
	const struct order *o;
	uint32_t key;           /* the date key */
	struct sort_ctx sc;     /* and, among the ids of that key, */
	struct sort_key within; /* the sort's own key */
};

static bool key_below(const void *ctx, size_t i)
{
	const struct place_sought *s = ctx;
	return s->o->keys[i] < s->key;
}

static bool key_at_most(const void *ctx, size_t i)
{
	const struct place_sought *s = ctx;
	return s->o->keys[i] <= s->key;
}

static bool sorts_before(const void *ctx, size_t i)
{
	const struct place_sought *s = ctx;
	struct sort_key there = key_of(s->sc.cat, s->o->ids[i], s->sc.direction);
	struct sort_ctx sc = s->sc; /* compare_keys() is qsort_r's, with a mutable context */
	return compare_keys(&there, &s->within, &sc) < 0;
}

static size_t order_place(const struct order *o, const struct catalog *cat, size_t n, uint32_t id)
{
	struct place_sought s = {o, date_key(o, cat, id), {cat, o->oldest_first ? 1 : -1}, {0}};
	s.within = key_of(cat, id, s.sc.direction);
	size_t first = lower_bound(0, n, key_below, &s);
	size_t end = lower_bound(first, n, key_at_most, &s);
	return lower_bound(first, end, sorts_before, &s);
}

/* Merge k new ids (in display order) into the order, its keys moving with it, as
 * order_merge_ids merges into a list; returns the first position that changed. */
static size_t merge_into_order(struct order *o, const struct catalog *cat, const uint32_t *add,
                               size_t k)
{
	uint32_t *ids = o->ids, *keys = o->keys;
	size_t end = o->count;
	for (size_t j = k; j-- > 0;) {
		size_t at = order_place(o, cat, end, add[j]);
		memmove(ids + at + j + 1, ids + at, (end - at) * sizeof *ids);
		memmove(keys + at + j + 1, keys + at, (end - at) * sizeof *keys);
		ids[at + j] = add[j];
		keys[at + j] = date_key(o, cat, add[j]);
		end = at;
	}
	return end;
}

/* Has a release already placed taken another copy's sort key since the order last
 * looked (catalog.h: rekeyed)? A release not placed yet is placed by its new key. */
static bool placed_rekeyed(const struct order *o, const struct catalog *cat)
{
	for (size_t i = o->rekeys; i < cat->rekeys; i++)
		if (i >= cat->nrekeyed || cat->rekeyed[i] < o->count)
			return true; /* past the ids the catalog had room to note: assume so */
	return false;
}

enum order_update order_update(struct order *o, const struct catalog *cat, size_t *nadded)
{
	size_t from = o->count, k = cat->count - from;
	*nadded = 0;
	if (o->remake || placed_rekeyed(o, cat))
		return order_sort(o, cat, o->oldest_first) ? ORDER_REMADE : ORDER_NO_MEMORY;
	o->rekeys = cat->rekeys;
	if (k == 0)
		return ORDER_SAME;
	uint32_t *added = realloc(o->added, k * sizeof *added);
	if (added)
		o->added = added;
	if (!added || !grow_order(o, cat->count))
		return ORDER_NO_MEMORY;
	for (size_t i = 0; i < k; i++)
		added[i] = (uint32_t)(from + i);
	if (!order_sort_ids(cat, added, k, o->oldest_first))
		return ORDER_NO_MEMORY;
	size_t changed = merge_into_order(o, cat, added, k);
	o->count = cat->count;
	rank_order(o, changed);
	*nadded = k;
	return ORDER_ADDED;
}
