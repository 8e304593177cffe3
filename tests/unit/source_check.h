/* source_check — what a source handler saw, and inputs written into a temporary
 * folder, for the tests of source.h (test_source, test_zips, test_stream). */
#ifndef RELVIEW_TEST_SOURCE_CHECK_H
#define RELVIEW_TEST_SOURCE_CHECK_H

#include "relview/source.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct file {
	const char *path, *content; /* content NULL: a directory entry */
};

/* What the handler saw. */
struct seen {
	int entries, problems;
	char paths[16][128];
	char contents[16][128];
	uint64_t ordinals[16];
	char last_problem[256];
};

/* Handlers that note an entry or a problem in the struct seen at ctx. */
void on_entry(void *ctx, const struct source_entry *e);
void on_problem(void *ctx, const char *input, const char *path, const char *reason);

/* Limits no test input comes near. */
extern const struct source_limits roomy;

/* source_read() of path into *s and *counts, both cleared first. */
bool read_input(const char *path, const struct source_limits *limits, struct seen *s,
                struct source_counts *counts);

/* The path of name in the temporary folder; the last four stay valid. */
char *in_tmp(const char *name);

/* An archive of the files, written with libarchive's options (NULL: none). */
void write_archive_with(const char *path, int format, int filter, const char *options,
                        const struct file *files, size_t n);
void write_archive(const char *path, int format, int filter, const struct file *files, size_t n);
void write_file(const char *path, const char *content);

/* A folder "releases/" and its two releases, one.txt and two.txt. */
extern const struct file two_releases[3];

/* What a progress handler heard. */
struct heard {
	uint64_t size; /* said once, before the rest */
	int sizes;
	uint64_t last; /* bytes read as of the last report */
	bool backwards, size_late;
};

/* A progress handler that notes into the struct heard at ctx, and handlers that
 * note nothing. */
void on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed);
void ignore_entry(void *ctx, const struct source_entry *e);
void ignore_problem(void *ctx, const char *input, const char *path, const char *reason);

/* A handler that offers its own room for each entry, as the reading child offers
 * its ring. */
struct roomy_seen {
	struct seen seen;
	size_t asked[16]; /* the sizes room was asked for */
	int nasked, in_room;
	unsigned char room[4096];
};

/* source_read() of path with that handler, *r cleared first. */
void read_with_room(const char *path, const struct source_limits *limits, struct roomy_seen *r);

/* cmocka group fixtures: make the temporary folder, and remove it with all in it. */
int make_tmpdir(void **state);
int remove_tmpdir(void **state);

#endif
