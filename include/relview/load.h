/* load — the pipeline from inputs to catalog: source (entries as bytes) → text
 * (decoded, sanitised) → parse (fields) → catalog. Empty and binary entries are
 * skipped and counted; every problem becomes one line "relview: INPUT: ENTRY: reason"
 * with its names sanitised. */
#ifndef RELVIEW_LOAD_H
#define RELVIEW_LOAD_H

#include "relview/counts.h"
#include "relview/source.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

struct catalog;
struct topic_vocab;

/* Problems reported per input before the rest are only counted. */
#define LOAD_PROBLEMS_SHOWN 20

/* How a load is going, written by the thread that loads and read by one that shows
 * it (see feed.h). */
struct load_progress {
	_Atomic uint64_t consumed; /* bytes of the input being read, read so far */
	_Atomic uint64_t size;     /* that input's size in bytes (0: not known) */
	_Atomic uint64_t inflated; /* bytes of release text, all inputs so far */
	_Atomic uint64_t releases; /* in the catalog */
	_Atomic uint64_t problems; /* reported, shown or not */
	_Atomic size_t input;      /* index of the input being read */
	atomic_bool cancel;        /* set by the other thread: stop soon and quietly */
};

struct load_options {
	struct source_limits limits;
	const struct topic_vocab *vocab;
	FILE *errors;          /* where problem lines go */
	const char *cache_dir; /* NULL: no cache (see cache.h) */
	uint64_t cache_max_bytes;
	struct load_progress *progress; /* NULL: nobody watches */
	bool keys_from_terminal;        /* the reader takes keys from the terminal: not an input */
	unsigned parse_version;         /* 0: this build's PARSE_VERSION; other values stand
	                                 * for another build's parser (a test's seam) */
};

/* Read one input into the catalog — from its cache when that is fresh, else from
 * the input, caching the result. False when nothing at all could be read from it
 * (releases all identical to ones already in count as read). */
bool load_input(struct catalog *cat, const char *input, const struct load_options *opt,
                struct load_counts *counts);

#endif
