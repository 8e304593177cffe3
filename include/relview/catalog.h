/* catalog — every release read, its text, fields and facets (the order they are
 * shown in is the reader's own: order.h).
 *
 * Release text lives in a few large arena blocks (no allocation per release); each
 * record holds its fields as pointers into that text, but for its title and entry
 * path, which are kept with the names, in blocks of their own. Topics and locations
 * are interned once and counted (the facets). Identical release texts are kept once. */
#ifndef RELVIEW_CATALOG_H
#define RELVIEW_CATALOG_H

#include "relview/idindex.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct parsed;
struct topic_vocab;

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
	uint64_t title_key;   /* the title's first 8 bytes, folded: the sort looks here first */
	uint32_t date;        /* yyyymmdd, 0 unknown */
	uint32_t location_id; /* its place facet; FACET_NONE when there is no location */
	uint32_t topic_first; /* topics from catalog->topic_refs[topic_first] (facets) and
	                       * catalog->topic_printed[topic_first] (spellings) on */
	uint8_t ntopics;      /* topic facets, each once */
	uint8_t nprinted;     /* topics as printed: two spellings of one facet are both */
	uint16_t input;       /* index into catalog->inputs */
};

struct facet {
	struct str name;
	uint32_t count; /* releases in the catalog that carry it */
	uint32_t facet; /* in a set of spellings: the facet this spelling stands for */
};

struct facet_set {
	struct facet *items;
	size_t count, cap;
	struct idindex index; /* of items by name */
	bool any_case;        /* names that differ only in ASCII case are one item, named
	                       * in its spelling with the most capitals ("McAllen, TX" over
	                       * "Mcallen, TX", written from "MCALLEN, TX") */
};

/* The kinds of facet a release has and the list can be narrowed by; a release's
 * source is the input it came from. */
enum facet_kind { FACET_TOPIC, FACET_LOCATION, FACET_SOURCE };

/* Memory the catalog holds text in but did not allocate: a mapped cache file. */
struct mapping {
	void *base;
	size_t size;
	struct mapping *next;
};

struct catalog {
	struct release *releases; /* in load order */
	size_t count, cap;
	/* A release's topics: the facets (one per topic, whatever the spelling) and, at
	 * the same places, the names as printed (ids in topic_spellings). A topic the
	 * release prints twice under two spellings is one facet, kept once. */
	uint32_t *topic_refs, *topic_printed;
	size_t nrefs, refs_cap;
	/* The facets, counted, that the list, the pickers, the filters and --stats use:
	 * one per topic (topic_vocab_canonical) and one per place (place_canonical). */
	struct facet_set topics, locations;
	/* Every spelling printed, each with its facet (struct facet's facet): a name
	 * seen before is one lookup. Their counts stay 0. */
	struct facet_set topic_spellings, place_spellings;
	/* A U.S. city printed with the country but no state ("Houston, United States")
	 * is counted under "Houston, TX" while the catalog knows Houston in one state
	 * only: such a facet's `facet` names the facet it is counted under. us_cities
	 * holds each city's name with, as count, the states it is known in and, as
	 * facet, the first of them. When that changes, releases already in move
	 * (relocations goes up with each: a list filtered by place is redone). */
	struct facet_set us_cities;
	uint64_t relocations;
	const struct topic_vocab *vocab; /* the topic names facets are taken from; NULL:
	                                  * a topic's facet is its printed name */
	char **inputs;                   /* sanitised input names, as given */
	size_t ninputs, inputs_cap;
	uint64_t duplicates;         /* releases dropped because their text was already in */
	uint64_t foreign_duplicates; /* ... already in from another input */
	struct arena *texts;         /* release texts */
	struct arena *names;         /* entry paths, facet names, titles kept apart from a text */
	struct mapping *mappings;    /* unmapped when the catalog is freed */
	struct idindex by_hash;      /* of releases by text hash */
	/* Releases whose sort key changed after they were added (catalog_commit keeps
	 * the earlier of two copies): rekeys of them in all, the ids of the first
	 * nrekeyed (fewer only when memory ran out), so that an order (order.h) can
	 * tell whether one it placed must move. */
	uint32_t *rekeyed;
	size_t nrekeyed, rekeyed_cap, rekeys;
	/* Who owns what: everything above is written by one thread only, the loader
	 * (under the lock once shared, see catalog_share); the reader reads it under
	 * the lock, and release text without it. No reader writes here. */
	pthread_mutex_t *lock; /* set by catalog_share; NULL: one thread only */
};

struct catalog *catalog_new(void);
void catalog_free(struct catalog *cat);

/* Let one thread add releases while another reads the catalog. The writer's calls
 * below (catalog_add_input, catalog_commit, catalog_insert, catalog_adopt) then
 * take the catalog's lock themselves; a reader holds it (catalog_lock) for as long
 * as it uses anything in the catalog but release text, which never moves once
 * committed. Text is decoded into a reservation outside the lock: no reader looks
 * at the arena's own bookkeeping. False when out of memory. */
bool catalog_share(struct catalog *cat);
void catalog_lock(struct catalog *cat);
void catalog_unlock(struct catalog *cat);

/* The vocabulary topics are folded into facets with, from now on (the loader's; it
 * outlives the catalog's use of it). */
void catalog_use_vocab(struct catalog *cat, const struct topic_vocab *vocab);

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

/* For a caller that needs the releases' records but no longer their text (a list,
 * say), with no other thread in the catalog: empties every release's text,
 * subtitle, location and body, and hands over the memory the texts were read into.
 * Titles, entry paths and facets (location_id too) stay: they are kept apart from
 * the texts. Freeing the texts is the caller's, with catalog_texts_free(), on
 * another thread if it likes: giving 400 MB back keeps the kernel busy for a
 * twentieth of a second. Nothing may be committed or inserted afterwards. NULL when
 * out of memory: then nothing changed. */
struct arena *catalog_detach_texts(struct catalog *cat);
void catalog_texts_free(struct arena *texts);

/* The body's paragraphs one at a time: every non-empty line (leading spaces
 * dropped) is one. Start with *pos = 0; false when there are no more. */
bool release_next_paragraph(struct str body, size_t *pos, struct str *para);

/* Grow arrays of release ids that share one capacity (*cap) to room for `need`,
 * doubling. False when out of memory: *cap is left as it was (an array already
 * grown is only larger than it says). */
bool catalog_grow_ids(uint32_t **const *arrays, size_t narrays, size_t *cap, size_t need);

static inline const struct facet *catalog_topic(const struct catalog *cat, const struct release *r,
                                                size_t i)
{
	return &cat->topics.items[cat->topic_refs[r->topic_first + i]];
}

/* The release's place facet ("Houston, TX" for "Houston, Texas, United States"),
 * still there after catalog_detach_texts(); its location field is the text as
 * printed. No place: "", never a NULL string. */
static inline struct str catalog_location(const struct catalog *cat, const struct release *r)
{
	struct str none = {"", 0};
	return r->location_id == FACET_NONE ? none : cat->locations.items[r->location_id].name;
}

/* The release's i-th topic as it is printed (i < nprinted). */
static inline struct str catalog_topic_printed(const struct catalog *cat, const struct release *r,
                                               size_t i)
{
	return cat->topic_spellings.items[cat->topic_printed[r->topic_first + i]].name;
}

/* Between a release's topics wherever they are written on one line: the list, the
 * reader's header, --print and TSV. */
#define CATALOG_TOPIC_SEP "; "

/* The release's topic facets joined by CATALOG_TOPIC_SEP, copied into buf as far as
 * its size allows (no NUL added); returns the length of the whole join, so that a
 * call with size 0 measures it. */
size_t catalog_join_topics(const struct catalog *cat, const struct release *r, char *buf,
                           size_t size);

/* The same with the topics as the release prints them. */
size_t catalog_join_printed_topics(const struct catalog *cat, const struct release *r, char *buf,
                                   size_t size);

/* How many facets of a kind the catalog has, and the name of one. */
size_t facet_count(const struct catalog *cat, enum facet_kind kind);
struct str facet_name(const struct catalog *cat, enum facet_kind kind, size_t i);

#endif
