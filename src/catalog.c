#include "config.h"

#include "relview/catalog.h"

#include "relview/grow.h"
#include "relview/hash.h"
#include "relview/parse.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

/* ---- arena: release text in large blocks -------------------------------------- */

#define ARENA_BLOCK ((size_t)8 << 20)
/* Pages are asked for this much at a time, ahead of the texts written into them: a
 * block populated whole at once had kept up to 8 MiB the load never used. */
#define POPULATE_STEP ((size_t)1 << 20)

struct block {
	struct block *next;
	size_t size, used;
	size_t populated; /* data[0 .. populated) asked for; SIZE_MAX: left to faults */
	char data[];
};

struct arena {
	struct block *head; /* the block being filled */
	char *reserved;     /* the last reservation, not yet committed */
};

/* Ask the kernel for the whole pages in [p, p + len) in one call, before they are
 * written, and return how far from p they reach. A large load fills hundreds of
 * megabytes of fresh memory, and taking them one 4 KiB fault at a time cost more
 * than decoding the text into them: this cut a 100k load's CPU time by about 8%.
 * (Huge pages cost more still on the virtual machines measured:
 * docs/PERFORMANCE.md.) */
static size_t populate(char *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
	uintptr_t end = ((uintptr_t)p + len) & ~(page - 1);
	if (end <= start)
		return 0;
	madvise((void *)start, end - start, MADV_POPULATE_WRITE);
	return end - (uintptr_t)p; /* up to a page's start: the next call goes on from there */
#else
	(void)p;
	return len;
#endif
}

static struct block *arena_grow(struct arena *a, size_t need)
{
	size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
	struct block *b = malloc(sizeof *b + size);
	if (!b)
		return NULL;
	b->size = size;
	b->used = 0;
	/* Not the first block, so that small loads stay small, nor one made for an
	 * outsized text, of which a third at most is kept. */
	b->populated = a->head && size == ARENA_BLOCK ? 0 : SIZE_MAX;
	b->next = a->head;
	a->head = b;
	return b;
}

/* Populate the block's pages up to `end` and a step beyond, each page once. */
static void populate_to(struct block *b, size_t end)
{
	if (end <= b->populated)
		return;
	size_t to = end + POPULATE_STEP < b->size ? end + POPULATE_STEP : b->size;
	b->populated += populate(b->data + b->populated, to - b->populated);
}

static char *arena_reserve(struct arena *a, size_t max)
{
	struct block *b = a->head;
	if (!b || b->size - b->used < max)
		b = arena_grow(a, max);
	if (b)
		populate_to(b, b->used + max);
	a->reserved = b ? b->data + b->used : NULL;
	return a->reserved;
}

/* Keep len bytes of the last reservation. A block made for one outsized text is
 * shrunk to fit, which may move it: the caller gets the text's final address. */
static char *arena_commit(struct arena *a, size_t len)
{
	struct block *b = a->head;
	a->reserved = NULL;
	if (b->used == 0 && b->size > ARENA_BLOCK) {
		struct block *small = realloc(b, sizeof *b + len);
		if (small) {
			small->size = len;
			a->head = b = small;
		}
		b->used = b->size; /* full: the next text starts a new block */
		return b->data;
	}
	b->used += len;
	return b->data + b->used - len;
}

static char *arena_copy(struct arena *a, const char *s, size_t len)
{
	char *dst = arena_reserve(a, len + 1);
	if (!dst)
		return NULL;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return arena_commit(a, len + 1);
}

static void arena_free(struct arena *a)
{
	while (a && a->head) {
		struct block *next = a->head->next;
		free(a->head);
		a->head = next;
	}
	free(a);
}

/* ---- open-addressing index of uint32 ids (stored as id + 1; 0 is empty) ------- */

static bool index_rehash(uint32_t **slots, size_t *nslots, size_t count,
                         uint64_t (*key)(const void *, uint32_t), const void *owner)
{
	size_t n = *nslots ? *nslots * 2 : 1024;
	uint32_t *fresh = calloc(n, sizeof *fresh);
	if (!fresh)
		return false;
	for (uint32_t id = 0; id < count; id++) {
		size_t i = key(owner, id) & (n - 1);
		while (fresh[i])
			i = (i + 1) & (n - 1);
		fresh[i] = id + 1;
	}
	free(*slots);
	*slots = fresh;
	*nslots = n;
	return true;
}

/* ---- facets ------------------------------------------------------------------- */

static uint64_t facet_key(const void *owner, uint32_t id)
{
	const struct facet *f = &((const struct facet_set *)owner)->items[id];
	return XXH3_64bits(f->name.s, f->name.len);
}

/* The id of the facet with this name, added (name copied) when new. */
static uint32_t facet_intern(struct facet_set *set, struct arena *arena, const char *s, size_t len)
{
	if ((set->count + 1) * 2 > set->nslots &&
	    !index_rehash(&set->slots, &set->nslots, set->count, facet_key, set))
		return FACET_NONE;
	size_t i = XXH3_64bits(s, len) & (set->nslots - 1);
	for (; set->slots[i]; i = (i + 1) & (set->nslots - 1)) {
		struct facet *f = &set->items[set->slots[i] - 1];
		if (f->name.len == len && memcmp(f->name.s, s, len) == 0)
			return set->slots[i] - 1;
	}
	char *name = arena_copy(arena, s, len);
	if (!name ||
	    !grow_array((void **)&set->items, &set->cap, set->count + 1, sizeof *set->items))
		return FACET_NONE;
	set->items[set->count] = (struct facet){{name, len}, 0};
	set->slots[i] = (uint32_t)++set->count;
	return (uint32_t)set->count - 1;
}

static void facet_set_free(struct facet_set *set)
{
	free(set->items);
	free(set->slots);
}

/* ---- catalog ------------------------------------------------------------------ */

struct catalog *catalog_new(void)
{
	struct catalog *cat = calloc(1, sizeof *cat);
	if (cat && (!(cat->texts = calloc(1, sizeof *cat->texts)) ||
	            !(cat->names = calloc(1, sizeof *cat->names)))) {
		free(cat->texts);
		free(cat);
		return NULL;
	}
	return cat;
}

void catalog_free(struct catalog *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->ninputs; i++)
		free(cat->inputs[i]);
	free(cat->inputs);
	free(cat->releases);
	free(cat->order);
	free(cat->order_keys);
	free(cat->rank);
	free(cat->topic_refs);
	free(cat->by_hash);
	free(cat->added);
	if (cat->lock) {
		pthread_mutex_destroy(cat->lock);
		free(cat->lock);
	}
	facet_set_free(&cat->topics);
	facet_set_free(&cat->locations);
	arena_free(cat->texts);
	arena_free(cat->names);
	while (cat->mappings) {
		struct mapping *next = cat->mappings->next;
		munmap(cat->mappings->base, cat->mappings->size);
		free(cat->mappings);
		cat->mappings = next;
	}
	free(cat);
}

bool catalog_share(struct catalog *cat)
{
	if (cat->lock)
		return true;
	pthread_mutex_t *lock = malloc(sizeof *lock);
	if (!lock || pthread_mutex_init(lock, NULL) != 0) {
		free(lock);
		return false;
	}
	cat->lock = lock;
	return true;
}

void catalog_lock(struct catalog *cat)
{
	if (cat->lock)
		pthread_mutex_lock(cat->lock);
}

void catalog_unlock(struct catalog *cat)
{
	if (cat->lock)
		pthread_mutex_unlock(cat->lock);
}

static int add_input(struct catalog *cat, const char *name)
{
	if (cat->ninputs >= UINT16_MAX)
		return -1;
	char **inputs = realloc(cat->inputs, (cat->ninputs + 1) * sizeof *inputs);
	if (!inputs)
		return -1;
	cat->inputs = inputs;
	if (!(inputs[cat->ninputs] = strdup(name)))
		return -1;
	return (int)cat->ninputs++;
}

int catalog_add_input(struct catalog *cat, const char *name)
{
	catalog_lock(cat);
	int id = add_input(cat, name);
	catalog_unlock(cat);
	return id;
}

char *catalog_reserve(struct catalog *cat, size_t max)
{
	return arena_reserve(cat->texts, max);
}

static uint64_t release_key(const void *owner, uint32_t id)
{
	return ((const struct catalog *)owner)->releases[id].hash;
}

/* The slot where a text with this hash is, or where it would go. */
static size_t find_text(const struct catalog *cat, const char *text, size_t len, uint64_t hash)
{
	size_t mask = cat->nhash - 1, i = hash & mask;
	for (; cat->by_hash[i]; i = (i + 1) & mask) {
		const struct release *r = &cat->releases[cat->by_hash[i] - 1];
		if (r->hash == hash && r->text.len == len && memcmp(r->text.s, text, len) == 0)
			break;
	}
	return i;
}

static struct str span_at(const char *text, struct span sp)
{
	return (struct str){sp.len ? text + sp.off : NULL, sp.len};
}

static bool add_topics(struct catalog *cat, struct release *r, const struct str *topics,
                       size_t ntopics)
{
	if (!grow_array((void **)&cat->topic_refs, &cat->refs_cap, cat->nrefs + ntopics,
	                sizeof *cat->topic_refs))
		return false;
	r->topic_first = (uint32_t)cat->nrefs;
	r->ntopics = 0;
	for (size_t i = 0; i < ntopics; i++) {
		uint32_t id = facet_intern(&cat->topics, cat->names, topics[i].s, topics[i].len);
		if (id == FACET_NONE)
			return false;
		cat->topics.items[id].count++;
		cat->topic_refs[cat->nrefs++] = id;
		r->ntopics++;
	}
	return true;
}

static bool add_location(struct catalog *cat, struct release *r)
{
	r->location_id = FACET_NONE;
	if (!r->location.len)
		return true;
	r->location_id = facet_intern(&cat->locations, cat->names, r->location.s, r->location.len);
	if (r->location_id == FACET_NONE)
		return false;
	cat->locations.items[r->location_id].count++;
	return true;
}

enum slot_state { SLOT_FREE, SLOT_TAKEN, SLOT_NO_MEMORY };

/* Where a release with this text goes in the hash index: a free slot, or the slot
 * of an identical text already in (counted as a duplicate). */
static size_t slot_for_new_text(struct catalog *cat, const char *text, size_t len, uint64_t hash,
                                int input, enum slot_state *state)
{
	if (!((cat->count + 1) * 2 <= cat->nhash ||
	      index_rehash(&cat->by_hash, &cat->nhash, cat->count, release_key, cat)) ||
	    !grow_array((void **)&cat->releases, &cat->cap, cat->count + 1,
	                sizeof *cat->releases)) {
		*state = SLOT_NO_MEMORY;
		return 0;
	}
	size_t slot = find_text(cat, text, len, hash);
	*state = cat->by_hash[slot] ? SLOT_TAKEN : SLOT_FREE;
	if (*state == SLOT_TAKEN) {
		cat->duplicates++;
		if (cat->releases[cat->by_hash[slot] - 1].input != input)
			cat->foreign_duplicates++;
	}
	return slot;
}

static uint64_t title_prefix(struct str title)
{
	uint64_t key = 0;
	for (size_t i = 0; i < sizeof key; i++) {
		unsigned char c = i < title.len ? (unsigned char)title.s[i] : 0;
		key = key << 8 | (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	return key;
}

/* Of two copies of a release read from one input, the one earlier in it is kept,
 * whichever came first (an input may be read by several readers at once): the kept
 * record takes over the earlier copy's text and names. */
static void keep_earlier(struct catalog *cat, size_t slot, const struct release *copy)
{
	struct release *kept = &cat->releases[cat->by_hash[slot] - 1];
	if (kept->input != copy->input || kept->seq <= copy->seq)
		return;
	kept->text = copy->text;
	kept->title = copy->title;
	kept->title_key = title_prefix(copy->title);
	kept->subtitle = copy->subtitle;
	kept->location = copy->location;
	kept->body = copy->body;
	kept->entry = copy->entry;
	kept->seq = copy->seq;
	/* Entry and seq break ties in the display order: a release already placed may
	 * belong elsewhere now. */
	if ((size_t)(kept - cat->releases) < cat->ordered)
		cat->order_stale = true;
}

/* The record at the end of the array becomes a release: its facets are counted and
 * the index learns its text. */
static bool settle(struct catalog *cat, size_t slot, const struct str *topics, size_t ntopics)
{
	struct release *r = &cat->releases[cat->count];
	if (!add_topics(cat, r, topics, ntopics) || !add_location(cat, r))
		return false;
	r->title_key = title_prefix(r->title);
	cat->by_hash[slot] = (uint32_t)++cat->count;
	return true;
}

static bool insert(struct catalog *cat, const struct release *proto, const struct str *topics,
                   size_t ntopics)
{
	enum slot_state state;
	size_t slot = slot_for_new_text(cat, proto->text.s, proto->text.len, proto->hash,
	                                proto->input, &state);
	if (state == SLOT_TAKEN)
		keep_earlier(cat, slot, proto);
	if (state != SLOT_FREE)
		return false;
	cat->releases[cat->count] = *proto;
	return settle(cat, slot, topics, ntopics);
}

/* The title a release is listed under: its headline, or the caller's fallback. It is
 * kept apart from the text, with the names, so that a list can go on without the
 * texts (catalog_detach_texts). */
static struct str choose_title(struct catalog *cat, const char *text, size_t len,
                               const struct parsed *p, struct str fallback, size_t fallback_off)
{
	struct str title = p->title.len         ? span_at(text, p->title)
	                   : fallback_off < len ? (struct str){text + fallback_off, fallback.len}
	                                        : fallback;
	if (!title.len)
		return title;
	char *copy = arena_copy(cat->names, title.s, title.len);
	return (struct str){copy, copy ? title.len : 0};
}

bool catalog_insert(struct catalog *cat, const struct release *proto, const struct str *topics,
                    size_t ntopics)
{
	catalog_lock(cat);
	bool kept = insert(cat, proto, topics, ntopics);
	catalog_unlock(cat);
	return kept;
}

static bool commit(struct catalog *cat, size_t len, const struct parsed *p, int input, uint64_t seq,
                   const char *entry, struct str fallback_title)
{
	const char *draft = cat->texts->reserved;
	uint64_t hash = XXH3_64bits(draft, len);
	enum slot_state state;
	size_t slot = slot_for_new_text(cat, draft, len, hash, input, &state);
	const struct release *kept =
	        state == SLOT_TAKEN ? &cat->releases[cat->by_hash[slot] - 1] : NULL;
	if (state == SLOT_NO_MEMORY || (kept && (kept->input != input || kept->seq <= seq)))
		return false;
	/* Where the fallback title sits in the draft, if it does: committing may move it. */
	size_t fallback_off = fallback_title.s >= draft && fallback_title.s < draft + len
	                              ? (size_t)(fallback_title.s - draft)
	                              : SIZE_MAX;
	const char *text = arena_commit(cat->texts, len);

	struct release r = {.text = {text, len},
	                    .subtitle = span_at(text, p->subtitle),
	                    .location = span_at(text, p->location),
	                    .body = span_at(text, p->body),
	                    .hash = hash,
	                    .seq = seq,
	                    .date = p->date,
	                    .input = (uint16_t)input};
	r.title = choose_title(cat, text, len, p, fallback_title, fallback_off);
	if (entry && !(r.entry = arena_copy(cat->names, entry, strlen(entry))))
		return false;
	if (kept) { /* an earlier copy of one already in */
		keep_earlier(cat, slot, &r);
		return false;
	}
	cat->releases[cat->count] = r;
	struct str topics[PARSE_MAX_TOPICS];
	for (unsigned i = 0; i < p->ntopics; i++)
		topics[i] = span_at(text, p->topics[i]);
	return settle(cat, slot, topics, p->ntopics);
}

bool catalog_commit(struct catalog *cat, size_t len, const struct parsed *p, int input,
                    uint64_t seq, const char *entry, struct str fallback_title)
{
	catalog_lock(cat);
	bool kept = commit(cat, len, p, input, seq, entry, fallback_title);
	catalog_unlock(cat);
	return kept;
}

struct arena *catalog_detach_texts(struct catalog *cat)
{
	struct arena *texts = cat->texts, *fresh = calloc(1, sizeof *fresh);
	if (!fresh)
		return NULL;
	for (size_t i = 0; i < cat->count; i++) {
		struct release *r = &cat->releases[i];
		r->text = r->subtitle = r->location = r->body = (struct str){0};
	}
	cat->texts = fresh;
	return texts;
}

void catalog_texts_free(struct arena *texts)
{
	arena_free(texts);
}

bool catalog_adopt(struct catalog *cat, void *base, size_t size)
{
	struct mapping *m = malloc(sizeof *m);
	if (!m)
		return false;
	catalog_lock(cat);
	*m = (struct mapping){base, size, cat->mappings};
	cat->mappings = m;
	catalog_unlock(cat);
	return true;
}

/* Copy what fits of s to buf[at ..) (size bytes in all); returns at + s.len. */
static size_t put_cut(char *buf, size_t size, size_t at, struct str s)
{
	if (at < size)
		memcpy(buf + at, s.s, s.len < size - at ? s.len : size - at);
	return at + s.len;
}

size_t catalog_join_topics(const struct catalog *cat, const struct release *r, char *buf,
                           size_t size)
{
	static const struct str topic_sep = {CATALOG_TOPIC_SEP, sizeof CATALOG_TOPIC_SEP - 1};
	size_t len = 0;
	for (size_t t = 0; t < r->ntopics; t++) {
		if (t)
			len = put_cut(buf, size, len, topic_sep);
		len = put_cut(buf, size, len, catalog_topic(cat, r, t)->name);
	}
	return len;
}

bool release_next_paragraph(struct str body, size_t *pos, struct str *para)
{
	while (*pos < body.len) {
		const char *nl = memchr(body.s + *pos, '\n', body.len - *pos);
		size_t end = nl ? (size_t)(nl - body.s) : body.len;
		*para = (struct str){body.s + *pos, end - *pos};
		*pos = end + 1;
		while (para->len && para->s[0] == ' ')
			para->s++, para->len--;
		if (para->len)
			return true;
	}
	return false;
}

/* ---- order -------------------------------------------------------------------- */

static int compare_str(struct str a, struct str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c = strncasecmp(a.s ? a.s : "", b.s ? b.s : "", n);
	if (c == 0)
		c = a.len < b.len ? -1 : a.len > b.len;
	if (c == 0 && n)
		c = memcmp(a.s, b.s, n);
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
 * titles through strncasecmp() was a tenth of the parent's time in a load. */
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
	for (int pass = 0; pass < 2; pass++) { /* counts become each digit's first place */
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

bool catalog_sort_ids(const struct catalog *cat, uint32_t *ids, size_t n, bool oldest_first)
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

bool catalog_grow_ids(uint32_t **const *arrays, size_t narrays, size_t *cap, size_t need)
{
	/* Each array grows as grow_array grows one, from the shared capacity: they all
	 * come to the same new one. */
	size_t grown = *cap;
	for (size_t i = 0; i < narrays; i++) {
		grown = *cap;
		if (!grow_array((void **)arrays[i], &grown, need, sizeof **arrays[i]))
			return false;
	}
	*cap = grown;
	return true;
}

static bool grow_order(struct catalog *cat)
{
	uint32_t **const arrays[] = {&cat->order, &cat->order_keys, &cat->rank};
	return catalog_grow_ids(arrays, sizeof arrays / sizeof *arrays, &cat->order_cap,
	                        cat->count ? cat->count : 1);
}

static uint32_t date_key(const struct catalog *cat, uint32_t id)
{
	return order_date(cat->releases[id].date, cat->oldest_first ? 1 : -1);
}

/* The ranks of order[from ..) after it changed there. */
static void rank_order(struct catalog *cat, size_t from)
{
	for (size_t pos = from; pos < cat->ordered; pos++)
		cat->rank[cat->order[pos]] = (uint32_t)pos;
}

bool catalog_sort(struct catalog *cat, bool oldest_first)
{
	if (!grow_order(cat))
		return false;
	for (size_t i = 0; i < cat->count; i++)
		cat->order[i] = (uint32_t)i;
	cat->ordered = cat->count;
	cat->oldest_first = oldest_first;
	cat->order_stale = false;
	if (!catalog_sort_ids(cat, cat->order, cat->count, oldest_first))
		return false;
	for (size_t pos = 0; pos < cat->count; pos++)
		cat->order_keys[pos] = date_key(cat, cat->order[pos]);
	rank_order(cat, 0);
	return true;
}

size_t catalog_lower_bound(const struct catalog *cat, const uint32_t *list, size_t n, uint32_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cat->rank[list[mid]] < cat->rank[id])
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void catalog_merge_ids(const struct catalog *cat, uint32_t *list, size_t n, const uint32_t *add,
                       size_t k)
{
	/* From the last new id back: each one's place is searched for only below the
	 * place of the one after it, and what lies between moves up once. */
	size_t end = n;
	for (size_t j = k; j-- > 0;) {
		size_t at = catalog_lower_bound(cat, list, end, add[j]);
		memmove(list + at + j + 1, list + at, (end - at) * sizeof *list);
		list[at + j] = add[j];
		end = at;
	}
}

/* Where a release not yet in the order goes in order[0 .. n): the date keys beside
 * the order narrow it down to the releases of its day without touching a record;
 * the sort's own comparison decides among those. */
static size_t order_place(const struct catalog *cat, const uint32_t *order, size_t n, uint32_t id)
{
	struct sort_ctx sc = {cat, cat->oldest_first ? 1 : -1};
	struct sort_key mine = key_of(cat, id, sc.direction);
	const uint32_t *keys = cat->order_keys;
	uint32_t key = date_key(cat, id);
	size_t lo = 0, hi = n, end;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo, hi = n; end < hi;) {
		size_t mid = end + (hi - end) / 2;
		if (keys[mid] <= key)
			end = mid + 1;
		else
			hi = mid;
	}
	for (hi = end; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;
		struct sort_key there = key_of(cat, order[mid], sc.direction);
		if (compare_keys(&there, &mine, &sc) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Merge k new ids (in display order) into the order, its keys moving with it, as
 * catalog_merge_ids merges into a list; returns the first position that changed. */
static size_t merge_into_order(struct catalog *cat, const uint32_t *add, size_t k)
{
	uint32_t *order = cat->order, *keys = cat->order_keys;
	size_t end = cat->ordered;
	for (size_t j = k; j-- > 0;) {
		size_t at = order_place(cat, order, end, add[j]);
		memmove(order + at + j + 1, order + at, (end - at) * sizeof *order);
		memmove(keys + at + j + 1, keys + at, (end - at) * sizeof *keys);
		order[at + j] = add[j];
		keys[at + j] = date_key(cat, add[j]);
		end = at;
	}
	return end;
}

enum order_update catalog_order_update(struct catalog *cat, size_t *nadded)
{
	size_t from = cat->ordered, k = cat->count - from;
	*nadded = 0;
	if (cat->order_stale)
		return catalog_sort(cat, cat->oldest_first) ? ORDER_REMADE : ORDER_NO_MEMORY;
	if (k == 0)
		return ORDER_SAME;
	uint32_t *added = realloc(cat->added, k * sizeof *added);
	if (added)
		cat->added = added;
	if (!added || !grow_order(cat))
		return ORDER_NO_MEMORY;
	for (size_t i = 0; i < k; i++)
		added[i] = (uint32_t)(from + i);
	if (!catalog_sort_ids(cat, added, k, cat->oldest_first))
		return ORDER_NO_MEMORY;
	size_t changed = merge_into_order(cat, added, k);
	cat->ordered = cat->count;
	rank_order(cat, changed);
	*nadded = k;
	return ORDER_ADDED;
}
