/* load — the pipeline from inputs to catalog: source (entries as bytes) → text
 * (decoded, sanitised) → parse (fields) → catalog. Empty and binary entries are
 * skipped and counted; every problem becomes one line "relview: INPUT: ENTRY: reason"
 * with its names sanitised. */
#ifndef RELVIEW_LOAD_H
#define RELVIEW_LOAD_H

#include "relview/source.h"

#include <stdint.h>
#include <stdio.h>

struct catalog;
struct topic_vocab;

/* Problems reported per input before the rest are only counted. */
#define LOAD_PROBLEMS_SHOWN 20

struct load_options {
	struct source_limits limits;
	const struct topic_vocab *vocab;
	FILE *errors;          /* where problem lines go */
	const char *cache_dir; /* NULL: no cache (see cache.h) */
	uint64_t cache_max_bytes;
};

struct load_counts {
	struct source_counts source;
	uint64_t releases; /* added to the catalog */
	uint64_t empty, binary;
};

/* Read one input into the catalog — from its cache when that is fresh, else from
 * the input, caching the result. False when nothing at all could be read from it. */
bool load_input(struct catalog *cat, const char *input, const struct load_options *opt,
                struct load_counts *counts);

/* The sanitised, NUL-terminated form of a raw name (entry path, file name): no
 * control character survives. Returns a malloc'd string or NULL. */
char *load_clean_name(const char *raw);

#endif
