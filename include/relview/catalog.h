/* catalog — every release read, its text, fields, facets and order.
 *
 * Release text lives in a few large arena blocks (no allocation per release); each
 * record holds its fields as pointers into that text. Topics and locations are
 * interned once and counted (the facets). Identical release texts are kept once. */
#ifndef RELVIEW_CATALOG_H
#define RELVIEW_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct parsed;

/* A piece of text; len 0: absent. */
struct str {
	const char *s;
	size_t len;
};

#define FACET_NONE UINT32_MAX

struct release {
	struct str text; /* the whole decoded text */
	struct str title, subtitle, location, body;
	const char *entry;    /* sanitised path inside its input; NULL for a plain file */
	uint64_t hash;        /* of the text */
	uint64_t seq;         /* its entry's place in the input: of two copies, the first wins */
	uint32_t date;        /* yyyymmdd, 0 unknown */
	uint32_t location_id; /* FACET_NONE when there is no location */
	uint32_t topic_first; /* topic ids: catalog->topic_refs[topic_first ..] */
	uint16_t ntopics;
	uint16_t input; /* index into catalog->inputs */
};

struct facet {
	struct str name;
	uint32_t count; /* releases in the catalog that carry it */
};

struct facet_set {
	struct facet *items;
	size_t count, cap;
	uint32_t *slots; /* open-addressing index of items by name */
	size_t nslots;
};

/* Memory the catalog holds text in but did not allocate: a mapped cache file. */
struct mapping {
	void *base;
	size_t size;
	struct mapping *next;
};

struct catalog {
	struct release *releases; /* in load order */
	size_t count, cap;
	uint32_t *order; /* release indices in display order (after catalog_sort) */
	uint32_t *topic_refs;
	size_t nrefs, refs_cap;
	struct facet_set topics, locations;
	char **inputs; /* sanitised input names, as given */
	size_t ninputs;
	uint64_t duplicates;         /* releases dropped because their text was already in */
	uint64_t foreign_duplicates; /* ... already in from another input */
	struct arena *arena;
	struct mapping *mappings; /* unmapped when the catalog is freed */
	uint32_t *by_hash;        /* open-addressing index of releases by text hash */
	size_t nhash;
};

struct catalog *catalog_new(void);
void catalog_free(struct catalog *cat);

/* Register an input (its name already sanitised); returns its index, or -1 when out
 * of memory or past 65,535 inputs. */
int catalog_add_input(struct catalog *cat, const char *name);

/* Room for one release text of up to max bytes; NULL when out of memory. The text
 * written there is kept by catalog_commit() or given back by the next reserve. */
char *catalog_reserve(struct catalog *cat, size_t max);

/* Keep the len bytes written into the last reservation as a release with the fields
 * parsed from them, read from input `input` as `entry` (sanitised; NULL for a plain
 * file), the seq'th entry of that input. `fallback_title` is used when the parser found no title.
 * Returns false when an identical text is already in (nothing is kept) or memory ran out. */
bool catalog_commit(struct catalog *cat, size_t len, const struct parsed *p, int input,
                    uint64_t seq, const char *entry, struct str fallback_title);

/* Add a release whose text and fields already live in memory that outlives the
 * catalog's use of it (see catalog_adopt): the record is copied, its topics (given
 * by name) and location interned. False when an identical text is already in or
 * memory ran out. */
bool catalog_insert(struct catalog *cat, const struct release *proto, const struct str *topics,
                    size_t ntopics);

/* Take over a mapping (munmap'ed when the catalog is freed); false when out of
 * memory, and then the caller still owns it. */
bool catalog_adopt(struct catalog *cat, void *base, size_t size);

/* Put the releases in display order: newest first (oldest first when asked), ties
 * by title, then input, then entry; undated releases last either way. */
bool catalog_sort(struct catalog *cat, bool oldest_first);

/* The body's paragraphs one at a time: every non-empty line (leading spaces
 * dropped) is one. Start with *pos = 0; false when there are no more. */
bool release_next_paragraph(struct str body, size_t *pos, struct str *para);

/* Put some release indices in display order. */
bool catalog_sort_ids(const struct catalog *cat, uint32_t *ids, size_t n, bool oldest_first);

static inline const struct release *catalog_at(const struct catalog *cat, size_t pos)
{
	return &cat->releases[cat->order[pos]];
}

static inline const struct facet *catalog_topic(const struct catalog *cat, const struct release *r,
                                                size_t i)
{
	return &cat->topics.items[cat->topic_refs[r->topic_first + i]];
}

#endif
