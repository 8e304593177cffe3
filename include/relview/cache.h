/* cache — one input's share of the catalog kept on disk, so that re-opening an
 * unchanged bundle costs mapping a file and checking it instead of inflating and
 * parsing it again.
 *
 * A cache file is found by the bundle's path and used only when everything that
 * decides the result is the same: the bundle's size, mtime, inode and device, a hash
 * of its first and last 64 KiB, relview's version, the topic vocabulary and the
 * limits. It is written to a temporary file and renamed into place, carries a
 * checksum of all it holds, and every offset in it is checked before use; a stale or
 * damaged file is silently replaced. The files live under $XDG_CACHE_HOME/relview
 * (default ~/.cache/relview); the least recently used go when the total passes the
 * cap, but never a file this process used or wrote: a catalog larger than the cap
 * keeps what it had cached and does not cache the rest. */
#ifndef RELVIEW_CACHE_H
#define RELVIEW_CACHE_H

#include "relview/counts.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct catalog;

/* The cap's default ([cache] max_size): 1,000,000 releases in several bundles
 * cache in about 4.5 GB. */
#define CACHE_MAX_BYTES ((uint64_t)8 << 30)

struct cache_key {
	char *path;    /* the input's canonical path */
	uint64_t id;   /* everything that decides the result, hashed */
	char file[64]; /* the cache file's name in the cache folder */
};

/* One problem the input's reading reported, kept to be reported again on a hit. */
struct cache_problem {
	char *path; /* NULL: the input as a whole */
	char *reason;
};

/* The cache folder ($XDG_CACHE_HOME/relview or ~/.cache/relview), malloc'd; NULL
 * when neither variable is set. */
char *cache_dir(void);

/* The key of an input, or false when it cannot be cached (not a regular file, or
 * unreadable). `salt` folds in what else decides the parse (vocabulary, limits). */
bool cache_key_make(const char *input, uint64_t salt, struct cache_key *key);
void cache_key_free(struct cache_key *key);

/* Does the input still give `key` (made with the same salt)? A read takes a while:
 * a bundle changed or replaced meanwhile (or still being written) must not be cached
 * under the key of what it was before. */
bool cache_key_holds(const char *input, uint64_t salt, const struct cache_key *key);

/* On a fresh, intact cache file: add the releases it holds to the catalog as input
 * `input_id`, report its problems again through `replay`, add its counts, and return
 * true. Otherwise false, and nothing was added. */
bool cache_load(const char *dir, const struct cache_key *key, struct catalog *cat, int input_id,
                void (*replay)(void *ctx, const char *path, const char *reason), void *ctx,
                struct load_counts *counts);

/* Write the releases of input `input_id`, its problems and its counts as the cache of
 * `key`, then trim the folder to `max_bytes`. False (and nothing left behind) when
 * it could not be written, or the cap leaves no room for it beside what this
 * process already uses. */
bool cache_store(const char *dir, const struct cache_key *key, const struct catalog *cat,
                 int input_id, const struct cache_problem *problems, size_t nproblems,
                 const struct load_counts *counts, uint64_t max_bytes);

/* Make the `size` bytes at `file` pass for the cache file of `key` as far as its
 * key, its size and its checksum go, as the writer sets them: the checksum catches
 * damage, not a file planted by someone who knows the format, and the reader trusts
 * no more than that (the fuzz target tests/fuzz/fuzz_cache.c plants such files).
 * False when it is too short to have a header. */
bool cache_seal(void *file, size_t size, uint64_t key);

/* Print what the cache folder holds: each file's size, age and bundle, the total and
 * the cap. */
void cache_info(FILE *out, const char *dir, uint64_t max_bytes);

/* Remove every cache file of the folder (a relview reading one meanwhile keeps its
 * mapping) and say on out how many and how much; each file that cannot be removed is
 * named on errors. False when one could not be. */
bool cache_clear(FILE *out, FILE *errors, const char *dir);

#endif
