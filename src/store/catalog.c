#include "config.h"

#include "relview/catalog.h"

#include "relview/ascii.h"
#include "relview/fold.h"
#include "relview/grow.h"
#include "relview/hash.h"
#include "relview/parse.h"
#include "relview/place.h"
#include "relview/text.h"
#include "relview/topics.h"

#include <stdlib.h>
#include <string.h>
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

/* The first size of the catalog's hash indexes. */
#define INDEX_FIRST_SLOTS 1024

/* ---- facets ------------------------------------------------------------------- */

/* What a name is known by in a set of any spelling: its letters and digits, case
 * and accents folded ("BOGOTA" and "Bogotá", "287(g)" and "287g", "Counter
 * Proliferation" and "Counter-Proliferation" are one). Written into key (room for
 * KEY_MAX bytes); returns its length, or KEY_MAX + 1 when it does not fit (the name
 * is then its own key). */
#define KEY_MAX 512

static size_t loose_key(const char *s, size_t len, char key[KEY_MAX])
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		char c = s[i];
		if ((unsigned char)c < 0x80) { /* nearly every byte of a name: no call */
			i++;
			if (!ascii_is_alpha(c) && !ascii_is_digit(c))
				continue;
			if (n == KEY_MAX)
				return KEY_MAX + 1;
			key[n++] = ascii_lower(c);
			continue;
		}
		uint32_t cp = text_next_cp(s, len, &i), out[FOLD_MAX];
		size_t k = fold_char(cp, FOLD_CASE | FOLD_ACCENTS, out);
		for (size_t j = 0; j < k; j++) {
			if (out[j] < 0x80 && !ascii_is_alpha((char)out[j]) &&
			    !ascii_is_digit((char)out[j]))
				continue;
			if (n + 4 > KEY_MAX)
				return KEY_MAX + 1;
			n += text_utf8_encode(out[j], key + n);
		}
	}
	return n;
}

/* What a name is known by in its set: the name itself, or in a set of any spelling
 * its loose key (buf: room for KEY_MAX bytes). */
static struct str key_of(const struct facet_set *set, const char *s, size_t len, char *buf)
{
	size_t n = set->any_case ? loose_key(s, len, buf) : KEY_MAX + 1;
	return n <= KEY_MAX ? (struct str){buf, n} : (struct str){s, len};
}

static uint64_t facet_key(const void *owner, uint32_t id)
{
	const struct facet_set *set = owner;
	const struct facet *f = &set->items[id];
	char buf[KEY_MAX];
	struct str key = key_of(set, f->name.s, f->name.len, buf);
	return XXH3_64bits(key.s, key.len);
}

/* Is the facet named `name` the one known by `key`? */
static bool has_key(const struct facet_set *set, struct str name, struct str key)
{
	char buf[KEY_MAX];
	struct str its = key_of(set, name.s, name.len, buf);
	return its.len == key.len && memcmp(its.s, key.s, key.len) == 0;
}

/* How a spelling ranks as a facet's name: written in capitals only, lowest; then
 * the more accented letters ("Bogotá" over "Bogota"), then the more capitals
 * (inner capitals kept: "McAllen"). */
struct spelling_rank {
	bool mixed_case;
	size_t accented, capitals;
};

static struct spelling_rank rank_of(const char *s, size_t len)
{
	struct spelling_rank r = {0};
	size_t lower = 0;
	for (size_t i = 0; i < len; i++) {
		r.capitals += ascii_is_upper(s[i]);
		lower += ascii_is_lower(s[i]);
		r.accented += (unsigned char)s[i] >= 0xc0; /* a character's first byte */
	}
	r.mixed_case = lower > 0;
	return r;
}

/* Of two spellings of one name, the one a facet is named by, by rank, else the
 * first in byte order, so that the name does not depend on the order releases
 * come in. */
static bool better_spelling(const char *s, size_t len, struct str than)
{
	struct spelling_rank a = rank_of(s, len), b = rank_of(than.s, than.len);
	if (a.mixed_case != b.mixed_case)
		return a.mixed_case;
	if (a.accented != b.accented)
		return a.accented > b.accented;
	if (a.capitals != b.capitals)
		return a.capitals > b.capitals;
	size_t n = len < than.len ? len : than.len;
	int c = memcmp(s, than.s, n);
	return c ? c < 0 : len < than.len;
}

/* The index slot of the facet known by `key`, or the free slot it would take. */
static size_t facet_slot(const struct facet_set *set, struct str key)
{
	const struct idindex *ix = &set->index;
	size_t i = idindex_first(ix, XXH3_64bits(key.s, key.len));
	while (ix->slots[i] && !has_key(set, set->items[ix->slots[i] - 1].name, key))
		i = idindex_next(ix, i);
	return i;
}

/* The id of the facet with this name; FACET_NONE when there is none. */
static uint32_t facet_find(const struct facet_set *set, const char *s, size_t len)
{
	if (!set->count)
		return FACET_NONE;
	char buf[KEY_MAX];
	uint32_t slot = set->index.slots[facet_slot(set, key_of(set, s, len, buf))];
	return slot ? slot - 1 : FACET_NONE;
}

/* The id of the facet with this name, added (name copied) when new. In a set of any
 * case, a better spelling of a facet's name renames it. */
static uint32_t facet_intern(struct facet_set *set, struct arena *arena, const char *s, size_t len)
{
	struct idindex *ix = &set->index;
	if (!idindex_reserve(ix, set->count, INDEX_FIRST_SLOTS, facet_key, set))
		return FACET_NONE;
	char buf[KEY_MAX]; /* the name's key, once for the lookup */
	size_t i = facet_slot(set, key_of(set, s, len, buf));
	if (ix->slots[i]) {
		struct facet *f = &set->items[ix->slots[i] - 1];
		if (set->any_case && better_spelling(s, len, f->name)) {
			char *name = arena_copy(arena, s, len);
			if (!name)
				return FACET_NONE;
			f->name = (struct str){name, len};
		}
		return ix->slots[i] - 1;
	}
	char *name = arena_copy(arena, s, len);
	if (!name ||
	    !grow_array((void **)&set->items, &set->cap, set->count + 1, sizeof *set->items))
		return FACET_NONE;
	set->items[set->count] = (struct facet){{name, len}, 0, FACET_NONE};
	ix->slots[i] = (uint32_t)++set->count;
	return (uint32_t)set->count - 1;
}

static void facet_set_free(struct facet_set *set)
{
	free(set->items);
	idindex_free(&set->index);
}

enum { PLACE_FACET_MAX = 256 };

/* The facet a topic spelling stands for: the vocabulary's name for it, or itself. */
static uint32_t topic_facet(struct catalog *cat, struct str printed)
{
	const char *name = printed.s;
	size_t len = printed.len;
	topic_vocab_canonical(cat->vocab, printed.s, printed.len, &name, &len);
	return facet_intern(&cat->topics, cat->names, name, len);
}

/* Releases of facet `from` go to facet `to`; with `printed_as`, only those whose
 * place was printed as a spelling of that facet. */
static void relocate(struct catalog *cat, uint32_t from, uint32_t to, uint32_t printed_as)
{
	struct facet *places = cat->locations.items;
	if (!places[from].count)
		return; /* a facet just made: no release to look for */
	for (size_t i = 0; i < cat->count; i++) {
		struct release *r = &cat->releases[i];
		if (r->location_id != from)
			continue;
		if (printed_as != FACET_NONE) {
			uint32_t sp =
			        facet_find(&cat->place_spellings, r->location.s, r->location.len);
			if (sp == FACET_NONE || cat->place_spellings.items[sp].facet != printed_as)
				continue;
		}
		r->location_id = to;
		places[from].count--;
		places[to].count++;
	}
	cat->relocations++;
}

/* "Houston, United States" is counted under Houston's one state, or under itself
 * when the catalog knows Houston in no state or in several: brought in line with
 * what us_cities now says of the city. */
static void settle_us_city(struct catalog *cat, uint32_t city)
{
	static const char country[] = ", United States";
	struct facet *c = &cat->us_cities.items[city];
	char name[PLACE_FACET_MAX + sizeof country];
	if (c->name.len > PLACE_FACET_MAX)
		return; /* a place too long for a facet of its own is counted as printed */
	memcpy(name, c->name.s, c->name.len);
	memcpy(name + c->name.len, country, sizeof country - 1);
	uint32_t bare = facet_find(&cat->locations, name, c->name.len + sizeof country - 1);
	if (bare == FACET_NONE)
		return;
	uint32_t now = cat->locations.items[bare].facet,
	         state = c->count == 1 ? c->facet : FACET_NONE;
	if (now == state)
		return;
	if (now != FACET_NONE)
		relocate(cat, now, bare, bare);
	if (state != FACET_NONE)
		relocate(cat, bare, state, FACET_NONE);
	cat->locations.items[bare].facet = state;
}

/* A place facet just made: if it is a U.S. city's, the city's states are counted and
 * the city with no state brought in line. False when out of memory. */
static bool note_us_city(struct catalog *cat, uint32_t id)
{
	struct str name = cat->locations.items[id].name;
	bool in_state;
	size_t len = place_us_city(name.s, name.len, &in_state);
	if (!len)
		return true;
	uint32_t city = facet_intern(&cat->us_cities, cat->names, name.s, len);
	if (city == FACET_NONE)
		return false;
	struct facet *c = &cat->us_cities.items[city];
	if (in_state && c->count++ == 0)
		c->facet = id;
	settle_us_city(cat, city);
	return true;
}

/* The facet a place spelling stands for: "City, ST", "City, Country". */
static uint32_t place_facet(struct catalog *cat, struct str printed)
{
	char buf[PLACE_FACET_MAX];
	size_t len = place_canonical(printed.s, printed.len, buf, sizeof buf);
	struct str name = len ? (struct str){buf, len} : printed;
	size_t known = cat->locations.count;
	uint32_t id = facet_intern(&cat->locations, cat->names, name.s, name.len);
	if (id != FACET_NONE && cat->locations.count > known && !note_us_city(cat, id))
		return FACET_NONE;
	return id;
}

/* The facet of a printed name, through the set of spellings: a spelling seen before
 * costs one lookup. Stores the spelling's id; FACET_NONE when out of memory. */
static uint32_t facet_of(struct catalog *cat, struct facet_set *spellings, struct str printed,
                         uint32_t (*fold)(struct catalog *, struct str), uint32_t *spelling)
{
	uint32_t id = facet_intern(spellings, cat->names, printed.s, printed.len);
	*spelling = id;
	if (id == FACET_NONE)
		return FACET_NONE;
	if (spellings->items[id].facet == FACET_NONE)
		spellings->items[id].facet = fold(cat, spellings->items[id].name);
	return spellings->items[id].facet;
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
	if (cat)
		cat->topics.any_case = cat->locations.any_case = cat->us_cities.any_case = true;
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
	free(cat->topic_refs);
	idindex_free(&cat->by_hash);
	free(cat->rekeyed);
	if (cat->lock) {
		pthread_mutex_destroy(cat->lock);
		free(cat->lock);
	}
	free(cat->topic_printed);
	facet_set_free(&cat->topics);
	facet_set_free(&cat->locations);
	facet_set_free(&cat->topic_spellings);
	facet_set_free(&cat->place_spellings);
	facet_set_free(&cat->us_cities);
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
	if (!grow_array((void **)&cat->inputs, &cat->inputs_cap, cat->ninputs + 1,
	                sizeof *cat->inputs) ||
	    !(cat->inputs[cat->ninputs] = strdup(name)))
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
	const struct idindex *ix = &cat->by_hash;
	size_t i = idindex_first(ix, hash);
	for (; ix->slots[i]; i = idindex_next(ix, i)) {
		const struct release *r = &cat->releases[ix->slots[i] - 1];
		if (r->hash == hash && r->text.len == len && memcmp(r->text.s, text, len) == 0)
			break;
	}
	return i;
}

static struct str span_at(const char *text, struct span sp)
{
	return (struct str){sp.len ? text + sp.off : NULL, sp.len};
}

/* Whether the release has the facet among its topics already. */
static bool has_topic(const struct catalog *cat, const struct release *r, uint32_t facet)
{
	for (size_t i = 0; i < r->ntopics; i++)
		if (cat->topic_refs[r->topic_first + i] == facet)
			return true;
	return false;
}

/* The release's topics: every spelling as printed, and each facet once (counted once
 * for the release). */
static bool add_topics(struct catalog *cat, struct release *r, const struct str *topics,
                       size_t ntopics)
{
	uint32_t **const refs[] = {&cat->topic_refs, &cat->topic_printed};
	if (ntopics > UINT8_MAX)
		ntopics = UINT8_MAX;
	if (!catalog_grow_ids(refs, 2, &cat->refs_cap, cat->nrefs + ntopics))
		return false;
	r->topic_first = (uint32_t)cat->nrefs;
	r->ntopics = r->nprinted = 0;
	for (size_t i = 0; i < ntopics; i++) {
		uint32_t printed,
		        id = facet_of(cat, &cat->topic_spellings, topics[i], topic_facet, &printed);
		if (id == FACET_NONE)
			return false;
		cat->topic_printed[r->topic_first + r->nprinted++] = printed;
		if (has_topic(cat, r, id))
			continue;
		cat->topics.items[id].count++;
		cat->topic_refs[r->topic_first + r->ntopics++] = id;
	}
	for (size_t i = r->ntopics; i < r->nprinted; i++)
		cat->topic_refs[r->topic_first + i] = FACET_NONE; /* a spelling's facet, had */
	cat->nrefs += r->nprinted;
	return true;
}

static bool add_location(struct catalog *cat, struct release *r)
{
	uint32_t printed;
	r->location_id = FACET_NONE;
	if (!r->location.len)
		return true;
	uint32_t id = facet_of(cat, &cat->place_spellings, r->location, place_facet, &printed);
	if (id == FACET_NONE)
		return false;
	/* A city with no state may be counted under its one state (settle_us_city). */
	r->location_id =
	        cat->locations.items[id].facet != FACET_NONE ? cat->locations.items[id].facet : id;
	cat->locations.items[r->location_id].count++;
	return true;
}

void catalog_use_vocab(struct catalog *cat, const struct topic_vocab *vocab)
{
	cat->vocab = vocab;
}

enum slot_state { SLOT_FREE, SLOT_TAKEN, SLOT_NO_MEMORY };

/* Where a release with this text goes in the hash index: a free slot, or the slot
 * of an identical text already in (counted as a duplicate). */
static size_t slot_for_new_text(struct catalog *cat, const char *text, size_t len, uint64_t hash,
                                int input, enum slot_state *state)
{
	if (!idindex_reserve(&cat->by_hash, cat->count, INDEX_FIRST_SLOTS, release_key, cat) ||
	    !grow_array((void **)&cat->releases, &cat->cap, cat->count + 1,
	                sizeof *cat->releases)) {
		*state = SLOT_NO_MEMORY;
		return 0;
	}
	size_t slot = find_text(cat, text, len, hash);
	*state = cat->by_hash.slots[slot] ? SLOT_TAKEN : SLOT_FREE;
	if (*state == SLOT_TAKEN) {
		cat->duplicates++;
		if (cat->releases[cat->by_hash.slots[slot] - 1].input != input)
			cat->foreign_duplicates++;
	}
	return slot;
}

static uint64_t title_prefix(struct str title)
{
	uint64_t key = 0;
	for (size_t i = 0; i < sizeof key; i++) {
		unsigned char c = i < title.len ? (unsigned char)ascii_lower(title.s[i]) : 0;
		key = key << 8 | c;
	}
	return key;
}

/* Note that a release's sort key changed, for the orders kept over the catalog
 * (order.h): they look at the ids noted, or sort again when memory ran out here. */
static void note_rekey(struct catalog *cat, uint32_t id)
{
	if (cat->nrekeyed == cat->rekeys && grow_array((void **)&cat->rekeyed, &cat->rekeyed_cap,
	                                               cat->nrekeyed + 1, sizeof *cat->rekeyed))
		cat->rekeyed[cat->nrekeyed++] = id;
	cat->rekeys++;
}

/* Of two copies of a release read from one input, the one earlier in it is kept,
 * whichever came first (an input may be read by several readers at once): the kept
 * record takes over the earlier copy's text and names. */
static void keep_earlier(struct catalog *cat, size_t slot, const struct release *copy)
{
	struct release *kept = &cat->releases[cat->by_hash.slots[slot] - 1];
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
	note_rekey(cat, (uint32_t)(kept - cat->releases));
}

/* The record at the end of the array becomes a release: its facets are counted and
 * the index learns its text. */
static bool settle(struct catalog *cat, size_t slot, const struct str *topics, size_t ntopics)
{
	struct release *r = &cat->releases[cat->count];
	if (!add_topics(cat, r, topics, ntopics) || !add_location(cat, r))
		return false;
	r->title_key = title_prefix(r->title);
	cat->by_hash.slots[slot] = (uint32_t)++cat->count;
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
	        state == SLOT_TAKEN ? &cat->releases[cat->by_hash.slots[slot] - 1] : NULL;
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

static size_t join_topics(const struct catalog *cat, const struct release *r, bool printed,
                          char *buf, size_t size)
{
	static const struct str topic_sep = {CATALOG_TOPIC_SEP, sizeof CATALOG_TOPIC_SEP - 1};
	size_t len = 0;
	size_t n = printed ? r->nprinted : r->ntopics;
	for (size_t t = 0; t < n; t++) {
		if (t)
			len = put_cut(buf, size, len, topic_sep);
		len = put_cut(buf, size, len,
		              printed ? catalog_topic_printed(cat, r, t)
		                      : catalog_topic(cat, r, t)->name);
	}
	return len;
}

size_t catalog_join_topics(const struct catalog *cat, const struct release *r, char *buf,
                           size_t size)
{
	return join_topics(cat, r, false, buf, size);
}

size_t catalog_join_printed_topics(const struct catalog *cat, const struct release *r, char *buf,
                                   size_t size)
{
	return join_topics(cat, r, true, buf, size);
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

size_t facet_count(const struct catalog *cat, enum facet_kind kind)
{
	return kind == FACET_TOPIC      ? cat->topics.count
	       : kind == FACET_LOCATION ? cat->locations.count
	                                : cat->ninputs;
}

struct str facet_name(const struct catalog *cat, enum facet_kind kind, size_t i)
{
	if (kind == FACET_SOURCE)
		return (struct str){cat->inputs[i], strlen(cat->inputs[i])};
	return (kind == FACET_TOPIC ? &cat->topics : &cat->locations)->items[i].name;
}
